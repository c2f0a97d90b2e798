#!/bin/sh
# Checks the one-way layering of src/ (docs/ARCHITECTURE.md):
#   core <- io <- store <- app, report <- http <- api <- cli <- main.c
# (store sits above io: it folds names and builds their Vietnamese sort
# keys with io/text.h.)
# (http is the generic web layer -- server, arena, JSON writer -- that the
# api's handlers use; it knows nothing of the api.)
# A file may include headers of its own layer and of layers below it only.
set -eu
top=${1:-.}
cd "$top/src"
rank() {
	case "$1" in
	core) echo 0 ;;
	io) echo 1 ;;
	store) echo 2 ;;
	app | report) echo 3 ;;
	draft) echo 4 ;;
	http) echo 5 ;;
	api) echo 6 ;;
	cli) echo 7 ;;
	*) echo 9 ;;
	esac
}
bad=0
for f in $(find core io store app report draft api http cli -name '*.[ch]' 2>/dev/null); do
	layer=${f%%/*}
	r=$(rank "$layer")
	for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
		case "$inc" in
		../*) target=$(echo "$inc" | cut -d/ -f2) ;;
		*/*) target=$(echo "$inc" | cut -d/ -f1) ;;
		*) target=$layer ;;
		esac
		tr=$(rank "$target")
		if [ "$target" != "$layer" ] && [ "$tr" -ge "$r" ]; then
			echo "layering: src/$f includes $inc ($target is not below $layer)"
			bad=1
		fi
	done
done
# core is pure: no I/O headers.
if grep -nE '#include <(stdio|dirent|fcntl|unistd|sys/stat|sqlite3|microhttpd)\.h>' core/*.c core/*.h | grep -v 'core/mem.c\|core/buf.c\|core/diag.c'; then
	echo "layering: core must not do I/O (see above)"
	bad=1
fi
if [ $bad -eq 0 ]; then echo "layers: ok"; fi
exit $bad
