#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# rawcd convert on real Mode 1: libcdio's isofs-m1.bin is a 302-sector MODE1/2352 image with real
# EDC/ECC. Its user data (bytes 16-2063 of every sector) as a cooked .iso with a MODE1/2048 sheet must
# convert back to isofs-m1.bin byte for byte: sync, BCD header, EDC and both ECC parities all rebuilt.
# Then the output sheet converted again (to another name) must give the same bytes, and the second
# output sheet must be the first one apart from its FILE line.
#
# Needs python3 and jq; exits 77 (skip) when it is missing.
source "$(dirname "$0")/lib.sh"
need python3 jq cmp
ref=${RAWCD_SHARED_TESTDATA:?}/libcdio_libcdio/test/data/isofs-m1.bin

# --- the cooked image: bytes 16..2063 of each 2352-byte sector ----------------------------------
python3 - "$ref" "$tmp/cooked.iso" <<'PY'
import sys
raw = open(sys.argv[1], "rb").read()
assert len(raw) == 302 * 2352, len(raw)
with open(sys.argv[2], "wb") as out:
    for lba in range(len(raw) // 2352):
        out.write(raw[lba * 2352 + 16:lba * 2352 + 2064])
PY
check "cooked image is 302 x 2048 bytes" [ "$(stat -c %s "$tmp/cooked.iso")" = $((302 * 2048)) ]

cat >"$tmp/cooked.cue" <<'EOF'
FILE "cooked.iso" BINARY
  TRACK 01 MODE1/2048
    INDEX 01 00:00:00
EOF

run() { # OUT-NAME SHEET: rawcd convert SHEET -o OUT-NAME; true when it exits 0
	local st=0
	"$rawcd" convert "$2" -o "$1" --quiet 2>"$tmp/err" || st=$?
	[ "$st" = 0 ] || { echo "  rawcd convert $2 -o $1 exited $st:" >&2; cat "$tmp/err" >&2; }
	[ "$st" = 0 ]
}

mkdir "$tmp/a" "$tmp/b"
check "convert cooked.cue exits 0" run "$tmp/a/first.bin" "$tmp/cooked.cue"
check "first.bin is isofs-m1.bin byte for byte" cmp "$tmp/a/first.bin" "$ref"
check "--quiet prints nothing on success" [ ! -s "$tmp/err" ]
check "first.cue written beside first.bin" [ -f "$tmp/a/first.cue" ]
check "first.cue names first.bin as BINARY" grep -qx 'FILE "first.bin" BINARY' "$tmp/a/first.cue"
check "first.cue says MODE1/2352" grep -Eq '^ *TRACK 01 MODE1/2352$' "$tmp/a/first.cue"
check "nothing else in the output folder" \
	[ "$(cd "$tmp/a" && ls -A | tr '\n' ' ')" = "first.bin first.cue " ]

# Idempotent: the output sheet (MODE1/2352 over first.bin) converted again.
check "convert first.cue exits 0" run "$tmp/b/second.bin" "$tmp/a/first.cue"
check "second.bin equals first.bin" cmp "$tmp/a/first.bin" "$tmp/b/second.bin"
check "second.cue is first.cue apart from the FILE name" \
	diff <(sed 's/^FILE "first\.bin" /FILE "X" /' "$tmp/a/first.cue") \
	<(sed 's/^FILE "second\.bin" /FILE "X" /' "$tmp/b/second.cue")
check "the FILE lines are the only difference" \
	[ "$(diff "$tmp/a/first.cue" "$tmp/b/second.cue" | grep -c '^[<>]')" = 2 ]

# The TOC of the output equals the TOC of the input sheet.
"$rawcd" toc "$tmp/cooked.cue" --format json 2>/dev/null | jq -S 'del(.tracks[].mode)' >"$tmp/toc-in.json" || true
"$rawcd" toc "$tmp/a/first.cue" --format json 2>/dev/null | jq -S 'del(.tracks[].mode)' >"$tmp/toc-out.json" || true
check "toc of first.cue equals toc of cooked.cue (lead-out 302)" \
	bash -c '[ "$(jq .leadout_lba "$1")" = 302 ] && diff "$1" "$2"' _ "$tmp/toc-in.json" "$tmp/toc-out.json"

finish
