#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# CD-TEXT acceptance: the packs rawcd builds for the texts of libcdio's CD-TEXT test data decode to
# the same strings, and every pack CRC is valid. The test data (under $RAWCD_SHARED_TESTDATA/
# libcdio_libcdio): test/data/cdtext{,-krosis,-libburnia}.cdt (raw packs), test/cdtext*.right
# (libcdio's decode of them, the expected strings), and historic_7b64aa70/cdtext.cue (a sheet with
# CDTEXTFILE "cdtext.cdt" and its cdtext.bin).
#
# For each of the three .cdt/.right pairs:
#  (a) cdtext_decode.py (a small decoder written here) decodes the .cdt, every pack checked (CRC,
#      sequence numbers, track and character-position bytes, size information), to the strings of the
#      .right file, every block/language: this makes the decoder an oracle.
#  (b) a sheet with block 0's texts as CUE keywords (disc: TITLE PERFORMER SONGWRITER COMPOSER ARRANGER
#      MESSAGE DISC_ID GENRE UPC_EAN; tracks: the same and ISRC) over a silent BINARY file is converted
#      with --format raw96 --lead-in; decode_subcode.py checks the whole image (Q, P, and every lead-in
#      R-W pack's CRC, 4 packs a sector, one list cycling from the lead-in start) and extracts the
#      packs; they decode to block 0 of the .right file and of the .cdt. The genre code is not
#      compared: a CUE sheet has no keyword for it (rawcd writes 0, "not used").
#  (c) cd-info reads those packs through a CDTEXTFILE sheet and prints the same strings (where cd-info
#      reads libcdio's own .cdt right: cd-info 2.1.0 misreads cdtext-krosis.cdt, so not for that one).
#  (d) --format clonecd: the .ccd passes check_ccd.py and its [CDText] entries (CRC appended) are the
#      lead-in packs.
#  (e) if `rawcd toc --toc-format 5 --format binary` exists, its packs are the lead-in packs too
#      (skipped with a message while it does not).
# Then CDTEXTFILE input:
#  (f) libcdio's historic cdtext.cue: the lead-in cycles exactly the packs of its cdtext.cdt, and they
#      decode to what cd-info prints for the original sheet; clonecd's [CDText] holds them too.
#  (g) a sheet with CDTEXTFILE test/data/cdtext.cdt (two blocks, English and German): the lead-in
#      cycles its 96 packs, which decode to both languages of cdtext.right.
#  (h) the checks can fail: a changed string or a damaged pack is rejected.
#
# Needs python3, cd-info (libcdio-utils), jq and cmp; exits 77 (skip) when one is missing.
source "$(dirname "$0")/lib.sh"
need python3 cd-info jq cmp
shared=${RAWCD_SHARED_TESTDATA:?RAWCD_SHARED_TESTDATA must name ../shared/testdata (meson test sets it)}
lib=$shared/libcdio_libcdio
if [ ! -d "$lib/test/data" ] || [ ! -f "$lib/historic_7b64aa70/cdtext.cue" ]; then
	skip "libcdio's CD-TEXT test data is not in $lib"
fi

cdinfo_sheet() { # dir, stem, tracks, sectors a track, cdt file: a sheet cd-info reads (its BIN
	# must be named after the sheet: cd-info 2.1.0 opens STEM.bin whatever FILE says)
	local dir=$1 stem=$2 tracks=$3 len=$4 packs=$5 n at
	{
		echo "CDTEXTFILE \"$packs\""
		echo "FILE \"$stem.bin\" BINARY"
		for ((n = 1; n <= tracks; n++)); do
			at=$(((n - 1) * len))
			printf '  TRACK %02d AUDIO\n    INDEX 01 %02d:%02d:%02d\n' "$n" $((at / 4500)) $((at / 75 % 60)) $((at % 75))
		done
	} >"$dir/$stem.cue"
	head -c $((tracks * len * 2352)) /dev/zero >"$dir/$stem.bin"
}

# toc --toc-format 5 exists?
fmt5=no
probe=$("$rawcd" toc "$lib/historic_7b64aa70/cdtext.cue" --toc-format 5 --format binary 2>&1 >/dev/null) && fmt5=yes
[ $fmt5 = yes ] || echo "note: rawcd toc --toc-format 5 --format binary is not available, its check is skipped ($probe)"

