#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Raw images as inputs: for the mixed disc of tests/integration/peers/make_mixed_disc.sh (ISO + WAVE,
# PREGAP, INDEX 00/02/03, FLAGS, ISRC, CATALOG, CD-TEXT) and testdata/example/example.cue, each image
# `rawcd convert` writes of it (raw96 with lead-in and lead-out, raw96 without, packed96 with lead-in and
# lead-out, pq16 without, pq16 with a lead-in):
#  - `rawcd toc IMAGE --format json` equals the sheet's (modes in their 2352-byte form, lib.sh), with no
#    warning;
#  - `rawcd convert IMAGE --format bin` gives the sheet's BIN byte for byte;
#  - raw96 (packed96) with lead-in: `convert IMAGE --format raw96 (packed96) --lead-in --lead-out` is the
#    image itself, and the raw96 image's CD-TEXT (READ TOC format 5, from the lead-in's R-W) is the
#    sheet's.
# Then robustness: bad Q CRCs (one on a track start) change nothing but a warning; a lead-in item that
# disagrees with the program area about a track start gives a warning and the program area's layout.
source "$(dirname "$0")/lib.sh"
need xorriso sox jq python3 cmp

mixed_disc
example=${RAWCD_TESTDATA:?RAWCD_TESTDATA must name the testdata folder}/example/example.cue

roundtrip() { # label, sheet
	local label=$1 src=$2
	check "$label: convert --format bin" convert "$src" "$label.bin" --format bin
	local kind
	for kind in raw96-full raw96 packed96-full pq16 pq16-leadin; do
		local img="$label.$kind" args=()
		case $kind in
		raw96-full) args=(--format raw96 --lead-in --lead-out) ;;
		raw96) args=(--format raw96) ;;
		packed96-full) args=(--format packed96 --lead-in --lead-out) ;;
		pq16) args=(--format pq16) ;;
		pq16-leadin) args=(--format pq16 --lead-in=11625) ;;
		esac
		check "$label: convert ${args[*]}" convert "$src" "$img" "${args[@]}"
		: >"$work/toc.err"
		check "$label $kind: toc --format json equals the sheet's" same_toc "$src" "$img"
		check "$label $kind: toc gives no warning" test ! -s "$work/toc.err"
		check "$label $kind: convert --format bin" convert "$img" "$img.bin" --format bin
		check "$label $kind: the same BIN as the sheet's" same_file "$label.bin" "$img.bin"
	done
	check "$label: raw96 of the raw96 image" convert "$label.raw96-full" "$label.again" --format raw96 \
		--lead-in --lead-out
	check "$label: is the image itself" same_file "$label.raw96-full" "$label.again"
	check "$label: packed96 of the packed96 image" convert "$label.packed96-full" "$label.again96" \
		--format packed96 --lead-in --lead-out
	check "$label: is the image itself" same_file "$label.packed96-full" "$label.again96"
	check "$label: the image's CD-TEXT is the sheet's" \
		diff <("$rawcd" toc "$src" --toc-format 5 --format hex) \
		<("$rawcd" toc "$label.raw96-full" --toc-format 5 --format hex)
}
roundtrip mixed "$sheet"
roundtrip example "$example"

# --- damage the reader must ride over ---------------------------------------------------------------
start2=$(jq -r '.tracks[1].start_lba' toc.json)
cp mixed.raw96-full bad.raw96
# Record 22650 + LBA: the first sector of track 2 and three others.
"${rawtool[@]}" bad.raw96 badcrc $((22650 + start2)) 22800 22801 30000
check "4 bad CRCs, one on track 2's INDEX 01: the same TOC" same_toc "$sheet" bad.raw96
check "... and a warning that counts them" grep -q "4 of its .* records have a Q frame with a bad CRC" \
	"$work/toc.err"
cp mixed.pq16 bad.pq16
"${rawtool[@]}" bad.pq16 badcrc 0 1 2 $((150 + start2))
check "pq16 with bad CRCs at its start and on track 2: the same TOC" same_toc "$sheet" bad.pq16

# A lead-in whose POINT 02 says another start than the program area: the program area wins, warned.
cp mixed.raw96-full point.raw96
"${rawtool[@]}" point.raw96 leadin 02 9 10
: >"$work/toc.err"
check "a lead-in that disagrees about track 2: the program area's TOC" same_toc "$sheet" point.raw96
check "... with a warning naming POINT 02" grep -q "lead-in of session 1 says otherwise .* POINT 02" \
	"$work/toc.err"
check "toc --format text of a raw image" "$rawcd" toc mixed.pq16 --format text

finish
