#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Convert throughput: a generated 650 MiB MODE1/2048 sheet through `rawcd convert`, next to a plain copy
# of the same number of output bytes on the same filesystem (cp, and cp followed by fsync, since convert
# fsyncs its output before renaming it into place). Best of RUNS runs each; peak RSS of convert.
# Then a CloneCD image of the same disc (convert --format clonecd: a 782 MB .img and its .sub) converted
# to raw96, keeping the .sub's subcode: reading stays streaming, so its peak RSS must stay under 64 MB
# (the benchmark fails otherwise).
# Run by `meson test --benchmark`; RAWCD_BIN names the binary, BENCH_DIR the folder (default: the build
# directory, so the same filesystem as a user's build).
set -euo pipefail
rawcd=${RAWCD_BIN:?}
runs=${RUNS:-3}
dir=$(mktemp -d "${BENCH_DIR:-${RAWCD_BUILD_DIR:-/tmp}}/bench-convert.XXXXXX")
trap 'rm -rf "$dir"' EXIT

mib=650
head -c $((mib * 1024 * 1024)) /dev/urandom >"$dir/in.iso"
printf 'FILE "in.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n' >"$dir/in.cue"
sectors=$((mib * 512))
bytes=$((sectors * 2352))
head -c "$bytes" /dev/urandom >"$dir/same-size.bin"

now() { date +%s.%N; }
best() { sort -n | head -1; }

conv=() copy=() copysync=()
rss=
for _ in $(seq "$runs"); do
	rm -f "$dir/out.bin" "$dir/out.cue" "$dir/copy.bin"
	sync
	t0=$(now)
	if [ -x /usr/bin/time ]; then
		rss=$(/usr/bin/time -f %M "$rawcd" convert "$dir/in.cue" -o "$dir/out.bin" --quiet 2>&1 >/dev/null | tail -1)
	else
		"$rawcd" convert "$dir/in.cue" -o "$dir/out.bin" --quiet
	fi
	t1=$(now)
	conv+=("$(echo "$t1 - $t0" | bc -l)")
	sync
	t0=$(now); cp "$dir/same-size.bin" "$dir/copy.bin"; t1=$(now)
	copy+=("$(echo "$t1 - $t0" | bc -l)")
	rm -f "$dir/copy.bin"; sync
	t0=$(now); cp "$dir/same-size.bin" "$dir/copy.bin"; sync -d "$dir/copy.bin"; t1=$(now)
	copysync+=("$(echo "$t1 - $t0" | bc -l)")
done
c=$(printf '%s\n' "${conv[@]}" | best)
p=$(printf '%s\n' "${copy[@]}" | best)
s=$(printf '%s\n' "${copysync[@]}" | best)
mb=$(echo "$bytes / 1000000" | bc -l)
printf 'convert %d MiB MODE1/2048 -> %d sectors, %.0f MB of 2352-byte sectors (best of %d)\n' "$mib" "$sectors" "$mb" "$runs"
printf '  rawcd convert     %6.2f s  %7.1f MB/s  %6.0fx real time\n' "$c" "$(echo "$mb / $c" | bc -l)" "$(echo "$sectors / 75 / $c" | bc -l)"
printf '  cp                %6.2f s  %7.1f MB/s  convert = %.2fx cp\n' "$p" "$(echo "$mb / $p" | bc -l)" "$(echo "$c / $p" | bc -l)"
printf '  cp + fsync        %6.2f s  %7.1f MB/s  convert = %.2fx cp + fsync\n' "$s" "$(echo "$mb / $s" | bc -l)" "$(echo "$c / $s" | bc -l)"
[ -n "$rss" ] && printf '  peak RSS of convert: %d KB\n' "$rss"

# --- a CloneCD image as input, its recorded subcode kept ----------------------------------------------
rm -f "$dir/out.bin" "$dir/out.cue" "$dir/copy.bin" "$dir/same-size.bin"
"$rawcd" convert "$dir/in.cue" -o "$dir/cc.img" --format clonecd --quiet
rm -f "$dir/in.iso"
limit=65536
ccd=() ccd_rss=
for _ in $(seq "$runs"); do
	rm -f "$dir/cc.raw96"
	sync
	t0=$(now)
	if [ -x /usr/bin/time ]; then
		ccd_rss=$(/usr/bin/time -f %M "$rawcd" convert "$dir/cc.ccd" -o "$dir/cc.raw96" --format raw96 --quiet \
			2>&1 >/dev/null | tail -1)
	else
		"$rawcd" convert "$dir/cc.ccd" -o "$dir/cc.raw96" --format raw96 --quiet
	fi
	t1=$(now)
	ccd+=("$(echo "$t1 - $t0" | bc -l)")
done
c=$(printf '%s\n' "${ccd[@]}" | best)
img_mb=$(echo "$(stat -c %s "$dir/cc.img") / 1000000" | bc -l)
printf 'convert CloneCD %.0f MB .img + .sub -> raw96 %.0f MB, the .sub kept (best of %d)\n' "$img_mb" \
	"$(echo "$(stat -c %s "$dir/cc.raw96") / 1000000" | bc -l)" "$runs"
printf '  rawcd convert     %6.2f s  %7.1f MB/s of .img\n' "$c" "$(echo "$img_mb / $c" | bc -l)"
if [ -n "$ccd_rss" ]; then
	printf '  peak RSS of convert: %d KB (limit %d KB)\n' "$ccd_rss" "$limit"
	if [ "$ccd_rss" -ge "$limit" ]; then
		echo "FAIL: converting a CloneCD image used $ccd_rss KB, not under $limit KB: reading is not streaming" >&2
		exit 1
	fi
fi
exit 0
