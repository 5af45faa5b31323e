#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Acceptance test of the subcode in raw images: rawcd convert --format raw96|pq16|packed96 with
# --lead-in/--lead-out on the mixed disc of tests/integration/peers/make_mixed_disc.sh (ISO + WAVE,
# PREGAP, INDEX 00/02/03, FLAGS, ISRC, CATALOG, CD-TEXT), checked by decode_subcode.py, a decoder
# written apart from rawcd's encoder, against `rawcd toc --format json` of the same sheet:
#  (a) raw96 with the default lead-in and lead-out: the file is (22650 + lead-out LBA + 6750) x 2448
#      bytes; its first sector says LBA -22650 (95:00:00) in its Mode 1 header and its Q; every sector's
#      subcode passes the decoder; the main channel of LBAs 0 .. lead-out - 1 is the --format bin image
#      byte for byte.
#  (b) --lead-in=150 --lead-out=0 starts at LBA -150 (TNO 01 INDEX 00 at 00:00:00), passes, and is
#      byte for byte the same sectors as the full image's LBAs -150 .. lead-out - 1.
#  (c) pq16: (...) x 2368 bytes, passes, the same main channel, Q and P as raw96 in every sector.
#  (d) packed96: passes, P, Q and R-W (plain CD-TEXT packs in the lead-in, zero elsewhere) and the main
#      channel equal raw96's: the same file.
#  (e) a second disc whose INDEX 00 and INDEX 01 fall on the MCN and ISRC slots (the frames move one
#      sector on), with an SCMS track and a 4CH track: passes.
#  (f) the checks can fail: a copy of an image with one Q bit, one Q field (CRC rewritten), one P
#      sector or one lead-in R-W bit damaged is rejected by the decoder; one main byte by the compare.
#
# Needs xorriso, sox, jq, python3 and cmp; exits 77 (skip) when one is missing.
source "$(dirname "$0")/lib.sh"
need xorriso sox jq python3 cmp xxd

# --- the disc ------------------------------------------------------------------------------------
mixed_disc
first_mode=$(jq -r '.tracks[0].mode' toc.json)
echo "mixed disc: lead-out at LBA $leadout, track 1 $first_mode"
check "convert --format bin" convert "$sheet" ref.bin --format bin
check "bin image is lead-out x 2352 bytes" size_is ref.bin $((leadout * 2352))

# --- (a) raw96, full lead-in and lead-out --------------------------------------------------------
total=$((22650 + leadout + 6750))
check "convert --format raw96 --lead-in --lead-out" convert "$sheet" full.raw96 --format raw96 --lead-in --lead-out
check "raw96 is (22650 + $leadout + 6750) x 2448 bytes" size_is full.raw96 $((total * 2448))
check "decode_subcode: raw96 from LBA -22650" \
	"${decode[@]}" --toc toc.json --format raw96 --first-lba -22650 full.raw96 \
	--dump-q raw.q --dump-p raw.p --dump-rw raw.rw --cdtext-out raw.cdt
if [[ $first_mode == MODE1* ]]; then
	# sync, then the header: BCD 95:00:00 (LBA -22650) and mode 1
	check "first sector's main header says 95:00:00 mode 1" \
		[ "$(xxd -p -l 16 full.raw96)" = 00ffffffffffffffffffff0095000001 ]
fi
# Q of the first sector: TNO 00 (lead-in), running time 95:00:00
check "first sector's Q is a lead-in frame at 95:00:00" \
	[ "$(xxd -p -s 1 -l 1 raw.q)$(xxd -p -s 3 -l 3 raw.q)" = 00950000 ]
check "lead-in holds CD-TEXT packs" [ -s raw.cdt ]
"${tool[@]}" main full.raw96 2448 -22650 0 "$leadout" raw.main
check "raw96 main channel of LBAs 0..$((leadout - 1)) = the bin image" cmp raw.main ref.bin
rm -f raw.main

