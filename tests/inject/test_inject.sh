#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# test_inject.sh SHIM: rawcd convert when the disk fills up or an input cannot be read (issue 7, item 4;
# DESIGN.md §3: exit 3 for an I/O failure). SHIM is librawcd_inject.so (inject.c), preloaded to make
# write() fail with ENOSPC, or read()/pread() with EIO, after a number of bytes. For every case: the exit
# status, a message naming the file and saying what failed, the shim's own "rawcd-inject:" line (so the
# failure is the injected one), and afterwards the input and output folders exactly as before (no OUT,
# no OUT.cue, no temporary .NAME.rawcd-XXXXXX, inputs unchanged).
#
#  - ENOSPC at the first byte, half way through the image, in the .sub of --format clonecd, in the
#    2448-byte image of --format raw96, while writing OUT.cue after the whole image  exit 3, "No space"
#  - ENOSPC half way through OUT.toc (--format toc, alone and with --split) and through a --split
#    track file and through OUT.scram (--scrambled); the rename of a split sheet failing after the
#    track files'                                                                  exit 3, nothing left
#  - ENOSPC half way, over existing OUT files with --force                           exit 3, old files kept
#  - the rename of OUT.cue fails after OUT.bin's (with and without old files, --force) exit 3, old files back
#  - a real full filesystem: a 1 MiB tmpfs (skipped when mount is not allowed)      exit 3, "No space"
#  - EIO reading the BIN half way; EIO reading a WAVE (libsndfile)                  exit 3, file named
#  - the shim loaded with no failure set: the same bytes as without it (control)
# Under AddressSanitizer the shim is preloaded with verify_asan_link_order=0; if that does not work the
# test is skipped (77) with the reason.
set -euo pipefail

shim=${1:?usage: test_inject.sh LIBRAWCD_INJECT.so}
rawcd=${RAWCD_BIN:?RAWCD_BIN must name the rawcd executable (meson test sets it)}
for tool in sox sha256sum; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: '$tool' is not installed (apt-get install sox coreutils)"
		exit 77
	fi
done
tmp=$(mktemp -d)
mnt=
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
passed=0 failed=0

check() { # name, then a command that must succeed
	local name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
		echo "ok: $name"
	else
		failed=$((failed + 1))
		echo "FAIL: $name" >&2
	fi
}

# An ASan build must have its runtime first; tell it not to insist, and check the shim still loads.
# (Not `ldd | grep -q`: with pipefail, ldd killed by SIGPIPE when grep stops early makes it false.)
libs=$(ldd "$rawcd" 2>/dev/null || true)
case "$libs" in
*libasan*) export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 ;;
esac
if ! LD_PRELOAD=$shim "$rawcd" --version >/dev/null 2>"$tmp/preload.err"; then
	echo "SKIP: rawcd does not run with the shim preloaded (sanitizer runtime?):"
	sed 's/^/  /' "$tmp/preload.err"
	exit 77
fi

in=$tmp/in out=$tmp/out
mkdir "$in" "$out" "$tmp/log"
cd "$in"
# 1000 Mode 1 sectors: a 2,352,000-byte image. A WAVE of 10 s for the audio reader.
head -c $((1000 * 2048)) /dev/urandom >big.iso
printf 'FILE "big.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n' >big.cue
head -c $((1000 * 2352)) /dev/urandom >a.bin
printf 'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >a.cue
printf 'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n  TRACK 02 AUDIO\n    INDEX 01 00:06:00\n' >a2.cue
sox -D -R -n -r 44100 -c 2 -b 16 -e signed-integer w.wav synth 10 sine 440 gain -12
printf 'FILE "w.wav" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >w.cue

snapshot() {
	(cd "$tmp" && find in out -printf '%p %y %s\n' | sort && find in out -type f -exec sha256sum {} + | sort -k 2)
}

