#!/bin/sh
# Installs every build, test and benchmark dependency of chosa from Debian 12's packages.
# Run as root (or with sudo) on a fresh machine. Idempotent: packages already present are kept.
set -eu
PACKAGES="
  g++ cmake ninja-build pkg-config git python3 ca-certificates
  libyaml-cpp-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libsodium-dev
  libicu-dev libxlsxwriter-dev libzip-dev libpugixml-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev
  clang libclang-rt-14-dev
"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
echo "setup: all Debian packages present"
