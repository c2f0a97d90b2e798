#!/bin/sh
# run.sh - the browser tests of the web UI (Debian's chromium driven by
# playwright-core under Node's test runner) against the real gnbv binary.
#
#   tests/browser/run.sh [PATH/TO/gnbv]
#
# The binary comes from the argument, else $GNBV_BIN, else build/gnbv.
# Installs the node modules from package-lock.json when they are missing
# (npm ci: the npm registry only, never a browser download).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
if [ $# -ge 1 ]; then
	GNBV_BIN=$1
fi
GNBV_BIN=${GNBV_BIN:-$top/build/gnbv}
case "$GNBV_BIN" in
/*) ;;
*) GNBV_BIN=$(pwd)/$GNBV_BIN ;;
esac
export GNBV_BIN
if [ ! -x "$GNBV_BIN" ]; then
	echo "run.sh: no gnbv binary at $GNBV_BIN" >&2
	exit 1
fi
if [ -z "${GNBV_DATA:-}" ] && [ -d "$top/data" ]; then
	GNBV_DATA=$top/data
	export GNBV_DATA
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	echo "run.sh: ${CHROMIUM:-/usr/bin/chromium} is missing (apt-get install chromium)" >&2
	exit 1
fi
cd "$here"
if [ ! -f node_modules/playwright-core/package.json ]; then
	npm ci --no-audit --no-fund >&2
fi
exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.js
