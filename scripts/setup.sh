#!/bin/sh
# Installs what the build and the tests need on a fresh Debian 12 machine, and nothing twice:
# apt packages that are missing, the npm dev dependencies, and the pinned RE2 sources.
#   setup.sh            everything `npm test` needs (compilers, Emscripten, Chromium, ...)
#   setup.sh --minimal  only what `npm start` needs (Emscripten and RE2 to build the package)
set -eu
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--minimal" ]; then
  PKGS="emscripten binaryen node-acorn node-xtend cmake ninja-build zip"
else
  PKGS="emscripten binaryen node-acorn node-xtend cmake ninja-build zip g++ clang pkg-config
        libre2-dev googletest libgtest-dev libbenchmark-dev libclang-rt-14-dev chromium
        python3 python3-distributed"
fi

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install:$missing" >&2; exit 1; }
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi

sh scripts/fetch-re2.sh
