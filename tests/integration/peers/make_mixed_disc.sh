#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Builds a mixed-mode test disc into the existing directory $1. Two descriptions of the same disc:
#
#   mixed.cue          data.iso (MODE1/2048, from xorriso) + t2/t4/t5/t6.wav (WAVE, from sox), with
#                      CATALOG, CD-TEXT TITLE/PERFORMER, FLAGS DCP/PRE, ISRC, PREGAP (generated silence),
#                      INDEX 00 inside a file (in the previous track's file and at a file's start),
#                      INDEX 02 and 03
#   mixed-noidx2.cue   mixed.cue without INDEX 02 and above (cdrdao 1.2.4 gets those wrong when a
#                      track has INDEX 00 in its file: it counts them from INDEX 01, not the file start)
#   mixed-bin.cue      one FILE "mixed-bin.bin" BINARY holding the whole disc from LBA 0 to the
#   mixed-bin.bin      lead-out as 2352-byte sectors: track 01 as MODE1/2352, the audio as
#                      little-endian PCM, and the generated pregaps of mixed.cue as zero samples
#                      described by INDEX 00. This is the only form cd-info 2.1.0 reads correctly:
#                      it opens the .bin named after the .cue, takes every INDEX as an offset into
#                      that one file, ignores PREGAP and divides the file size by 2352 for the
#                      lead-out.
#
# mixed.cue and mixed-bin.cue describe the same disc, so their TOCs must be equal too.
# Every audio file is a whole number of sectors: with a partial last sector the peers round
# differently. Needs xorriso, sox and python3. The output is deterministic.
set -euo pipefail

