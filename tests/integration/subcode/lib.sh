#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the subcode integration tests: tool checks (exit 77 = SKIP), the checkers of this folder,
# a work folder removed on exit, check(), must_fail(), size_is(), convert(), the mixed disc, finish().
# An unexpected error (set -e) still ends with the summary line, counted as one more failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rawcd=${RAWCD_BIN:?RAWCD_BIN must name the rawcd executable (meson test sets it)}
decode=("python3" "$here/decode_subcode.py")
tool=("python3" "$here/image_tool.py")
ccd=("python3" "$here/check_ccd.py")
cdt=("python3" "$here/cdtext_decode.py")
work=$(mktemp -d)
passed=0 failed=0 done=no
on_exit() {
	local st=$?
	rm -rf "$work"
	if [ "$done" = no ]; then
		echo "FAIL: stopped by an unexpected error (exit $st)" >&2
		echo "$passed passed, $((failed + 1)) failed"
		exit 1
	fi
}
trap on_exit EXIT

skip() { # WHY: end the test as skipped (exit 77)
	echo "SKIP: $*"
	done=skipped
	exit 77
}

need() { # TOOL...: skip the test unless every tool is installed
	local t packages=()
	for t in "$@"; do
		case $t in
		cd-info) packages+=(libcdio-utils) ;;
		cmp) packages+=(diffutils) ;;
		*) packages+=("$t") ;;
		esac
	done
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || skip "'$t' is not installed (apt-get install ${packages[*]})"
	done
}

check() { # name, then a command that must succeed
	local name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
		echo "ok: $name"
	else
		failed=$((failed + 1))
		echo "FAIL: $name" >&2
	fi
}

must_fail() { # name, text the output must hold, then a command that must exit 1
	local name=$1 want=$2 st=0
	shift 2
	"$@" >"$work/neg.out" 2>&1 || st=$?
	if [ "$st" = 1 ] && grep -q -- "$want" "$work/neg.out"; then
		passed=$((passed + 1))
		echo "ok: $name (rejected: $(grep -m1 -- "$want" "$work/neg.out"))"
	else
		failed=$((failed + 1))
		echo "FAIL: $name: exit $st, wanted 1 and '$want' in:" >&2
		sed 's/^/    /' "$work/neg.out" >&2
	fi
}

size_is() { # file, bytes
	local got
	got=$(stat -c %s "$1")
	[ "$got" = "$2" ] || { echo "    $1 is $got bytes, want $2" >&2; return 1; }
}

convert() { # sheet, out, args...: rawcd convert, failing the check on a non-zero exit
	local sheet=$1 out=$2
	shift 2
	if ! "$rawcd" convert "$sheet" -o "$out" --quiet "$@" 2>"$work/convert.err"; then
		cat "$work/convert.err" >&2
		return 1
	fi
}

# The mixed disc of ../peers/make_mixed_disc.sh in $work/disc, then cd "$work": sets sheet (its sheet)
# and leadout (its lead-out LBA), and writes its `rawcd toc --format json` to toc.json.
mixed_disc() {
	mkdir "$work/disc"
	bash "$here/../peers/make_mixed_disc.sh" "$work/disc"
	cd "$work"
	sheet=disc/mixed.cue
	"$rawcd" toc "$sheet" --format json >toc.json
	leadout=$(jq -r .leadout_lba toc.json)
}

finish() { # the summary line; true when nothing failed
	done=yes
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}
