#!/bin/sh
# The README's second command: the whole test suite. Installs what is missing, builds the debug
# preset (ASan/UBSan, warnings as errors) and runs every test through CTest (unit, golden and
# command-line tests), then builds the libFuzzer targets with clang and runs each briefly.
set -eu
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake --preset debug > /dev/null
cmake --build --preset debug
ctest --preset debug
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz --target fuzzers
./test/fuzz/run.sh build/fuzz "${CHOSA_FUZZ_SECONDS:-20}"
echo "all tests passed"
