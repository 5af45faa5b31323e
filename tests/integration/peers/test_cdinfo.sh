#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Peer test: `rawcd toc --format json` against libcdio on a BINARY sheet of the mixed-mode disc of
# make_mixed_disc.sh (one BIN: a MODE1/2352 track, then audio with INDEX 00 pregaps inside the file,
# FLAGS DCP/PRE, ISRC, INDEX 02/03, CATALOG, CD-TEXT).
#
# Three comparisons:
#  1. `cd-info --cue-file` (libcdio-utils): first/last track, the INDEX 01 LBA (cd-info's LSN) and
#     the data/audio type of every track, its copy and pre-emphasis flags, the lead-out LBA, the MCN.
#  2. libcdio's own pregap (cdio_get_track_pregap_lsn, called through python3 ctypes, the same
#     parser cd-info uses; cd-info does not print pregaps): INDEX 01 LBA minus the pregap start.
#  3. rawcd on mixed-bin.cue against rawcd on mixed.cue, which describes the same disc with WAVE
#     files and PREGAP instead of zero samples in the BIN and INDEX 00: every field of the TOC
#     (starts, lengths, pregaps, control, ISRC, INDEX 01 and above, full TOC, lead-out) must match.
#     INDEX 00 entries are left out there: rawcd lists the INDEX lines of the sheet, and a PREGAP
#     has none.
#
# Why only one BIN and no PREGAP for cd-info: libcdio 2.1.0's cue reader opens the .bin named after
# the .cue, takes every INDEX as an offset into that single file, divides its size by 2352 for the
# lead-out, and ignores PREGAP (a "PREGAP 00:01:00" leaves the next tracks and the lead-out 75
# sectors early), which contradicts the CUE definition of PREGAP as generated silence.
#
# Needs cd-info (libcdio-utils), jq, xorriso, sox, python3; exits 77 (skip) when one is missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

for tool in cd-info jq xorriso sox python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: '$tool' is not installed (apt-get install libcdio-utils jq xorriso sox python3)"
        exit 77
    fi
done
if [[ -z ${RAWCD_BIN:-} || ! -x $RAWCD_BIN ]]; then
    echo "RAWCD_BIN must name the rawcd executable (it is set by meson test)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash "$here/make_mixed_disc.sh" "$work"
sheet="$work/mixed-bin.cue"
status=0

rawcd_json() { # SHEET OUT
    if ! "$RAWCD_BIN" toc "$1" --format json >"$2" 2>"$work/rawcd.err"; then
        echo "FAIL: rawcd toc exited non-zero on $1:" >&2
        cat "$work/rawcd.err" >&2
        exit 1
    fi
}
rawcd_json "$sheet" "$work/rawcd-bin.json"
rawcd_json "$work/mixed.cue" "$work/rawcd-wave.json"

compare() { # WHAT A-LABEL A-FILE B-LABEL B-FILE
    if ! grep -q '^track ' "$5"; then
        echo "FAIL ($1): no tracks read from $4" >&2
        status=1
    elif diff -u --label "$2" --label "$4" "$3" "$5"; then
        echo "ok ($1): $(grep -c '^track ' "$3") tracks agree"
    else
        echo "FAIL ($1): $2 and $4 disagree" >&2
        status=1
    fi
}

# --- 1. cd-info ----------------------------------------------------------------------------------
# control bit 2 (0x4) = data track, bit 1 (0x2) = copy permitted, bit 0 (0x1) = pre-emphasis
# (audio only; cd-info prints no pre-emphasis column for data tracks).
jq -r '
    "disc first=\(.first_track) last=\(.last_track) leadout=\(.leadout_lba) mcn=\(.mcn // "-")",
    (.tracks[] |
        ((.control / 4 | floor) % 2 == 1) as $data |
        "track \(.number) type=\(if $data then "data" else "audio" end) start=\(.start_lba)"
        + " copy=\(if (.control / 2 | floor) % 2 == 1 then "yes" else "no" end)"
        + " pre=\(if $data then "-" elif .control % 2 == 1 then "yes" else "no" end)")
' "$work/rawcd-bin.json" >"$work/rawcd.txt"

# TZ=CUT and --no-header as in libcdio's own tests. The track list reads
#   "  #: MSF       LSN    Type   Green? Copy? Channels Premphasis?"
#   "  2: 00:08:33  000483 audio  false  yes   2        no"
#   "170: 00:48:66  003516 leadout (...)"
if ! (cd "$work" && TZ=CUT cd-info --no-header --no-device-info --no-cddb --no-analyze --quiet \
        --cue-file "$(basename "$sheet")") >"$work/cdinfo.out" 2>"$work/cdinfo.err"; then
    echo "FAIL: cd-info failed on $sheet:" >&2
    cat "$work/cdinfo.err" "$work/cdinfo.out" >&2
    exit 1
