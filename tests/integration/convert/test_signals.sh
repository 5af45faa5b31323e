#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# rawcd convert stopped by a signal (DESIGN.md §3; the convert contract: exit 130 when stopped by
# SIGINT or SIGTERM, and nothing left behind). A 614 MB MODE1/2048 disc of random data (300,000
# sectors, 68 minutes; made once from a 64 MiB block of /dev/urandom repeated; a convert writes
# 706 MB and takes 0.5-2 s) is converted in the background 20 times and sent SIGINT after a random
# 0.02-0.8 s (at most 80 % of the fastest of two whole converts measured first, so that most runs
# are cut on a fast machine too). Each run must exit 130, or 0 when it had already finished (then
# OUT.bin and OUT.cue must be complete; they are deleted and the run does not count as
# interrupted); most runs must really be interrupted. After each run the output folder must hold no
# OUT.bin, no OUT.cue and no temporary .OUT.bin.rawcd-XXXXXX (hidden files included). Then once
# with SIGTERM: exit 130, nothing left. Then 5 runs of --split (the disc as two tracks, two track files
# and the sheet) cut by SIGINT: exit 130, nothing left.
#
# The background runs are started with job control on (set -m): without it bash starts them with
# SIGINT ignored, which is not how a user's Ctrl-C reaches rawcd.
source "$(dirname "$0")/lib.sh"

now_ms() { date +%s%3N; }

sectors=300000 # 614,400,000 bytes in, 705,600,000 bytes out
mkdir "$tmp/in" "$tmp/out"
head -c $((64 << 20)) /dev/urandom >"$tmp/block"
for ((i = 0; i < sectors * 2048 / (64 << 20) + 1; i++)); do cat "$tmp/block"; done >"$tmp/in/big.iso"
truncate -s $((sectors * 2048)) "$tmp/in/big.iso"
rm "$tmp/block"
printf 'FILE "big.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n' >"$tmp/in/big.cue"
out=$tmp/out/OUT.bin

listing() { (cd "$tmp/out" && ls -A | tr '\n' ' '); }

# Twice to the end: the reference time (the faster run), and a complete output.
full_ms=
for run in 1 2; do
	t0=$(now_ms)
	st=0
	"$rawcd" convert "$tmp/in/big.cue" -o "$out" --quiet 2>"$tmp/full.err" || st=$?
	ms=$(($(now_ms) - t0))
	[ -n "$full_ms" ] && ((full_ms < ms)) || full_ms=$ms
	check "uninterrupted convert $run: exit 0 ($ms ms)" [ "$st" = 0 ]
	check "uninterrupted convert $run: OUT.bin and OUT.cue only" [ "$(listing)" = "OUT.bin OUT.cue " ]
	check "uninterrupted convert $run: OUT.bin is $sectors sectors" \
		[ "$(stat -c %s "$out" 2>/dev/null)" = $((sectors * 2352)) ]
	rm -f "$tmp/out/OUT.bin" "$tmp/out/OUT.cue"
done

# Sleep 20..800 ms, but within 80 % of the time a whole convert takes here, so that most runs are cut.
max_ms=800
((full_ms * 8 / 10 < max_ms)) && max_ms=$((full_ms * 8 / 10))
((max_ms < 40)) && max_ms=40