case_no=0
# expect NAME STATUS REGEX ENV... -- ARGS...: rawcd ARGS with the shim and ENV (VAR=VALUE) exits STATUS,
# stderr matches REGEX and the shim's line, and both folders are as before.
expect() {
	local name=$1 want=$2 regex=$3 st=0
	shift 3
	local envs=()
	while [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	shift
	case_no=$((case_no + 1))
	local err=$tmp/log/$case_no.err
	snapshot >"$tmp/log/before"
	env LD_PRELOAD="$shim" "${envs[@]}" "$rawcd" "$@" >/dev/null 2>"$err" || st=$?
	snapshot >"$tmp/log/after"
	check "$name: exit $want" [ "$st" = "$want" ]
	check "$name: message" grep -Eq -- "$regex" "$err"
	check "$name: the injected failure happened" grep -q '^rawcd-inject: ' "$err"
	check "$name: nothing left behind, inputs unchanged" diff -u "$tmp/log/before" "$tmp/log/after"
	if [ "$st" != "$want" ] || ! grep -Eq -- "$regex" "$err"; then
		echo "  rawcd $* (with ${envs[*]}): exit $st, stderr:" >&2
		sed 's/^/    /' "$err" >&2
	fi
	rm -rf "${out:?}"/* "$out"/.[!.]* 2>/dev/null || true
}

W=RAWCD_INJECT_WRITE_AFTER
expect "ENOSPC on the first byte" 3 '^rawcd: .*x\.bin.*No space left on device' \
	$W=0 RAWCD_INJECT_WRITE_PATH="$out/" -- convert big.cue -o "$out/x.bin"
expect "ENOSPC half way through the image" 3 '^rawcd: .*x\.bin.*No space left on device' \
	$W=1000000 RAWCD_INJECT_WRITE_PATH="$out/" -- convert big.cue -o "$out/x.bin"
expect "ENOSPC in the .sub of --format clonecd" 3 '^rawcd: .*x\.sub.*No space left on device' \
	$W=10000 RAWCD_INJECT_WRITE_PATH=.x.sub -- convert big.cue -o "$out/x" --format clonecd
expect "ENOSPC in a raw96 image with lead-in" 3 '^rawcd: .*x\.raw.*No space left on device' \
	$W=30000000 RAWCD_INJECT_WRITE_PATH="$out/" -- convert big.cue -o "$out/x.raw" --format raw96 --lead-in
expect "ENOSPC writing OUT.cue after the whole image" 3 '^rawcd: .*x\.cue.*No space left on device' \
	$W=0 RAWCD_INJECT_WRITE_PATH=.x.cue -- convert big.cue -o "$out/x.bin"
expect "EIO instead of ENOSPC (RAWCD_INJECT_WRITE_ERRNO=5)" 3 '^rawcd: .*x\.bin.*Input/output error' \
	$W=1000000 RAWCD_INJECT_WRITE_ERRNO=5 RAWCD_INJECT_WRITE_PATH="$out/" -- convert big.cue -o "$out/x.bin"
expect "ENOSPC half way through OUT.toc (--format toc)" 3 '^rawcd: .*x\.toc.*No space left on device' \
	$W=100 RAWCD_INJECT_WRITE_PATH=.x.toc -- convert big.cue -o "$out/x.bin" --format toc
expect "ENOSPC half way through a --split track file" 3 '^rawcd: .*x \(Track 2\)\.bin.*No space left on device' \
	$W=600000 RAWCD_INJECT_WRITE_PATH="x (Track 2)" -- convert a2.cue -o "$out/x.bin" --split
expect "ENOSPC in the .toc of --split --format toc" 3 '^rawcd: .*x\.toc.*No space left on device' \
	$W=100 RAWCD_INJECT_WRITE_PATH=.x.toc -- convert a2.cue -o "$out/x.bin" --split --format toc
expect "--split: the rename of OUT.cue fails after the track files': none left" 3 '^rawcd: .*x\.cue.*renaming' \
	RAWCD_INJECT_RENAME_PATH=/x.cue -- convert a2.cue -o "$out/x.bin" --split
expect "ENOSPC half way through OUT.scram (--scrambled, after its lead-in hole)" 3 \
	'^rawcd: .*x\.scram.*No space left on device' \
	$W=1000000 RAWCD_INJECT_WRITE_PATH="$out/" -- convert big.cue -o "$out/x.bin" --scrambled

# Over existing files with --force: the old ones must survive a failed write.
echo "old image" >"$out/x.bin"
echo "old sheet" >"$out/x.cue"
st=0
snapshot >"$tmp/log/before-force"
env LD_PRELOAD="$shim" $W=1000000 RAWCD_INJECT_WRITE_PATH="$out/" "$rawcd" convert big.cue -o "$out/x.bin" --force \
	>/dev/null 2>"$tmp/log/force.err" || st=$?
snapshot >"$tmp/log/after-force"
check "ENOSPC over existing OUT with --force: exit 3" [ "$st" = 3 ]
check "ENOSPC over existing OUT with --force: the old files kept, nothing else" \
	diff -u "$tmp/log/before-force" "$tmp/log/after-force"

# The second rename fails (OUT.cue) after OUT.bin was renamed into place: the old OUT.bin comes back.
st=0
env LD_PRELOAD="$shim" RAWCD_INJECT_RENAME_PATH=/x.cue "$rawcd" convert big.cue -o "$out/x.bin" --force \
	>/dev/null 2>"$tmp/log/rename.err" || st=$?
snapshot >"$tmp/log/after-rename"
check "rename of OUT.cue fails over existing OUT with --force: exit 3" [ "$st" = 3 ]
check "rename of OUT.cue fails: the injected failure, named" \
	grep -q '^rawcd: .*x\.cue.*renaming the temporary file into place failed: Input/output error' "$tmp/log/rename.err"
check "rename of OUT.cue fails: the old OUT.bin and OUT.cue are back, nothing else" \
	diff -u "$tmp/log/before-force" "$tmp/log/after-rename"
rm -f "$out/x.bin" "$out/x.cue"
expect "rename of OUT.cue fails with no old files: nothing left" 3 '^rawcd: .*x\.cue.*renaming' \
	RAWCD_INJECT_RENAME_PATH=/x.cue -- convert big.cue -o "$out/x.bin"

R=RAWCD_INJECT_READ_AFTER
expect "EIO reading the BIN half way" 3 '^rawcd: .*a\.bin.*Input/output error' \
	$R=1000000 RAWCD_INJECT_READ_PATH=/a.bin -- convert a.cue -o "$out/x.bin"
expect "EIO reading the ISO of a MODE1/2048 track" 3 '^rawcd: .*big\.iso.*Input/output error' \
	$R=500000 RAWCD_INJECT_READ_PATH=/big.iso -- convert big.cue -o "$out/x.bin"
expect "EIO reading a WAVE" 3 '^rawcd: .*w\.wav.*(Input/output error|read)' \
	$R=800000 RAWCD_INJECT_READ_PATH=/w.wav -- convert w.cue -o "$out/x.bin"

# Control: the shim loaded, nothing injected, gives the bytes rawcd writes without it.
"$rawcd" convert big.cue -o "$tmp/plain.bin" --quiet
st=0
LD_PRELOAD=$shim "$rawcd" convert big.cue -o "$out/x.bin" --quiet 2>"$tmp/log/control.err" || st=$?
check "control: the shim without a rule changes nothing (exit 0, same bytes)" \
	cmp "$tmp/plain.bin" "$out/x.bin"
check "control: exit 0, no injected failure" [ "$st.$(grep -c '^rawcd-inject' "$tmp/log/control.err")" = 0.0 ]
rm -f "$out"/x.*

# A real full filesystem: a 1 MiB tmpfs for a 2.35 MB image.
mnt=$tmp/full
mkdir "$mnt"
if mount -t tmpfs -o size=1m rawcd-full "$mnt" 2>/dev/null; then
	st=0
	"$rawcd" convert big.cue -o "$mnt/x.bin" >/dev/null 2>"$tmp/log/tmpfs.err" || st=$?
	check "full tmpfs: exit 3" [ "$st" = 3 ]
	check "full tmpfs: message" grep -Eq '^rawcd: .*x\.bin.*No space left on device' "$tmp/log/tmpfs.err"
	check "full tmpfs: nothing left on it" [ -z "$(ls -A "$mnt")" ]
	[ "$st" = 3 ] || sed 's/^/    /' "$tmp/log/tmpfs.err" >&2
	umount "$mnt"
else
	echo "skip: full tmpfs: mount is not allowed here"
fi
mnt=

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
