#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The library API's acceptance (issue 14): the creator example's raw96 image with lead-in and lead-out
# equals, byte for byte, `rawcd convert --format raw96 --lead-in --lead-out` of a CUE sheet over WAVE
# files of the same PCM (written here with sox) and metadata, and its expected TOC equals `rawcd toc
# --format binary --toc-format 2` of that sheet (gapless and with DisableGaplessAudio); the writer
# example burns an image to the emulated recorder, what the recorder received is the image from the
# ATIP lead-in start on, and a second run canceled half way stops there and leaves the disc incomplete.
# Usage: test_api_examples.sh MAKE_AUDIO_DISC BURN_IMAGE
set -euo pipefail
rawcd=${RAWCD_BIN:?}
make_disc=$1 burn_image=$2
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

# The sheet the creator example describes (examples/make_audio_disc.c): $1 = "gaps" for PREGAP lines.
write_sheet() {
	local gap=""
	[ "${1:-}" = gaps ] && gap="    PREGAP 00:02:00"
	cat <<SHEET
CATALOG 4006381333931
TITLE "rawcd creator example"
PERFORMER "Sine Ensemble"
FILE "track1.wav" WAVE
  TRACK 01 AUDIO
    TITLE "Tone A4"
    PERFORMER "Sine Ensemble"
    ISRC USRC12600001
    INDEX 01 00:00:00
FILE "track2.wav" WAVE
  TRACK 02 AUDIO
    TITLE "Tone E5"
    PERFORMER "Sine Ensemble"
    ISRC USRC12600002
$gap
    INDEX 01 00:00:00
    INDEX 02 00:02:00
FILE "track3.wav" WAVE
  TRACK 03 AUDIO
    TITLE "Tone A5"
    PERFORMER "Sine Soloist"
    FLAGS DCP
    ISRC USRC12600003
$gap
    INDEX 01 00:00:00
SHEET
}

for variant in gapless gaps; do
	d=$tmp/$variant
	mkdir -p "$d"
	flag=()
	[ $variant = gaps ] && flag=(--gaps)
	check "$variant: the creator example runs" "$make_disc" "$d/creator.img" --toc "$d/creator.toc" --pcm "$d" "${flag[@]}"
	for i in 1 2 3; do
		sox -t raw -r 44100 -e signed -b 16 -c 2 -L "$d/track$i.raw" "$d/track$i.wav"
	done
	write_sheet $variant >"$d/sheet.cue"
	check "$variant: convert of the sheet" "$rawcd" convert "$d/sheet.cue" -o "$d/convert.img" --format raw96 \
		--lead-in --lead-out --quiet
	check "$variant: the creator's image is convert's, byte for byte" cmp "$d/creator.img" "$d/convert.img"
	"$rawcd" toc "$d/sheet.cue" --format binary --toc-format 2 >"$d/sheet.toc"
	check "$variant: ExpectedTableOfContents is rawcd toc --toc-format 2" cmp "$d/creator.toc" "$d/sheet.toc"
	check "$variant: the image starts at 95:00:00 (22,650 + program + 6,750 records)" \
		test "$(stat -c %s "$d/creator.img")" -eq $(( (22650 + $(jq .leadout_lba <("$rawcd" toc "$d/sheet.cue" \
		--format json)) + 6750) * 2448 ))
done
check "the gaps image is 300 sectors longer" test $(( $(stat -c %s "$tmp/gaps/creator.img") - \
	$(stat -c %s "$tmp/gapless/creator.img") )) -eq $((300 * 2448))

b=$tmp/burn
mkdir -p "$b"
"$burn_image" "$b/sink.bin" --image "$b/image.img" >"$b/out" 2>"$b/err" && rc=0 || rc=$?
check "burn: exit 0" test $rc -eq 0
check "burn: progress reported, to 100%" grep -q "progress: writing 100% last written LBA 8249" "$b/out"
check "burn: the disc is complete" grep -q "recorder: disc complete, 19875 blocks received" "$b/out"
check "burn: the recorder got the image from the ATIP lead-in start (-11625) on" \
	cmp <(tail -c +$(( (22650 - 11625) * 2448 + 1 )) "$b/image.img") "$b/sink.bin"

"$burn_image" "$b/sink2.bin" --cancel-at 50 >"$b/out2" 2>"$b/err2" && rc=0 || rc=$?
check "cancel: exit 130" test $rc -eq 130
check "cancel: asked at 50%" grep -q "cancel asked at 50%" "$b/out2"
check "cancel: nothing written after it" bash -c '! grep -q "progress: writing [6-9]0%" "$0"' "$b/out2"
check "cancel: the disc is left incomplete" grep -q "recorder: disc incomplete" "$b/out2"
check "cancel: the diagnostics say the disc is unusable" grep -q "the disc is unusable" "$b/err2"
written=$(sed -n 's/^canceled: \([0-9]*\) of 19875 blocks.*/\1/p' "$b/out2")
check "cancel: about half the blocks" test "${written:-0}" -gt 9000 -a "${written:-0}" -lt 11000
check "cancel: the sink holds what was written, the image's first blocks" \
	cmp <(head -c $(( ${written:-0} * 2448 )) "$b/sink.bin") "$b/sink2.bin"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
