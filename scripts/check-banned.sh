#!/bin/sh
# Fails when src/ or tests/ use functions banned by STYLE.md.
set -eu
top=${1:-.}
cd "$top"
if grep -rnE '\b(sprintf|vsprintf|strcat|strncpy|strtok|gets)\s*\(' src tests --include='*.c' --include='*.h'; then
	echo "banned functions used (see above): use buf.h or snprintf"
	exit 1
fi
echo "banned functions: none"
