#!/bin/sh
# Installs every build, test and benchmark dependency of chosa from Debian 12's packages, and from
# npm the front-end assets the server serves (data/vendor/package-lock.json) and the browser-test
# packages (test/browser/package-lock.json). Run as root (or with sudo) on
# a fresh machine. Idempotent: what is present is kept.
set -eu
cd "$(dirname "$0")/.."
PACKAGES="
  g++ cmake ninja-build pkg-config git python3 python3-yaml ca-certificates
  libyaml-cpp-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libsodium-dev
  libicu-dev libxlsxwriter-dev libzip-dev libpugixml-dev libcli11-dev libfmt-dev
  librestinio-dev libasio-dev libhttp-parser-dev libkainjow-mustache-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libgtest-dev libgmock-dev
  clang libclang-rt-14-dev
  chromium fonts-noto-cjk poppler-utils
  libboost-dev libreadstat-dev r-base-core r-cran-survey r-cran-haven
  libreoffice-calc-nogui
"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
command -v node > /dev/null 2>&1 || missing="$missing nodejs"
if [ -n "$missing" ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
# Debian's nodejs comes without npm; some Node packages bundle it.
if ! command -v npm > /dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends npm
fi
if [ ! -d data/vendor/node_modules/chart.js ] || [ ! -d data/vendor/node_modules/echarts ]; then
  (cd data/vendor && npm ci --no-audit --no-fund)   # front-end assets served by the server
fi
if [ ! -d test/browser/node_modules/playwright-core ]; then
  (cd test/browser && npm ci --no-audit --no-fund)
fi
echo "setup: all packages present"