if [[ $# -ne 1 || ! -d $1 ]]; then
    echo "usage: make_mixed_disc.sh DIR" >&2
    exit 2
fi
dir=$1

export SOURCE_DATE_EPOCH=1704067200 TZ=UTC LC_ALL=C

# Lengths in sectors (1 sector = 588 stereo sample frames = 1/75 s). None is a whole number of
# seconds, so a seconds/frames mix-up cannot hide.
DATA=333    # track 01
T2=1413     # tracks 02 and 03 (03 has INDEX 00 and INDEX 01 inside t2)
T4=662      # track 04 (INDEX 00 at the start of t4, INDEX 02 and 03)
T5=401      # track 05 (no pregap at all)
T6=517      # track 06 (PREGAP 00:00:40)
GAP2=150    # PREGAP 00:02:00 of track 02 (data to audio)
GAP6=40     # PREGAP 00:00:40 of track 06

# Offsets inside the files, in sectors (they are written as MSF below).
T2_IDX02=235            # track 02 INDEX 02 at 00:03:10 of t2
T3_IDX00=600            # track 03 INDEX 00 at 00:08:00 of t2
T3_IDX01=695            # track 03 INDEX 01 at 00:09:20 of t2
T4_IDX01=112            # track 04 INDEX 01 at 00:01:37 of t4
T4_IDX02=375            # track 04 INDEX 02 at 00:05:00 of t4
T4_IDX03=450            # track 04 INDEX 03 at 00:06:00 of t4

msf() { # sectors -> MM:SS:FF
    printf '%02d:%02d:%02d' $(($1 / 4500)) $(($1 / 75 % 60)) $(($1 % 75))
}

# --- data track: a small ISO 9660 image ----------------------------------------------------------
stage="$dir/stage/disc"
mkdir -p "$stage"
printf 'rawcd peer test disc\n' >"$stage/README.TXT"
seq 1 2000 >"$stage/NUMBERS.TXT"
find "$dir/stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
if ! xorriso -report_about SORRY -as mkisofs -quiet -r -no-pad -V RAWCD_PEERS \
        --modification-date=2024010100000000 --set_all_file_dates 2024010100000000 \
        -o "$dir/data.iso" "$dir/stage" >/dev/null 2>"$dir/xorriso.log"; then
    cat "$dir/xorriso.log" >&2
    exit 3
fi
iso_bytes=$(stat -c %s "$dir/data.iso")
if ((iso_bytes > DATA * 2048)); then
    echo "make_mixed_disc.sh: the ISO is $iso_bytes bytes, more than $DATA sectors" >&2
    exit 3
fi
truncate -s $((DATA * 2048)) "$dir/data.iso"
rm -rf "$dir/stage" "$dir/xorriso.log"

# --- audio: a different tone per file, exactly N sectors long ------------------------------------
audio() { # NAME SECTORS FREQ
    local name=$1 sectors=$2 freq=$3 got
    sox -D -R -r 44100 -c 2 -n -b 16 -e signed-integer "$dir/$name.wav" \
        synth "$((sectors * 588))s" sine "$freq" gain -12
    sox -D -R "$dir/$name.wav" -t raw -e signed-integer -b 16 -L "$dir/$name.raw"
    got=$(stat -c %s "$dir/$name.raw")
    if ((got != sectors * 2352)); then
        echo "make_mixed_disc.sh: $name is $got bytes of PCM, want $((sectors * 2352))" >&2
        exit 3
    fi
}
audio t2 "$T2" 440
audio t4 "$T4" 554
audio t5 "$T5" 659
audio t6 "$T6" 784

# --- the WAVE sheet and its copy for cdrdao ------------------------------------------------------
cat >"$dir/mixed.cue" <<EOF
REM rawcd peer test disc, made by tests/integration/peers/make_mixed_disc.sh
CATALOG 2000000000022
TITLE "Peer Test"
PERFORMER "rawcd tests"
FILE "data.iso" BINARY
  TRACK 01 MODE1/2048
    TITLE "Data"
    INDEX 01 00:00:00
FILE "t2.wav" WAVE
  TRACK 02 AUDIO
    FLAGS DCP
    ISRC ZZRCD2400002
    TITLE "Two"
    PERFORMER "A440"
    PREGAP $(msf $GAP2)
    INDEX 01 00:00:00
    INDEX 02 $(msf $T2_IDX02)
  TRACK 03 AUDIO
    FLAGS PRE
    ISRC ZZRCD2400003
    TITLE "Three"
    PERFORMER "A440"
    INDEX 00 $(msf $T3_IDX00)
    INDEX 01 $(msf $T3_IDX01)
FILE "t4.wav" WAVE
  TRACK 04 AUDIO
    FLAGS DCP PRE
    ISRC ZZRCD2400004
    TITLE "Four"
    PERFORMER "C#554"
    INDEX 00 00:00:00
    INDEX 01 $(msf $T4_IDX01)
    INDEX 02 $(msf $T4_IDX02)
    INDEX 03 $(msf $T4_IDX03)
FILE "t5.wav" WAVE
  TRACK 05 AUDIO
    TITLE "Five"
    PERFORMER "E659"
    INDEX 01 00:00:00
FILE "t6.wav" WAVE
  TRACK 06 AUDIO
    TITLE "Six"
    PERFORMER "G784"
    PREGAP $(msf $GAP6)
    INDEX 01 00:00:00
EOF
grep -Ev '^[[:space:]]*INDEX[[:space:]]+0*([2-9]|[1-9][0-9])[[:space:]]' \
    "$dir/mixed.cue" >"$dir/mixed-noidx2.cue"

# --- the one-BIN form: the same disc, sector by sector -------------------------------------------
# Absolute LBAs of the disc described by mixed.cue (the first sector of each file):
t2_at=$((DATA + GAP2))
t4_at=$((t2_at + T2))
t5_at=$((t4_at + T4))
t6_at=$((t5_at + T5 + GAP6))
leadout=$((t6_at + T6))

# Track 01 as MODE1/2352: sync, header (BCD MSF of LBA + 150, mode 1), the 2048 user bytes, then EDC
# and ECC left zero: neither tool reads sector contents to build a TOC.
python3 - "$dir/data.iso" "$dir/data.raw" <<'PY'
import sys
def bcd(v):
    return (v // 10) << 4 | v % 10
with open(sys.argv[1], "rb") as src, open(sys.argv[2], "wb") as dst:
    lba = 0
    while True:
        user = src.read(2048)
        if not user:
            break
        a = lba + 150
        head = bytes([0]) + b"\xff" * 10 + bytes([0])
        head += bytes([bcd(a // 4500), bcd(a // 75 % 60), bcd(a % 75), 1])
        dst.write(head + user + bytes(288))
        lba += 1
PY
{
    cat "$dir/data.raw"
    head -c $((GAP2 * 2352)) /dev/zero
    cat "$dir/t2.raw" "$dir/t4.raw" "$dir/t5.raw"
    head -c $((GAP6 * 2352)) /dev/zero
    cat "$dir/t6.raw"
} >"$dir/mixed-bin.bin"
rm -f "$dir"/*.raw
got=$(stat -c %s "$dir/mixed-bin.bin")
if ((got != leadout * 2352)); then
    echo "make_mixed_disc.sh: mixed-bin.bin is $got bytes, want $((leadout * 2352))" >&2
    exit 3
fi

cat >"$dir/mixed-bin.cue" <<EOF
REM The disc of mixed.cue as one BIN; generated pregaps are zero samples in the file here.
CATALOG 2000000000022
TITLE "Peer Test"
PERFORMER "rawcd tests"
FILE "mixed-bin.bin" BINARY
  TRACK 01 MODE1/2352
    TITLE "Data"
    INDEX 01 00:00:00
  TRACK 02 AUDIO
    FLAGS DCP
    ISRC ZZRCD2400002
    TITLE "Two"
    PERFORMER "A440"
    INDEX 00 $(msf $DATA)
    INDEX 01 $(msf $t2_at)
    INDEX 02 $(msf $((t2_at + T2_IDX02)))
  TRACK 03 AUDIO
    FLAGS PRE
    ISRC ZZRCD2400003
    TITLE "Three"
    PERFORMER "A440"
    INDEX 00 $(msf $((t2_at + T3_IDX00)))
    INDEX 01 $(msf $((t2_at + T3_IDX01)))
  TRACK 04 AUDIO
    FLAGS DCP PRE
    ISRC ZZRCD2400004
    TITLE "Four"
    PERFORMER "C#554"
    INDEX 00 $(msf $t4_at)
    INDEX 01 $(msf $((t4_at + T4_IDX01)))
    INDEX 02 $(msf $((t4_at + T4_IDX02)))
    INDEX 03 $(msf $((t4_at + T4_IDX03)))
  TRACK 05 AUDIO
    TITLE "Five"
    PERFORMER "E659"
    INDEX 01 $(msf $t5_at)
  TRACK 06 AUDIO
    TITLE "Six"
    PERFORMER "G784"
    INDEX 00 $(msf $((t6_at - GAP6)))
    INDEX 01 $(msf $t6_at)
EOF
