#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# No line of a sheet is dropped without a word (tests/README.md, "Lines rawcd does not keep"), through
# the real CLI: a CDTEXTFILE that does not exist is an error at its line (exit 2, nothing written) for
# the work that records CD-TEXT (convert to a format with subcode, burn, toc --toc-format 5) and a
# warning at its line for the rest (toc formats 0-2, convert --format bin, check); the other cases are
# warnings or errors at their line too.
set -euo pipefail
rawcd=${RAWCD_BIN:?}
data=${RAWCD_SHARED_TESTDATA:?}/libcdio_libcdio/test/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

expect() { # name, expected status, a regular expression the stderr must match, then the command
	local name=$1 want=$2 re=$3 got=0
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" || got=$?
	if [ "$got" -eq "$want" ] && grep -qE -- "$re" "$tmp/err"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $name: status $got (expected $want), stderr:" >&2
		cat "$tmp/err" >&2
	fi
}

check() { # name, then a command that must succeed
	local name=$1
	shift
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name" >&2; fi
}

mkdir "$tmp/w"
cd "$tmp/w"
head -c $((2352 * 300)) /dev/zero >a.bin
printf 'REM a comment\nCDTEXTFILE "none.cdt"\nFILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >n.cue
err='^rawcd: n\.cue:2: CDTEXTFILE "[^"]*none\.cdt": cannot open'
warn='^rawcd: n\.cue:2: warning: CDTEXTFILE "[^"]*none\.cdt": cannot open.*going on without CD-TEXT'

# toc
expect "toc --toc-format 5: error at the line" 2 "$err" "$rawcd" toc n.cue --toc-format 5
check "toc --toc-format 5: no bytes" [ ! -s "$tmp/out" ]
for f in 0 1 2; do
	expect "toc --toc-format $f --format hex: warning at the line" 0 "$warn" "$rawcd" toc n.cue --toc-format "$f" --format hex
done
expect "toc --format json: warning" 0 "$warn" "$rawcd" toc n.cue --format json
check "toc --format json still prints the TOC" [ "$(jq .leadout_lba "$tmp/out")" = 300 ]
expect "toc --format text: warning" 0 "$warn" "$rawcd" toc n.cue

# convert
for f in clonecd raw96 packed96 pq16; do
	expect "convert --format $f: error at the line" 2 "$err" "$rawcd" convert n.cue -o "o-$f" --format "$f"
	check "convert --format $f: nothing written" [ -z "$(ls -A | grep -v -e '^a\.bin$' -e '^n\.cue$')" ]
done
expect "convert --format raw96 --lead-in: error" 2 "$err" "$rawcd" convert n.cue -o o.raw --format raw96 --lead-in
expect "convert --format bin: warning at the line" 0 "$warn" "$rawcd" convert n.cue -o o.bin
check "convert --format bin: the CDTEXTFILE line is copied" grep -q '^CDTEXTFILE "none.cdt"' o.cue
rm -f o.bin o.cue

# burn (the emulated recorder): refused before the drive is touched
expect "burn: error at the line" 2 "$err" "$rawcd" burn n.cue --device emulated:cd-r
"$rawcd" burn n.cue --device emulated:cd-r --json >"$tmp/b.json" 2>/dev/null || true
check "burn: nothing written" [ "$(jq -c '[.sectors, .exit_status, .errors[0].line]' "$tmp/b.json")" = '[0,2,2]' ]
expect "burn --write-mode sao: error too" 2 "$err" "$rawcd" burn n.cue --device emulated:cd-r --write-mode sao

# check
expect "check: warning" 0 "$warn" "$rawcd" check n.cue

# A CDTEXTFILE and CD-TEXT keywords: the keywords are not in the CD-TEXT, said at the CDTEXTFILE line.
cp "$data/cdtext.cdt" t.cdt
printf 'CDTEXTFILE "t.cdt"\nTITLE "Disc"\nFILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    PERFORMER "Me"\n    INDEX 01 00:00:00\n' >k.cue
expect "CDTEXTFILE with keywords: a warning naming them" 0 \
	'^rawcd: k\.cue:1: warning: CDTEXTFILE "t\.cdt" is the disc.s CD-TEXT: the sheet.s TITLE, PERFORMER lines are not in it' \
	"$rawcd" toc k.cue --toc-format 5 --format json

# The parser's cases, one each.
line() { printf 'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n'; }
{ printf 'CDTEXTFILE "t.cdt"\nCDTEXTFILE "u.cdt"\n'; line; } >d.cue
expect "CDTEXTFILE twice: error at the second" 2 '^rawcd: d\.cue:2: CDTEXTFILE given twice \(first on line 1\)' "$rawcd" check d.cue
{ printf 'REM LEAD-OUT 00:30:00\n'; line; } >lo.cue
expect "REM LEAD-OUT before any TRACK: warning" 0 '^rawcd: lo\.cue:1: warning: REM LEAD-OUT before any TRACK' "$rawcd" toc lo.cue
{ line; printf 'REM LEAD-OUT 00:30:00\nREM LEAD-OUT 00:40:00\n'; } >lo2.cue
expect "REM LEAD-OUT twice: warning" 0 '^rawcd: lo2\.cue:5: warning: REM LEAD-OUT given twice' "$rawcd" check lo2.cue
{ line; printf 'REM LEAD-IN 00:30:00\n'; } >li.cue
expect "REM LEAD-IN after the last TRACK: warning" 0 '^rawcd: li\.cue:4: warning: REM LEAD-IN after the last TRACK' "$rawcd" check li.cue
cp a.bin b.bin
{ printf 'FILE "b.bin" BINARY\n'; line; } >f.cue
expect "FILE without INDEX: warning" 0 '^rawcd: f\.cue:1: warning: FILE "b\.bin" has no INDEX' "$rawcd" convert f.cue -o fo.bin
check "FILE without INDEX: the image holds the other file only" cmp fo.bin a.bin
expect "unknown keyword: error" 2 '^rawcd: u\.cue:4: unknown keyword "SONGWRITTER"' \
	bash -c "{ printf 'FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\nSONGWRITTER x\n'; } >u.cue; '$rawcd' check u.cue"
expect "GENRE of a track: warning" 0 'GENRE of track 01 is not recorded in CD-TEXT' \
	bash -c "printf 'FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    GENRE \"Rock\"\n    INDEX 01 00:00:00\n' >g.cue; '$rawcd' toc g.cue --toc-format 5 --format json"

echo "no silent drops:"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
