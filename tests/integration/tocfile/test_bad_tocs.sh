#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# libcdio's eight bad-*.toc files are refused as TOC files (not "not a CUE sheet"), exit 2, at the line
# cdrdao 1.2.4 names (bad-cat1: the CATALOG line, where cdrdao says "Illegal catalog number"), with what
# is wrong; and nothing is written by convert.
set -euo pipefail
rawcd=${RAWCD_BIN:?}
data=${RAWCD_SHARED_TESTDATA:?}/libcdio_libcdio/test/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # name, then a command that must succeed
	local name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $name" >&2
	fi
}

refused() { # file, line, regex of the message
	local f=$1 line=$2 re=$3 rc=0
	"$rawcd" toc "$data/$f" >"$tmp/out" 2>"$tmp/err" || rc=$?
	[ "$rc" = 2 ] || { echo "  $f: exit $rc, expected 2" >&2; return 1; }
	grep -Eq "^rawcd: .*$f:$line: $re" "$tmp/err" || { echo "  $f: stderr:" >&2; cat "$tmp/err" >&2; return 1; }
	! grep -qi 'cue sheet' "$tmp/err" || { echo "  $f: read as a CUE sheet" >&2; return 1; }
}

nothing_written() { # file
	local rc=0
	mkdir -p "$tmp/o"
	"$rawcd" convert "$data/$1" -o "$tmp/o/x.bin" >/dev/null 2>&1 || rc=$?
	[ "$rc" = 2 ] && [ -z "$(ls -A "$tmp/o")" ]
}

check "bad-cat1 (CATALOG without a number)" refused bad-cat1.toc 4 'CATALOG needs .*13-digit'
check "bad-cat2 (CATALOG not quoted)" refused bad-cat2.toc 4 'CATALOG needs .*double quotes'
check "bad-cat3 (a letter in CATALOG)" refused bad-cat3.toc 4 'CATALOG "123456789A123" is not 13 digits'
check "bad-file (FILE in a data track)" refused bad-file.toc 8 'FILE is for audio tracks only.*DATAFILE'
check "bad-mode1 (MODE1_FORM45)" refused bad-mode1.toc 4 'MODE1_FORM45 is not a track mode'
check "bad-msf-1 (frame 75)" refused bad-msf-1.toc 6 'time 0:0:75: frames must be under 75'
check "bad-msf-2 (second 60)" refused bad-msf-2.toc 6 'time 0:60:0: seconds must be under 60'
check "bad-msf-3 (xx:yy:zz)" refused bad-msf-3.toc 6 'FILE "cdda.bin" needs a start'
for f in "$data"/bad-*.toc; do
	check "$(basename "$f"): convert writes nothing" nothing_written "$(basename "$f")"
	rm -rf "$tmp/o"
done
check "all eight are there" test "$(ls "$data"/bad-*.toc | wc -l)" = 8

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
