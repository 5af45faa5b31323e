#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The shared library exports exactly the functions the public headers declare: no internal rcd_* symbol
# leaks, and no declared function is missing; and `nm -D --defined-only` lists nothing but rawcd_ symbols
# (of any type: functions, data, BSS), besides the version node RAWCD_0.
set -euo pipefail
lib=$1 headers=$2
exported=$(nm -D --defined-only "$lib" | awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' | sort -u)
declared=$(cat "$headers"/*.h | tr '\n' ' ' | grep -oE '[a-z_0-9 *]+ \**rawcd_[a-z0-9_]+\(' |
	grep -oE 'rawcd_[a-z0-9_]+\($' | tr -d '(' | sort -u)
others=$(nm -D --defined-only "$lib" | awk '!($2 == "A" && $3 == "RAWCD_0") { sub(/@.*/, "", $3); print $3 }' |
	grep -v '^rawcd_' || true)
if [ -n "$others" ]; then
	echo "defined symbols not named rawcd_:"; echo "$others"
	echo "0 passed, 1 failed"
	exit 1
fi
if [ "$exported" != "$declared" ]; then
	echo "exported but not declared:"; comm -23 <(echo "$exported") <(echo "$declared")
	echo "declared but not exported:"; comm -13 <(echo "$exported") <(echo "$declared")
	echo "0 passed, 1 failed"
	exit 1
fi
echo "$(echo "$exported" | wc -l) symbols match"
echo "1 passed, 0 failed"