compare_fmt5() { # sheet, lead-in packs
	if [ $fmt5 != yes ]; then
		echo "skip: toc --toc-format 5 packs = lead-in packs ($1): format 5 not available"
		return
	fi
	rm -f "$work/fmt5.bin" "$work/fmt5.cdt"
	check "toc --toc-format 5 --format binary ($1)" sh -c '"$@" >"'"$work/fmt5.bin"'"' -- \
		"$rawcd" toc "$1" --toc-format 5 --format binary
	check "toc --toc-format 5 is a valid response: length field, whole packs" \
		"${cdt[@]}" unwrap "$work/fmt5.bin" "$work/fmt5.cdt"
	check "toc --toc-format 5 packs = lead-in packs ($1)" cmp "$work/fmt5.cdt" "$2"
}

cd "$work"
SECTORS=300 # a track

# --- (a)-(e) texts as CUE keywords ---------------------------------------------------------------
for name in cdtext cdtext-libburnia cdtext-krosis; do
	echo "--- $name"
	mkdir "$name"
	d=$name
	"${cdt[@]}" right "$lib/test/$name.right" >"$d/right.json"
	check "$name.right has block 0 with texts" [ "$(jq '.[0].tracks | length' "$d/right.json")" -gt 0 ]
	check "(a) $name.cdt decodes, every pack checked" sh -c '"$@" >'"$d/cdt.json" -- "${cdt[@]}" decode "$lib/test/data/$name.cdt"
	check "(a) $name.cdt decodes to $name.right (all blocks)" "${cdt[@]}" compare "$d/cdt.json" "$d/right.json"

	tracks=$(jq '.[0].tracks | length' "$d/right.json")
	"${cdt[@]}" cue "$lib/test/$name.right" 0 audio.bin $SECTORS >"$d/keywords.cue"
	head -c $((tracks * SECTORS * 2352)) /dev/zero >"$d/audio.bin"
	"$rawcd" toc "$d/keywords.cue" --format json >"$d/toc.json"
	check "(b) convert $name keywords --format raw96 --lead-in" convert "$d/keywords.cue" "$d/img.raw96" --format raw96 --lead-in
	check "(b) decode_subcode: $name raw96, lead-in packs' CRCs" \
		"${decode[@]}" --toc "$d/toc.json" --format raw96 --first-lba -22650 "$d/img.raw96" --cdtext-out "$d/lead.cdt"
	rm -f "$d/img.raw96"
	check "(b) $name lead-in packs decode, every pack checked" sh -c '"$@" >'"$d/lead.json" -- "${cdt[@]}" decode "$d/lead.cdt"
	check "(b) $name lead-in strings = $name.right block 0" \
		"${cdt[@]}" compare "$d/lead.json" "$d/right.json" --blocks 0 --ignore GENRE_CODE
	check "(b) $name lead-in strings = $name.cdt block 0" \
		"${cdt[@]}" compare "$d/lead.json" "$d/cdt.json" --blocks 0 --ignore GENRE_CODE

	# cd-info is an oracle only where it reads libcdio's own .cdt as the .right file says: 2.1.0
	# misreads cdtext-krosis.cdt (empty disc strings for SONGWRITER/COMPOSER/ARRANGER: an empty
	# first string puts the next one on the disc) and so it misreads any packs of these texts.
	mkdir "$d/ci"
	cp "$lib/test/data/$name.cdt" "$d/ci/orig.cdt"
	cp "$d/lead.cdt" "$d/ci/lead.cdt"
	cdinfo_sheet "$d/ci" orig "$tracks" $SECTORS orig.cdt
	cdinfo_sheet "$d/ci" disc "$tracks" $SECTORS lead.cdt
	(cd "$d/ci" && cd-info --no-device-info --no-cddb --no-header --quiet --cue-file orig.cue >orig.out 2>&1) || true
	(cd "$d/ci" && cd-info --no-device-info --no-cddb --no-header --quiet --cue-file disc.cue >cd-info.out 2>&1) || true
	"${cdt[@]}" right "$d/ci/orig.out" >"$d/cdinfo-orig.json"
	"${cdt[@]}" right "$d/ci/cd-info.out" >"$d/cdinfo.json"
	if "${cdt[@]}" compare "$d/cdinfo-orig.json" "$d/right.json" >"$d/ci/calib.out"; then
		check "(c) cd-info reads $name lead-in packs as $name.right block 0" \
			"${cdt[@]}" compare "$d/cdinfo.json" "$d/right.json" --blocks 0 --ignore GENRE_CODE
	else
		echo "skip: (c) cd-info $(cd-info --version | head -1 | awk '{print $3}') is no oracle for $name: it misreads libcdio's own $name.cdt:"
		head -4 "$d/ci/calib.out" | sed 's/^/    /'
		echo "    ... ($(grep -c '^DIFF' "$d/ci/calib.out") differences; the strings are checked by (b) instead)"
	fi
	rm -rf "$d/ci"

	check "(d) convert $name keywords --format clonecd" convert "$d/keywords.cue" "$d/cc" --format clonecd
	check "(d) check_ccd: $name .ccd" "${ccd[@]}" "$d/cc.ccd" "$d/toc.json" --packs-out "$d/ccd.cdt"
	check "(d) $name .ccd [CDText] = lead-in packs" cmp "$d/ccd.cdt" "$d/lead.cdt"
	rm -f "$d/cc.img" "$d/cc.sub"
	compare_fmt5 "$d/keywords.cue" "$d/lead.cdt"
