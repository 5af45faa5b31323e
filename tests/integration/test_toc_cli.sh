#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# rawcd toc and rawcd check through the real CLI: the foundation issue's acceptance values, the READ TOC
# byte round trip (--format hex → --from-bytes) and the exit codes of DESIGN.md §3.
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

json_eq() { # file, jq filter, expected
	local got
	got=$(jq -c "$2" "$1")
	[ "$got" = "$3" ] || { echo "  $2 = $got, expected $3" >&2; return 1; }
}

"$rawcd" toc "$data/isofs-m1.cue" --format json >"$tmp/m1.json" 2>"$tmp/m1.err"
check "isofs-m1 lead-out 302" json_eq "$tmp/m1.json" .leadout_lba 302
check "isofs-m1 one MODE1/2352 track at LBA 0" json_eq "$tmp/m1.json" '[.tracks[] | [.mode, .start_lba]]' '[["MODE1/2352",0]]'

"$rawcd" toc "$data/cdda.cue" --format json >"$tmp/cdda.json" 2>"$tmp/cdda.err"
check "cdda MCN" json_eq "$tmp/cdda.json" .mcn '"0000010271955"'
check "cdda lead-out" json_eq "$tmp/cdda.json" .leadout_lba 302
check "cdda warns about CDDA.BIN" grep -q 'cdda.cue:4: warning: FILE "CDDA.BIN" does not exist' "$tmp/cdda.err"

"$rawcd" toc "$data/cdda_4_5.cue" --format json >"$tmp/45.json"
check "cdda_4_5 first track" json_eq "$tmp/45.json" .first_track 4
check "cdda_4_5 last track" json_eq "$tmp/45.json" .last_track 5

# Format 0 bytes of isofs-m1, worked out by hand from MMC-6 table 470: length 0x12, tracks 1-1,
# track 1 (ADR 1, CONTROL 4) at LBA 0, lead-out AAh at LBA 302 (0x12E).
"$rawcd" toc "$data/isofs-m1.cue" --format hex --toc-format 0 >"$tmp/m1.hex" 2>/dev/null
check "isofs-m1 format 0 bytes" diff <(tr -s ' \n' ' ' <"$tmp/m1.hex") \
	<(echo -n "00 12 01 01 00 14 01 00 00 00 00 00 00 14 aa 00 00 00 01 2e ")

# Every sheet: hex of format 2 decoded again gives the same JSON (less what only the sheet knows, and
# the MCN and ISRCs, which READ TOC does not carry: null from the bytes).
for sheet in "$data/isofs-m1.cue" "$data/cdda.cue" "$data/cdda_4_5.cue"; do
	"$rawcd" toc "$sheet" --format hex --toc-format 2 2>/dev/null | xxd -r -p >"$tmp/toc2.bin"
	"$rawcd" toc --from-bytes "$tmp/toc2.bin" --toc-format 2 --format json >"$tmp/back.json"
	"$rawcd" toc "$sheet" --format json 2>/dev/null |
		jq 'del(.mcn) | .tracks |= map(del(.mode, .flags, .pregap, .indexes, .isrc))' >"$tmp/model.json"
	check "round trip $(basename "$sheet")" \
		diff <(jq -S 'del(.mcn) | .tracks |= map(del(.isrc))' "$tmp/back.json") <(jq -S . "$tmp/model.json")
	check "from bytes: mcn and isrc null $(basename "$sheet")" \
		json_eq "$tmp/back.json" '[.mcn, (.tracks[] | .isrc)] | unique' '[null]'
	"$rawcd" toc --from-bytes "$tmp/toc2.bin" --toc-format 2 --format binary >"$tmp/again.bin"
	check "bytes again $(basename "$sheet")" cmp "$tmp/toc2.bin" "$tmp/again.bin"
done

# Format 5: a sheet whose CDTEXTFILE is libcdio's cdtext.cdt gives back exactly its 96 packs, decoded
# to the strings of libcdio's test/cdtext.right (both blocks).
printf 'CDTEXTFILE "%s"\nFILE "%s" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n' \
	"$data/cdtext.cdt" "$data/cdda.bin" >"$tmp/cdt.cue"
"$rawcd" toc "$tmp/cdt.cue" --toc-format 5 --format binary >"$tmp/t5.bin" 2>/dev/null
check "format 5 holds the CDTEXTFILE's packs" cmp <(tail -c +5 "$tmp/t5.bin") <(head -c $((96 * 18)) "$data/cdtext.cdt")
check "format 5 length field" [ "$(head -c 2 "$tmp/t5.bin" | xxd -p)" = "$(printf '%04x' $((96 * 18 + 2)))" ]
"$rawcd" toc --from-bytes "$tmp/t5.bin" --toc-format 5 --format json >"$tmp/t5.json"
check "format 5 decoded: disc title" json_eq "$tmp/t5.json" '.blocks[0].items.TITLE[0]' '"Joyful Nights"'
check "format 5 decoded: German block" json_eq "$tmp/t5.json" '.blocks[1].items.TITLE[0]' '"Freudvolle Nächte"'
check "format 5 decoded: track performer" json_eq "$tmp/t5.json" '.blocks[0].items.PERFORMER[2]' '"Catwalk Beauties"'
"$rawcd" toc "$data/cdda.cue" --toc-format 5 --format json >"$tmp/c5.json" 2>/dev/null
check "format 5 built from CUE keywords" json_eq "$tmp/c5.json" '[.blocks[0].items.TITLE[0], .blocks[0].items.PERFORMER[1]]' \
	'["Join us now we have the software","Richard S"]'

