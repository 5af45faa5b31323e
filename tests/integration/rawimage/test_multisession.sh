#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Raw images of two-session discs (REM SESSION, as tests/unit/subcode/test_subcode_multisession.c
# describes them): session 1 two audio tracks (INDEX 00, FLAGS DCP, ISRC), REM LEAD-OUT 01:30:00;
# session 2 REM LEAD-IN 01:00:00, a MODE1/2048 and a MODE2/2336 track (the latter with INDEX 00). A
# second sheet has the default gap (6750 + 4500). For raw96 with lead-in and lead-out, raw96 from LBA
# 0 (convert without --lead-in starts there) and pq16 with a lead-in:
#  - `rawcd toc IMAGE --format json` equals the sheet's (sessions, B0, C0, every track; modes in their
#    2352-byte form), the full TOC holding B0 and C0;
#  - `rawcd inspect IMAGE --sector-size N --first-lba L` without the sheet finds nothing (the later
#    lead-in is a lead-in, not a run of wrong positions), and so does `rawcd inspect IMAGE` (record size
#    and first LBA from the image);
#  - `convert IMAGE --format raw96 --lead-in --lead-out` of the raw96 image is the image itself.
# And the check can fail: the same image with session 2's TNO 03 rewritten as TNO 05 is refused.
source "$(dirname "$0")/lib.sh"
need jq python3 cmp
cd "$work"

head -c $((1500 * 2352)) /dev/urandom >a.bin
head -c $((800 * 2048)) /dev/urandom >b.iso
head -c $((450 * 2336)) /dev/zero >c.bin
session2='REM SESSION 02
FILE "b.iso" BINARY
  TRACK 03 MODE1/2048
    INDEX 01 00:00:00
FILE "c.bin" BINARY
  TRACK 04 MODE2/2336
    INDEX 00 00:00:00
    INDEX 01 00:02:00'
session1='CATALOG 0123456789012
REM SESSION 01
FILE "a.bin" BINARY
  TRACK 01 AUDIO
    INDEX 01 00:00:00
  TRACK 02 AUDIO
    FLAGS DCP
    ISRC USABC9912345
    INDEX 00 00:10:00
    INDEX 01 00:12:00'
printf '%s\nREM LEAD-OUT 01:30:00\n%s\n' "$session1" "${session2/REM SESSION 02/REM SESSION 02
REM LEAD-IN 01:00:00}" >ms.cue
printf '%s\n%s\n' "$session1" "$session2" >ms-default.cue

for sheet in ms.cue ms-default.cue; do
	check "$sheet: two sessions" test "$(jq .sessions <(toc_of "$sheet"))" = 2
	check "$sheet: the full TOC has B0 and C0" \
		test "$(toc_of "$sheet" | jq '[.full_toc[].point | select(. == 176 or . == 192)] | length')" = 2
	for kind in raw96-full raw96 pq16-leadin; do
		img="$sheet.$kind"
		case $kind in
		raw96-full) args=(--format raw96 --lead-in --lead-out) size=2448 first=-22650 ;;
		raw96) args=(--format raw96) size=2448 first=0 ;;
		pq16-leadin) args=(--format pq16 --lead-in=11625) size=2368 first=-11625 ;;
		esac
		check "$sheet: convert ${args[*]}" convert "$sheet" "$img" "${args[@]}"
		check "$img: toc --format json equals the sheet's" same_toc "$sheet" "$img"
		check "$img: inspect without the sheet finds nothing" \
			"$rawcd" inspect "$img" --sector-size "$size" --first-lba "$first" --no-hash --quiet
		check "$img: inspect without options (size and first LBA from the image) finds nothing" \
			"$rawcd" inspect "$img" --no-hash --quiet
	done
	check "$sheet: raw96 of the raw96 image" convert "$sheet.raw96-full" "$sheet.again" --format raw96 \
		--lead-in --lead-out
	check "$sheet: is the image itself" same_file "$sheet.raw96-full" "$sheet.again"
done

# Session 2's first track (LBA 1500 + 6750 + 4500 + 150 = 12900 in ms.cue) said to be TNO 05.
cp ms.cue.raw96-full tno.raw96
"${rawtool[@]}" tno.raw96 settno $((22650 + 12900)) 5
"${rawtool[@]}" tno.raw96 settno $((22650 + 12901)) 5
st=0
"$rawcd" toc tno.raw96 >/dev/null 2>tno.err || st=$?
check "a later session's TNOs out of order: exit 2" test "$st" = 2
check "... naming the file and the record" grep -q "^rawcd: tno.raw96: record $((22650 + 12900)) (LBA 12900)" tno.err

finish
