#!/bin/sh
# Golden CLI test runner: sh run.sh GNBV CASE.t
#
# A case file holds, in order:
#   # comments
#   $ gnbv ARGS...            the command (run in a fresh temporary folder;
#                             "gnbv" is the binary under test; $GNBV_SHARED,
#                             $GNBV_SRC and $GNBV_DATA are expanded by sh);
#                             with several, all but the last are setup steps
#                             run first, in order, that must exit 0 (e.g.
#                             gnbv init, gnbv import units before an import)
#   ? STATUS                  the expected exit status (default 0)
#   --- NAME                  a file written into the folder before the run
#   --- NAME< PATH            the same, copied from PATH (relative to tests/cli/,
#                             e.g. fixtures/summary/units.csv shared by cases)
#   --- stdout                the exact expected standard output
#   --- stdout< PATH          standard output must equal the file PATH
#   --- stderr~               each line must occur in standard error
# With a non-zero status and no stdout section, standard output must be
# empty (bad input writes nothing).
set -u
gnbv=$1
case_file=$2
name=$(basename "$case_file" .t)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -v dir="$work" '
	/^--- / {
		if (out != "") close(out)
		sec = substr($0, 5)
		if (sec == "stdout") out = dir "/.expect.stdout"
		else if (sec == "stderr~") out = dir "/.expect.stderr"
		else if (sec ~ /^stdout< /) { print substr(sec, 9) > (dir "/.expect.stdout.path"); out = "/dev/null" }
		else if (sec ~ /^[^ ]+< /) { n = index(sec, "< "); print substr(sec, 1, n - 1) "\t" substr(sec, n + 2) > (dir "/.copies"); out = "/dev/null" }
		else out = dir "/" sec
		printf "" > out
		next
	}
	out == "" && /^\$ gnbv/ { print substr($0, 8) > (dir "/.cmd"); next }
	out == "" && /^\? / { print substr($0, 3) > (dir "/.status"); next }
	out == "" { next }
	{ print > out }
' "$case_file"

[ -f "$work/.cmd" ] || { echo "$name: no command line"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
if [ -f "$work/.copies" ]; then
	while IFS="$(printf '\t')" read -r dest src; do
		cp "$here/$src" "$work/$dest" || { echo "$name: no fixture $src"; exit 1; }
	done <"$work/.copies"
fi
want_status=0
[ -f "$work/.status" ] && want_status=$(cat "$work/.status")
args=$(tail -n 1 "$work/.cmd")

cd "$work" || exit 1
steps=$(($(wc -l <.cmd) - 1))
if [ "$steps" -gt 0 ]; then
	head -n "$steps" .cmd | while IFS= read -r setup; do
		eval "set -- $setup"
		"$gnbv" "$@" >.setup.out 2>&1 || {
			echo "$name: setup step failed: gnbv $setup"
			head -20 .setup.out
			exit 1
		}
	done || exit 1
fi
eval "set -- $args"
"$gnbv" "$@" >.got.stdout 2>.got.stderr
status=$?
fail=0
if [ "$status" != "$want_status" ]; then
	echo "$name: exit status $status, expected $want_status"
	fail=1
fi
if [ -f .expect.stdout.path ]; then
	p=$(eval "echo $(cat .expect.stdout.path)")
	cp "$p" .expect.stdout
fi
if [ -f .expect.stdout ]; then
	if ! cmp -s .expect.stdout .got.stdout; then
		echo "$name: standard output differs:"
		diff .expect.stdout .got.stdout | head -40
		fail=1
	fi
elif [ "$want_status" != 0 ] && [ -s .got.stdout ]; then
	echo "$name: standard output should be empty on bad input, got:"
	head -5 .got.stdout
	fail=1
fi
if [ -f .expect.stderr ]; then
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		if ! grep -qF -- "$line" .got.stderr; then
			echo "$name: standard error lacks: $line"
			fail=1
		fi
	done <.expect.stderr
fi
if [ $fail -ne 0 ]; then
	echo "--- standard error was:"
	head -20 .got.stderr
	exit 1
fi
echo "$name: ok"
