#!/bin/sh
# Installs the Debian 12 packages gnbv needs to build, test and benchmark.
# Idempotent: installs only what dpkg does not already report as installed.
# Called by `make demo`, `make test` and `make bench`; runs apt-get as root,
# through sudo otherwise.
set -eu

# Build and run.
PKGS="build-essential cmake ninja-build pkg-config
libutf8proc-dev libsqlite3-dev libmicrohttpd-dev libjansson-dev libsodium-dev
libxlsxwriter-dev libzip-dev libexpat1-dev libcairo2-dev fonts-dejavu-core"
# Tests: unit tests, fuzz replay, PDF text checks, API tests (Python's
# standard library), browser tests (Debian's chromium, driven from Node).
PKGS="$PKGS libcmocka-dev clang-14 libclang-rt-14-dev poppler-utils python3 chromium"
# Office files are checked by opening them in LibreOffice (headless) and
# python-docx, as a user would open them.
PKGS="$PKGS libreoffice-writer-nogui libreoffice-calc-nogui python3-docx"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
if [ "${1:-}" = "--bench" ]; then
  PKGS="$PKGS python3-pandas hyperfine wrk"
fi

missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
