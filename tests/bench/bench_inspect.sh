#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Inspect throughput: a generated 650 MiB MODE1/2048 sheet converted to a 2352-byte Mode 1 image (783 MB),
# then `rawcd inspect` of it without hashes (the verify figure: sync, header, EDC, P and Q of every sector)
# and with the four hashes (XXH3-128, CRC-32, MD5, SHA-1), best of RUNS runs each, page cache warm; peak
# RSS of each; and, for scale, the single-purpose tools over the same bytes. Run by
# `meson test --benchmark`; RAWCD_BIN names the binary, BENCH_DIR the folder (default: the build dir).
set -euo pipefail
rawcd=${RAWCD_BIN:?}
runs=${RUNS:-3}
dir=$(mktemp -d "${BENCH_DIR:-${RAWCD_BUILD_DIR:-/tmp}}/bench-inspect.XXXXXX")
trap 'rm -rf "$dir"' EXIT

mib=650
head -c $((mib * 1024 * 1024)) /dev/urandom >"$dir/in.iso"
printf 'FILE "in.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n' >"$dir/in.cue"
"$rawcd" convert "$dir/in.cue" -o "$dir/m1.bin" --quiet
rm "$dir/in.iso"
sectors=$((mib * 512))
bytes=$((sectors * 2352))
cat "$dir/m1.bin" >/dev/null # warm the page cache: the figures are for the checks, not the disk

now() { date +%s.%N; }
best() { sort -n | head -1; }
timed() { # best time of RUNS runs of a command
	local t=() t0 t1
	for _ in $(seq "$runs"); do
		t0=$(now)
		"$@" >/dev/null
		t1=$(now)
		t+=("$(echo "$t1 - $t0" | bc -l)")
	done
	printf '%s\n' "${t[@]}" | best
}
rss() { # peak RSS in KB of one run, or "?" without GNU time
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
	else
		echo "?"
	fi
}
row() { # LABEL SECONDS
	printf '  %-28s %6.2f s  %5.2f GB/s  %7.0fx real time\n' "$1" "$2" "$(echo "$bytes / $2 / 1000000000" | bc -l)" \
		"$(echo "$sectors / 75 / $2" | bc -l)"
}

printf 'inspect %d sectors of Mode 1 (%.1f MB of 2352-byte sectors), best of %d, page cache warm, %s cores\n' \
	"$sectors" "$(echo "$bytes / 1000000" | bc -l)" "$runs" "$(nproc)"
v=$(timed "$rawcd" inspect "$dir/m1.cue" --no-hash --quiet)
row "verify (--no-hash)" "$v"
h=$(timed "$rawcd" inspect "$dir/m1.cue" --quiet)
row "verify + 4 hashes" "$h"
printf '  peak RSS: %s KB verifying, %s KB hashing\n' "$(rss "$rawcd" inspect "$dir/m1.cue" --no-hash --quiet)" \
	"$(rss "$rawcd" inspect "$dir/m1.cue" --quiet)"
echo "for scale, one tool, one hash, one core, over the same file:"
for tool in "xxhsum -H2" crc32 sha1sum md5sum; do
	if command -v "${tool%% *}" >/dev/null; then
		# shellcheck disable=SC2086
		row "$tool" "$(timed $tool "$dir/m1.bin")"
	fi
done
exit 0
