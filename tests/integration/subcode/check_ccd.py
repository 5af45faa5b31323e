#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Check a CloneCD .ccd against `rawcd toc --format json` of the same sheet.

    check_ccd.py CCD TOC.json [--packs-out F]

Checks (research/subcode.md §6): [CloneCD] with Version; [Disc] with TocEntries = the number of
[Entry n] sections (numbered 0..n-1), Sessions=1, CATALOG = the MCN (absent without one) and
CDTextLength = 18 x [CDText] Entries; [Session 1]; one [Entry n] per full-TOC descriptor of the json,
in order, with Session, Point, ADR, Control, TrackNo 0, AMin/ASec/AFrame, PMin/PSec/PFrame as the json
says and ALBA/PLBA = their MSF - 150; [TRACK n] for every track with MODE, INDEX 1 = start_lba and
every other index of the json (INDEX 0 of a pregap, 2, 3, ...) and no more, ISRC as the json; [CDText]
Entries=N and Entry 0..N-1 of 16 hex bytes each. --packs-out writes those entries as 18-byte packs,
the CRC (x^16+x^12+x^5+1, preset 0, inverted, big-endian) appended, to compare with other copies.
Prints every mismatch; exits 0 if none, 1 otherwise, 2 on bad input.
"""
import argparse
import json
import re
import sys


def crc16(data):
    reg = 0
    for byte in data:
        for bit in range(7, -1, -1):
            fb = ((reg >> 15) & 1) ^ ((byte >> bit) & 1)
            reg = (reg << 1) & 0xFFFF
            if fb:
                reg ^= 0x1021
    return reg ^ 0xFFFF


def parse_ini(text):
    """Sections in file order: [(name, {key: value})]. Keys keep their case; a repeated key is an error."""
    sections = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        m = re.fullmatch(r"\[(.+)\]", line)
        if m:
            sections.append((m.group(1), {}))
            continue
        if "=" not in line or not sections:
            raise ValueError("line %d is neither a section nor key=value: %r" % (n, line))
        key, value = line.split("=", 1)
        if key in sections[-1][1]:
            raise ValueError("line %d repeats key %r in [%s]" % (n, key, sections[-1][0]))
        sections[-1][1][key] = value
    return sections


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ccd")
    ap.add_argument("toc")
    ap.add_argument("--packs-out")
    args = ap.parse_args()
    bad = []
    with open(args.toc) as f:
        toc = json.load(f)
    try:
        with open(args.ccd, encoding="ascii") as f:
            sections = parse_ini(f.read())
    except (ValueError, UnicodeDecodeError) as e:
        print("check_ccd.py: %s: %s" % (args.ccd, e), file=sys.stderr)
        return 2
    names = [s[0] for s in sections]
    if len(set(names)) != len(names):
        bad.append("a section appears twice: %s" % names)
    sec = dict(sections)

    def need(name):
        if name not in sec:
            bad.append("no [%s] section" % name)
            return {}
        return sec[name]

    def expect(where, key, want, conv=str):
        got = where.get(key)
        try:
            value = None if got is None else conv(got)
        except ValueError:
            value = got
        if value != want:
            bad.append("%s: want %r, got %r" % (key, want, got))

    clone = need("CloneCD")
    if not clone.get("Version", "").isdigit():
        bad.append("[CloneCD] Version=%r" % clone.get("Version"))
    if names and names[0] != "CloneCD":
        bad.append("[CloneCD] is not the first section")
    disc = need("Disc")
    entries = [n for n in names if n.startswith("Entry ")]
    if entries != ["Entry %d" % i for i in range(len(entries))]:
        bad.append("[Entry n] sections not numbered 0..n-1 in order: %s" % entries)
    expect(disc, "TocEntries", len(entries), int)
    expect(disc, "Sessions", 1, int)
    if toc.get("mcn"):
        expect(disc, "CATALOG", toc["mcn"])
    elif "CATALOG" in disc:
        bad.append("CATALOG=%s without an MCN" % disc["CATALOG"])
    need("Session 1")

    # the full TOC, descriptor by descriptor
    full = toc["full_toc"]
    if len(entries) != len(full):
        bad.append("%d [Entry n] sections, the full TOC has %d descriptors" % (len(entries), len(full)))
    for i, (name, want) in enumerate(zip(entries, full)):
        e = sec[name]
        where = "[%s] " % name
        checks = [("Session", want["session"], int), ("Point", want["point"], lambda v: int(v, 16)),
                  ("ADR", want["adr"], lambda v: int(v, 16)), ("Control", want["control"], lambda v: int(v, 16)),
                  ("TrackNo", 0, int), ("AMin", want["min"], int), ("ASec", want["sec"], int),
                  ("AFrame", want["frame"], int), ("PMin", want["pmin"], int), ("PSec", want["psec"], int),
                  ("PFrame", want["pframe"], int),
                  ("ALBA", (want["min"] * 60 + want["sec"]) * 75 + want["frame"] - 150, int),
                  ("PLBA", (want["pmin"] * 60 + want["psec"]) * 75 + want["pframe"] - 150, int)]
        for key, value, conv in checks:
            before = len(bad)
            expect(e, key, value, conv)
            if len(bad) > before:
                bad[-1] = where + bad[-1]
        if not re.fullmatch(r"0x[0-9a-f]{2}", e.get("Point", "")):
            bad.append(where + "Point=%r is not 0x and two lower-case hex digits" % e.get("Point"))

    # tracks and indexes
    track_secs = [n for n in names if n.startswith("TRACK ")]
    want_secs = ["TRACK %d" % t["number"] for t in toc["tracks"]]
    if track_secs != want_secs:
        bad.append("track sections %s, want %s" % (track_secs, want_secs))
    for t in toc["tracks"]:
        s = sec.get("TRACK %d" % t["number"])
        if s is None:
            continue
        where = "[TRACK %d] " % t["number"]
        if s.get("MODE") not in ("0", "1", "2"):
            bad.append(where + "MODE=%r" % s.get("MODE"))
        want_mode = 0 if t["mode"] == "AUDIO" else 1 if t["mode"].startswith("MODE1") else 2
        if s.get("MODE") != str(want_mode):
            bad.append(where + "MODE=%s, want %d for %s" % (s.get("MODE"), want_mode, t["mode"]))
        if s.get("INDEX 1") != str(t["start_lba"]):
            bad.append(where + "INDEX 1=%s, want start_lba %d" % (s.get("INDEX 1"), t["start_lba"]))
        want_idx = {"INDEX %d" % ix["number"]: str(ix["lba"]) for ix in t["indexes"]}
        got_idx = {k: v for k, v in s.items() if k.startswith("INDEX ")}
        if got_idx != want_idx:
            bad.append(where + "indexes %s, want %s" % (got_idx, want_idx))
        if t.get("isrc"):
            if s.get("ISRC") != t["isrc"]:
                bad.append(where + "ISRC=%s, want %s" % (s.get("ISRC"), t["isrc"]))
        elif "ISRC" in s:
            bad.append(where + "ISRC=%s for a track without one" % s["ISRC"])

    # CD-TEXT
    packs = []
    if "CDText" in sec:
        cdt = sec["CDText"]
        try:
            count = int(cdt.get("Entries", ""))
        except ValueError:
            count = -1
            bad.append("[CDText] Entries=%r" % cdt.get("Entries"))
        keys = [k for k in cdt if k != "Entries"]
        if keys != ["Entry %d" % i for i in range(len(keys))]:
            bad.append("[CDText] entries not numbered Entry 0..n-1 in order")
        if count != len(keys):
            bad.append("[CDText] Entries=%s, but %d Entry lines" % (cdt.get("Entries"), len(keys)))
        expect(disc, "CDTextLength", 18 * len(keys), int)
        for k in keys:
            if not re.fullmatch(r"[0-9a-f]{2}( [0-9a-f]{2}){15}", cdt[k]):
                bad.append("[CDText] %s=%r is not 16 hex bytes" % (k, cdt[k]))
                continue
            body = bytes.fromhex(cdt[k])
            if not 0x80 <= body[0] <= 0x8F:
                bad.append("[CDText] %s is not a CD-TEXT pack (type %02X)" % (k, body[0]))
            packs.append(body + crc16(body).to_bytes(2, "big"))
    elif disc.get("CDTextLength", "0") != "0":
        bad.append("CDTextLength=%s without a [CDText] section" % disc.get("CDTextLength"))
    if args.packs_out:
        with open(args.packs_out, "wb") as f:
            f.write(b"".join(packs))

    for b in bad:
        print("MISMATCH: " + b)
    print("check_ccd: %d sections, %d TOC entries, %d tracks, %d CD-TEXT packs: %s"
          % (len(sections), len(entries), len(track_secs), len(packs), "FAILED" if bad else "OK"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