# --- (b) a short lead-in, no lead-out ------------------------------------------------------------
check "convert --format raw96 --lead-in=150 --lead-out=0" convert "$sheet" short.raw96 --format raw96 --lead-in=150 --lead-out=0
check "short raw96 is (150 + $leadout) x 2448 bytes" size_is short.raw96 $(((150 + leadout) * 2448))
check "decode_subcode: raw96 from LBA -150" "${decode[@]}" --toc toc.json --format raw96 --first-lba -150 short.raw96
check "short raw96 starts at LBA -150: Q TNO 01 INDEX 00, 00:00:00" \
	[ "$("${tool[@]}" q short.raw96 raw96 -150 -150 | cut -c3-6,15-20)" = 0100000000 ]
check "short raw96 = the full image's LBAs -150..$((leadout - 1))" \
	cmp -i $(((22650 - 150) * 2448)):0 -n $(((150 + leadout) * 2448)) full.raw96 short.raw96
rm -f short.raw96

# --- (c) pq16 ------------------------------------------------------------------------------------
check "convert --format pq16 --lead-in --lead-out" convert "$sheet" full.pq16 --format pq16 --lead-in --lead-out
check "pq16 is $total x 2368 bytes" size_is full.pq16 $((total * 2368))
check "decode_subcode: pq16 from LBA -22650" \
	"${decode[@]}" --toc toc.json --format pq16 --first-lba -22650 full.pq16 --dump-q pq.q --dump-p pq.p
check "pq16 Q = raw96 Q in every sector" cmp pq.q raw.q
check "pq16 P = raw96 P in every sector" cmp pq.p raw.p
"${tool[@]}" main full.pq16 2368 -22650 -22650 $((leadout + 6750)) pq.main
"${tool[@]}" main full.raw96 2448 -22650 -22650 $((leadout + 6750)) raw.main
check "pq16 main channel = raw96 main channel" cmp pq.main raw.main
rm -f full.pq16 pq.main

# --- (d) packed96 --------------------------------------------------------------------------------
check "convert --format packed96 --lead-in --lead-out" convert "$sheet" full.packed96 --format packed96 --lead-in --lead-out
check "packed96 is $total x 2448 bytes" size_is full.packed96 $((total * 2448))
check "decode_subcode: packed96 from LBA -22650" \
	"${decode[@]}" --toc toc.json --format packed96 --first-lba -22650 full.packed96 \
	--dump-q pk.q --dump-p pk.p --dump-rw pk.rw
check "packed96 Q = raw96 Q" cmp pk.q raw.q
check "packed96 P = raw96 P" cmp pk.p raw.p
check "packed96 R-W = raw96 R-W (plain CD-TEXT packs, zero elsewhere)" cmp pk.rw raw.rw
"${tool[@]}" main full.packed96 2448 -22650 -22650 $((leadout + 6750)) pk.main
check "packed96 main channel = raw96 main channel" cmp pk.main raw.main
check "packed96 = raw96, byte for byte" cmp full.packed96 full.raw96
rm -f full.packed96 pk.* raw.main pq.*

# --- (e) MCN/ISRC slots on index changes, SCMS, 4CH ----------------------------------------------
# Track 2's INDEX 00 at LBA 370 ((370+150) % 100 = 20, the MCN slot) and INDEX 01 at LBA 420 (70, the
# ISRC slot): the frames move to 371 and 421.
mkdir slots
head -c $((2000 * 2352)) /dev/zero >slots/z.bin
cat >slots/s.cue <<'EOF'
CATALOG 1234567890128
FILE "z.bin" BINARY
  TRACK 01 AUDIO
    FLAGS DCP SCMS
    INDEX 01 00:00:00
  TRACK 02 AUDIO
    FLAGS 4CH
    ISRC USABC1234567
    INDEX 00 00:04:70
    INDEX 01 00:05:45
EOF
"$rawcd" toc slots/s.cue --format json >slots.json
check "slots disc: INDEX 00 at 370, INDEX 01 at 420" \
	[ "$(jq -c '[.tracks[1].indexes[].lba]' slots.json)" = "[370,420]" ]
check "convert slots disc --format raw96 --lead-in=600 --lead-out=300" \
	convert slots/s.cue slots.raw96 --format raw96 --lead-in=600 --lead-out=300