done

# --- (f) libcdio's historic CDTEXTFILE sheet ------------------------------------------------------
echo "--- historic cdtext.cue (CDTEXTFILE)"
mkdir hist
cp "$lib/historic_7b64aa70/cdtext.cue" "$lib/historic_7b64aa70/cdtext.cdt" "$lib/historic_7b64aa70/cdtext.bin" hist/
chmod u+w hist/*
"$rawcd" toc hist/cdtext.cue --format json >hist/toc.json
check "(f) convert historic cdtext.cue --format raw96 --lead-in" convert hist/cdtext.cue hist/img.raw96 --format raw96 --lead-in
check "(f) decode_subcode: historic raw96" \
	"${decode[@]}" --toc hist/toc.json --format raw96 --first-lba -22650 hist/img.raw96 --cdtext-out hist/lead.cdt
rm -f hist/img.raw96
check "(f) lead-in cycles exactly the packs of cdtext.cdt" cmp hist/lead.cdt hist/cdtext.cdt
(cd hist && cd-info --no-device-info --no-cddb --no-header --quiet --cue-file cdtext.cue >cd-info.out 2>&1) || true
"${cdt[@]}" right hist/cd-info.out >hist/cdinfo.json
check "(f) cd-info prints CD-TEXT for the historic sheet" [ "$(jq '.[0].tracks | length' hist/cdinfo.json)" = 3 ]
check "(f) lead-in packs decode" sh -c '"$@" >hist/lead.json' -- "${cdt[@]}" decode hist/lead.cdt
check "(f) lead-in strings = cd-info's (genre code too)" "${cdt[@]}" compare hist/lead.json hist/cdinfo.json
check "(f) convert historic --format clonecd" convert hist/cdtext.cue hist/cc --format clonecd
check "(f) check_ccd: historic .ccd" "${ccd[@]}" hist/cc.ccd hist/toc.json --packs-out hist/ccd.cdt
check "(f) historic .ccd [CDText] = cdtext.cdt" cmp hist/ccd.cdt hist/cdtext.cdt
compare_fmt5 hist/cdtext.cue hist/cdtext.cdt

# --- (g) two blocks through CDTEXTFILE -------------------------------------------------------------
echo "--- CDTEXTFILE test/data/cdtext.cdt (two blocks)"
mkdir two
cp "$lib/test/data/cdtext.cdt" two/packs.cdt
chmod u+w two/packs.cdt
cdinfo_sheet two disc 3 $SECTORS packs.cdt
"$rawcd" toc two/disc.cue --format json >two/toc.json
check "(g) convert two-block sheet --format raw96 --lead-in" convert two/disc.cue two/img.raw96 --format raw96 --lead-in
check "(g) decode_subcode: two-block raw96" \
	"${decode[@]}" --toc two/toc.json --format raw96 --first-lba -22650 two/img.raw96 --cdtext-out two/lead.cdt
rm -f two/img.raw96
head -c $((96 * 18)) two/packs.cdt >two/packs96.cdt # without the trailing NUL
check "(g) lead-in cycles exactly the 96 packs of cdtext.cdt" cmp two/lead.cdt two/packs96.cdt
check "(g) lead-in packs decode" sh -c '"$@" >two/lead.json' -- "${cdt[@]}" decode two/lead.cdt
check "(g) lead-in strings = cdtext.right, English and German" "${cdt[@]}" compare two/lead.json cdtext/right.json
check "(g) convert two-block sheet --format clonecd" convert two/disc.cue two/cc --format clonecd
check "(g) check_ccd: two-block .ccd" "${ccd[@]}" two/cc.ccd two/toc.json --packs-out two/ccd.cdt
check "(g) two-block .ccd [CDText] = cdtext.cdt" cmp two/ccd.cdt two/packs96.cdt

# --- (h) the checks can fail -----------------------------------------------------------------------
sed 's/Song of Joy/Song of Jay/' cdtext/right.json >bad.json
must_fail "compare catches one changed character" "Song of J" "${cdt[@]}" compare cdtext/lead.json bad.json --blocks 0 --ignore GENRE_CODE
python3 - cdtext/lead.cdt bad.cdt <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
d[18 * 3 + 7] ^= 0x01  # one text byte of pack 3, CRC left as it was
open(sys.argv[2], "wb").write(d)
PY
must_fail "pack decoder rejects a damaged pack" "CRC" "${cdt[@]}" decode bad.cdt
python3 - cdtext/lead.cdt bad.cdt <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
del d[18 * 5:18 * 6]  # drop one pack: sequence numbers and size information no longer agree
open(sys.argv[2], "wb").write(d)
PY
must_fail "pack decoder rejects a missing pack" "sequence number" "${cdt[@]}" decode bad.cdt
# one header byte changed and the CRC made right again: pack, byte, value, what must be said
while read -r pack byte value want; do
	python3 - cdtext/lead.cdt bad.cdt "$pack" "$byte" "$value" <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
pack, byte, value = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5], 16)
p = 18 * pack
d[p + byte] = value
reg = 0
for b in d[p:p + 16]:
    for bit in range(7, -1, -1):
        fb = ((reg >> 15) & 1) ^ ((b >> bit) & 1)
        reg = (reg << 1) & 0xFFFF
        if fb:
            reg ^= 0x1021
d[p + 16:p + 18] = (reg ^ 0xFFFF).to_bytes(2, "big")
open(sys.argv[2], "wb").write(d)
PY
	must_fail "pack decoder rejects pack $pack byte $byte = $value" "$want" "${cdt[@]}" decode bad.cdt
done <<'EOF'
1 3 0b character position
2 1 02 says track
39 8 07 size info counts
40 12 28 last sequence number
EOF
# the language code of block 0 (size info byte 28, pack 41 byte 8) made German: decodes, but differs
python3 - cdtext/lead.cdt bad.cdt <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
p = 18 * 41
assert d[p] == 0x8F and d[p + 1] == 2 and d[p + 8] == 0x09
d[p + 8] = 0x08
reg = 0
for b in d[p:p + 16]:
    for bit in range(7, -1, -1):
        fb = ((reg >> 15) & 1) ^ ((b >> bit) & 1)
        reg = (reg << 1) & 0xFFFF
        if fb:
            reg ^= 0x1021
d[p + 16:p + 18] = (reg ^ 0xFFFF).to_bytes(2, "big")
open(sys.argv[2], "wb").write(d)
PY
"${cdt[@]}" decode bad.cdt >bad.json
must_fail "compare catches a wrong language code" "language 'German', want 'English'" \
	"${cdt[@]}" compare bad.json cdtext/right.json --blocks 0 --ignore GENRE_CODE
must_fail "lead-in compare catches other packs" "differ" cmp hist/lead.cdt two/packs96.cdt
rm -f bad.*

finish