# Until 20 runs were really interrupted (at most 40 tries): a run that finishes before its signal (the
# machine may be busy with other tests, so a convert's time varies) only narrows the sleeps.
set -m
runs=20 interrupted=0 finished=0 other=0
RANDOM=$$
for ((i = 1; interrupted < runs && i <= 2 * runs; i++)); do
	sleep_ms=$((20 + RANDOM % (max_ms - 19)))
	"$rawcd" convert "$tmp/in/big.cue" -o "$out" --quiet 2>"$tmp/run.err" &
	pid=$!
	sleep "$((sleep_ms / 1000)).$(printf '%03d' $((sleep_ms % 1000)))"
	kill -INT "$pid" 2>/dev/null || true
	st=0
	wait "$pid" || st=$?
	left=$(listing)
	case $st in
	130)
		interrupted=$((interrupted + 1))
		check "SIGINT run $i after $sleep_ms ms: exit 130, folder empty" [ -z "$left" ]
		;;
	0)
		finished=$((finished + 1))
		check "SIGINT run $i after $sleep_ms ms: finished first (exit 0), complete output" \
			[ "$left|$(stat -c %s "$out" 2>/dev/null)" = "OUT.bin OUT.cue |$((sectors * 2352))" ]
		max_ms=$((max_ms * 3 / 4))
		((max_ms < 40)) && max_ms=40
		;;
	*)
		other=$((other + 1))
		check "SIGINT run $i after $sleep_ms ms: exit $st, want 130 (or 0)" false
		sed 's/^/    /' "$tmp/run.err" >&2
		;;
	esac
	[ -z "$left" ] || echo "  left in the folder: $left" >&2
	# Start the next run from an empty folder whatever this one left.
	find "$tmp/out" -mindepth 1 -delete
done
echo "SIGINT: $interrupted interrupted, $finished finished first, $other other (sleeps 20-$max_ms ms, full run $full_ms ms)"
check "$runs SIGINT runs were really interrupted ($interrupted, in $((i - 1)) tries)" [ "$interrupted" -ge "$runs" ]

# SIGTERM, half way through (again, shorter, if the convert won the race).
sleep_ms=$((max_ms / 2))
for _ in 1 2 3; do
	find "$tmp/out" -mindepth 1 -delete
	"$rawcd" convert "$tmp/in/big.cue" -o "$out" --quiet 2>"$tmp/term.err" &
	pid=$!
	sleep "$((sleep_ms / 1000)).$(printf '%03d' $((sleep_ms % 1000)))"
	kill -TERM "$pid" 2>/dev/null || true
	st=0
	wait "$pid" || st=$?
	left=$(listing)
	[ "$st" = 0 ] || break
	sleep_ms=$((sleep_ms / 3 + 10))
done
check "SIGTERM after $sleep_ms ms: exit 130" [ "$st" = 130 ]
check "SIGTERM: folder empty" [ -z "$left" ]
[ -z "$left" ] || echo "  left in the folder: $left" >&2
[ "$st" = 130 ] || sed 's/^/    /' "$tmp/term.err" >&2

# --split: the same disc as two tracks, one file each (two track files and the sheet written at once),
# cut by SIGINT: exit 130 and nothing left, no track file, no sheet, no temporary file.
printf 'FILE "big.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n  TRACK 02 MODE1/2048\n    INDEX 01 33:20:00\n' \
	>"$tmp/in/two.cue"
split_runs=5 split_cut=0
for ((i = 1; split_cut < split_runs && i <= 3 * split_runs; i++)); do
	find "$tmp/out" -mindepth 1 -delete
	sleep_ms=$((20 + RANDOM % (max_ms - 19)))
	"$rawcd" convert "$tmp/in/two.cue" -o "$out" --split --quiet 2>"$tmp/split.err" &
	pid=$!
	sleep "$((sleep_ms / 1000)).$(printf '%03d' $((sleep_ms % 1000)))"
	kill -INT "$pid" 2>/dev/null || true
	st=0
	wait "$pid" || st=$?
	left=$(listing)
	if [ "$st" = 130 ]; then
		split_cut=$((split_cut + 1))
		check "--split SIGINT run $i after $sleep_ms ms: exit 130, folder empty" [ -z "$left" ]
		[ -z "$left" ] || echo "  left in the folder: $left" >&2
	elif [ "$st" = 0 ]; then
		check "--split SIGINT run $i: finished first, both track files and the sheet" \
			[ "$left" = "OUT (Track 1).bin OUT (Track 2).bin OUT.cue " ]
		max_ms=$((max_ms * 3 / 4))
		((max_ms < 40)) && max_ms=40
	else
		check "--split SIGINT run $i: exit $st, want 130 (or 0)" false
		sed 's/^/    /' "$tmp/split.err" >&2
	fi
done
set +m
check "$split_runs --split SIGINT runs were really interrupted ($split_cut)" [ "$split_cut" -ge "$split_runs" ]

finish