check "decode_subcode: slots disc" "${decode[@]}" --toc slots.json --format raw96 --first-lba -600 slots.raw96
check "slots disc: LBA 370 ADR 1 (index change), 371 ADR 2 (MCN), 420 ADR 1, 421 ADR 3 (ISRC)" \
	[ "$(for l in 370 371 420 421; do "${tool[@]}" q slots.raw96 raw96 -600 "$l" | cut -c2; done | tr -d '\n')" = 1213 ]

# --- (f) every check can fail --------------------------------------------------------------------
# Small images (a short lead-in with CD-TEXT, a short lead-out) copied and damaged in one place.
convert "$sheet" neg.raw96 --format raw96 --lead-in=400 --lead-out=400
convert "$sheet" neg.pq16 --format pq16 --lead-in=400 --lead-out=400
check "decode_subcode: undamaged small raw96" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 neg.raw96
damaged() { # format, lba, what: a damaged copy in bad.img
	cp "neg.$1" bad.img
	"${tool[@]}" mutate bad.img "$1" -400 "$2" "$3"
}
damaged raw96 1000 q-bit
must_fail "decoder rejects a Q bit flip (program)" "Q CRC" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
damaged raw96 -300 q-bit
must_fail "decoder rejects a Q bit flip (lead-in)" "Q CRC" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
damaged raw96 500 q-tno
must_fail "decoder rejects a wrong TNO with a valid CRC" "TNO" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
damaged raw96 1100 q-index
must_fail "decoder rejects a wrong INDEX with a valid CRC" "INDEX" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
damaged raw96 "$((leadout + 5))" q-abs
must_fail "decoder rejects a wrong lead-out absolute time" "absolute" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
damaged raw96 -20 p
must_fail "decoder rejects P 0 in the track-1 pregap" "P 0, want 1" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
damaged raw96 "$((leadout + 160))" p
must_fail "decoder rejects a wrong lead-out P" "lead-out frame 160: P" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
damaged raw96 -395 rw
must_fail "decoder rejects a damaged CD-TEXT pack" "valid CRC" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
damaged raw96 700 rw
must_fail "decoder rejects R-W in the program area" "R-W not zero" "${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
# Q frames rewritten with a valid CRC: LBA, byte, value to add, what the decoder must say
while read -r lba byte add want; do
	damaged raw96 "$lba" "q-add:$byte:$add"
	must_fail "decoder rejects Q byte $byte + $add at LBA $lba" "$want" \
		"${decode[@]}" --toc toc.json --format raw96 --first-lba -400 bad.img
done <<EOF
70 3 1 MCN frame
520 2 1 ISRC frame
520 0 -2 ADR 1, want 3
600 0 1 ADR 2, want 1
600 0 16 CONTROL
120 0 1 ADR 2, want 1
400 5 1 relative
-100 2 1 INDEX 01, want 00
-394 9 1 lead-in item 2
-400 0 16 lead-in item 0
-391 5 1 lead-in item 3
$((leadout + 10)) 1 1 TNO AB, want AA
$((leadout + 10)) 5 1 relative
EOF
damaged pq16 200 q-bit
must_fail "decoder rejects a Q bit flip in pq16" "Q CRC" "${decode[@]}" --toc toc.json --format pq16 --first-lba -400 bad.img
damaged pq16 600 p
must_fail "decoder rejects P 1 in the program area (pq16)" "P 1, want 0" "${decode[@]}" --toc toc.json --format pq16 --first-lba -400 bad.img
damaged raw96 10 main
"${tool[@]}" main bad.img 2448 -400 0 "$leadout" bad.main
must_fail "main-channel compare catches one flipped byte" "differ" cmp bad.main ref.bin
# a lead-in shifted by one sector: the TOC cycle no longer starts at the image's first sector
must_fail "decoder rejects a wrongly stated first LBA" "MISMATCH" "${decode[@]}" --toc toc.json --format raw96 --first-lba -401 neg.raw96
rm -f bad.img bad.main neg.*

finish