fi
awk '
    /^CD-ROM Track List \(/ { gsub(/[()]/, ""); first = $4; last = $6 }
    /^Media Catalog Number \(MCN\):/ { mcn = $5 }
    /^ *[0-9]+: [0-9][0-9]:[0-9][0-9]:[0-9][0-9] +[0-9]+ / {
        n = $1; sub(/:$/, "", n)
        if (n == 170) { leadout = $3 + 0; next }
        line[++count] = sprintf("track %d type=%s start=%d copy=%s pre=%s", n, $4, $3 + 0, $6,
                                ($4 == "audio" ? $8 : "-"))
    }
    END {
        printf "disc first=%d last=%d leadout=%s mcn=%s\n", first, last, leadout, (mcn == "" ? "-" : mcn)
        for (i = 1; i <= count; i++) print line[i]
    }
' "$work/cdinfo.out" >"$work/cdinfo.txt"
compare "cd-info $(cd-info --version | sed -n '1s/^cd-info version \([^ ]*\).*/\1/p')" \
    "rawcd toc --format json" "$work/rawcd.txt" "cd-info --cue-file" "$work/cdinfo.txt"

# --- 2. libcdio's pregaps ------------------------------------------------------------------------
jq -r '.tracks[] | "track \(.number) pregap=\(.pregap)"' "$work/rawcd-bin.json" >"$work/rawcd-pregap.txt"
if python3 - "$sheet" "$(jq .first_track "$work/rawcd-bin.json")" "$(jq .last_track "$work/rawcd-bin.json")" \
        >"$work/libcdio-pregap.txt" 2>"$work/libcdio.err" <<'PY'
import ctypes, ctypes.util, sys
name = ctypes.util.find_library("cdio") or "libcdio.so.19"
cdio = ctypes.CDLL(name)
cdio.cdio_open_cue.restype = ctypes.c_void_p
cdio.cdio_open_cue.argtypes = [ctypes.c_char_p]
for fn in (cdio.cdio_get_track_lsn, cdio.cdio_get_track_pregap_lsn):
    fn.restype = ctypes.c_int32
    fn.argtypes = [ctypes.c_void_p, ctypes.c_uint8]
INVALID_LSN = -45301  # CDIO_INVALID_LSN: the track has no pregap
disc = cdio.cdio_open_cue(sys.argv[1].encode())
if not disc:
    sys.exit("cdio_open_cue failed")
for track in range(int(sys.argv[2]), int(sys.argv[3]) + 1):
    start = cdio.cdio_get_track_lsn(disc, track)
    gap = cdio.cdio_get_track_pregap_lsn(disc, track)
    print("track %d pregap=%d" % (track, 0 if gap == INVALID_LSN else start - gap))
PY
then
    compare "libcdio pregaps" "rawcd toc --format json" "$work/rawcd-pregap.txt" \
        "libcdio cdio_get_track_pregap_lsn" "$work/libcdio-pregap.txt"
else
    # cd-info is there, so libcdio is too; only its name may not be found from python.
    echo "note: libcdio could not be called from python3, pregaps not compared with it:" \
         "$(cat "$work/libcdio.err")"
fi

# --- 3. the same disc as WAVE + PREGAP -----------------------------------------------------------
same_disc='
    "disc first=\(.first_track) last=\(.last_track) leadout=\(.leadout_lba) mcn=\(.mcn // "-")",
    "full_toc \(.full_toc | tojson)",
    (.tracks[] |
        "track \(.number) session=\(.session) mode=\(.mode | sub("/.*"; "")) adr=\(.adr)"
        + " control=\(.control) start=\(.start_lba) length=\(.length) pregap=\(.pregap)"
        + " isrc=\(.isrc // "-") indexes=\([.indexes[] | select(.number >= 1) | "\(.number)@\(.lba)"] | join(","))")'
jq -r "$same_disc" "$work/rawcd-wave.json" >"$work/same-wave.txt"
jq -r "$same_disc" "$work/rawcd-bin.json" >"$work/same-bin.txt"
compare "same disc as WAVE + PREGAP" "rawcd on mixed.cue" "$work/same-wave.txt" \
    "rawcd on mixed-bin.cue" "$work/same-bin.txt"

if ((status != 0)); then
    echo "the BINARY sheet was:" >&2
    cat "$sheet" >&2
fi
exit $status