# Without --toc-format the bytes say which format they are (0, 1, 2 or 5), in a note on stderr, and
# decode as that format does when it is given.
for f in 0 1 2; do
	"$rawcd" toc "$data/cdda_4_5.cue" --format binary --toc-format "$f" >"$tmp/d$f.bin" 2>/dev/null
	"$rawcd" toc --from-bytes "$tmp/d$f.bin" --format json >"$tmp/d$f.json" 2>"$tmp/d$f.err"
	"$rawcd" toc --from-bytes "$tmp/d$f.bin" --toc-format "$f" --format json >"$tmp/g$f.json" 2>/dev/null
	check "format $f detected: same JSON as with --toc-format $f" cmp "$tmp/d$f.json" "$tmp/g$f.json"
	check "format $f detected: the note" grep -q "^rawcd: $tmp/d$f.bin: read as READ TOC format $f (" "$tmp/d$f.err"
done
check "format 2 note names 11-byte descriptors" \
	grep -qF "read as READ TOC format 2 (full TOC): 11-byte descriptors" "$tmp/d2.err"
check "format 0 note names the lead-out" grep -qF "format 0 (TOC): 8-byte descriptors ending with the lead-out (AAh)" "$tmp/d0.err"
"$rawcd" toc --from-bytes "$tmp/t5.bin" --format json >"$tmp/d5.json" 2>"$tmp/d5.err"
check "format 5 detected" cmp "$tmp/d5.json" "$tmp/t5.json"
check "format 5 detected: the note" grep -qF "read as READ TOC format 5 (CD-TEXT): 18-byte packs with valid CRCs" "$tmp/d5.err"
"$rawcd" toc --from-bytes "$tmp/d2.bin" --format hex >"$tmp/d2.hex" 2>/dev/null
check "detected format 2 printed as format 2 bytes" cmp <(xxd -r -p "$tmp/d2.hex") "$tmp/d2.bin"
"$rawcd" toc --from-bytes "$tmp/d2.bin" --toc-format 2 --format json >/dev/null 2>"$tmp/given.err"
check "no note when --toc-format is given" [ ! -s "$tmp/given.err" ]
printf '\x00\x0f\x01\x01' >"$tmp/odd.bin"; head -c 15 /dev/zero >>"$tmp/odd.bin"
set +e; "$rawcd" toc --from-bytes "$tmp/odd.bin" >/dev/null 2>"$tmp/odd.err"; odd=$?; set -e
check "bytes of no format exit 2" [ "$odd" = 2 ]
check "bytes of no format: give --toc-format" grep -q "cannot tell which READ TOC format.*give --toc-format" "$tmp/odd.err"

# Exit codes and messages.
status() { set +e; "$@" >/dev/null 2>"$tmp/err"; echo $?; set -e; }
printf 'FILE "a.bin" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n TRACK 03 AUDIO\n' >"$tmp/bad.cue"
check "bad sheet exits 2" [ "$(status "$rawcd" toc "$tmp/bad.cue")" = 2 ]
check "bad sheet names FILE:LINE" grep -q "^rawcd: $tmp/bad.cue:4: TRACK 03 follows track 01" "$tmp/err"
printf 'FILE "missing.bin" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n' >"$tmp/missing.cue"
check "missing file exits 2" [ "$(status "$rawcd" toc "$tmp/missing.cue")" = 2 ]
check "missing file names the FILE line" grep -q "missing.cue:1: FILE \"missing.bin\" cannot be opened" "$tmp/err"
check "check without files exits 0" [ "$(status "$rawcd" check "$tmp/missing.cue")" = 0 ]
check "unknown option exits 2" [ "$(status "$rawcd" toc --bogus x.cue)" = 2 ]
check "no sheet exits 2" [ "$(status "$rawcd" toc "$tmp/none.cue")" = 2 ]
check "bytes that are not a TOC exit 2" [ "$(printf '\x00\x05\x01' >"$tmp/junk"; status "$rawcd" toc --from-bytes "$tmp/junk" --toc-format 2)" = 2 ]
check "--help exits 0" [ "$(status "$rawcd" toc --help)" = 0 ]
check "--version" bash -c "'$rawcd' --version | grep -q '^rawcd [0-9]'"
"$rawcd" check --json "$tmp/bad.cue" >"$tmp/check.json" || true
check "check --json" json_eq "$tmp/check.json" '[.valid, .diagnostics[0].line]' '[false,4]'

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
