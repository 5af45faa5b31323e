#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Convert throughput: a generated 650 MiB MODE1/2048 sheet through `rawcd convert`, next to a plain copy
# of the same number of output bytes on the same filesystem (cp, and cp followed by fsync, since convert
# fsyncs its output before renaming it into place). Best of RUNS runs each; peak RSS of convert.
# Then the same data as a three-track sheet through --format bin, --format toc and --split (one file per
# track), each next to --format bin: they write the same bytes, so they should be within 5 %. Last, a
# CloneCD image of the same disc (convert --format clonecd: a 782 MB .img and its .sub) converted to raw96,
# keeping the .sub's subcode: reading stays streaming, so its peak RSS must stay under 64 MB (the
# benchmark fails otherwise).
# Run by `meson test --benchmark`; RAWCD_BIN names the binary, BENCH_DIR the folder (default: the build
# directory, so the same filesystem as a user's build).
set -euo pipefail
rawcd=${RAWCD_BIN:?}
runs=${RUNS:-3}
dir=$(mktemp -d "${BENCH_DIR:-${RAWCD_BUILD_DIR:-/tmp}}/bench-convert.XXXXXX")
trap 'rm -rf "$dir"' EXIT

mib=${MIB:-650}
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

# Three tracks of a third each (MODE1/2048, the INDEX 01 of 2 and 3 inside the one ISO).
third=$((sectors / 3))
msf() { printf '%02d:%02d:%02d' $(($1 / 4500)) $(($1 / 75 % 60)) $(($1 % 75)); }
printf 'FILE "in.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n  TRACK 02 MODE1/2048\n    INDEX 01 %s\n  TRACK 03 MODE1/2048\n    INDEX 01 %s\n' \
	"$(msf "$third")" "$(msf $((2 * third)))" >"$dir/three.cue"
time_convert() { # ARGS...: the best of RUNS converts of three.cue into a fresh folder
	local t=() t0 t1
	for _ in $(seq "$runs"); do
		rm -rf "$dir/o"
		mkdir "$dir/o"
		sync
		t0=$(now)
		"$rawcd" convert "$dir/three.cue" -o "$dir/o/out.bin" --quiet "$@"
		t1=$(now)
		t+=("$(echo "$t1 - $t0" | bc -l)")
	done
	rm -rf "$dir/o"
	printf '%s\n' "${t[@]}" | best
}
b=$(time_convert --format bin)
tc=$(time_convert --format toc)
sp=$(time_convert --split)
printf 'the same data as three tracks (best of %d)\n' "$runs"
printf '  --format bin      %6.2f s  %7.1f MB/s\n' "$b" "$(echo "$mb / $b" | bc -l)"
printf '  --format toc      %6.2f s  %7.1f MB/s  = %.3fx --format bin\n' "$tc" "$(echo "$mb / $tc" | bc -l)" "$(echo "$tc / $b" | bc -l)"
printf '  --split           %6.2f s  %7.1f MB/s  = %.3fx --format bin\n' "$sp" "$(echo "$mb / $sp" | bc -l)" "$(echo "$sp / $b" | bc -l)"

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
