#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Decode the subcode of a raw CD image and check it against the disc's layout.

Written from the format rules (research/subcode.md, DESIGN.md §4) without reading or reusing
rawcd's encoder: its own de-interleave, its own bitwise CRC-16, BCD and ISRC table.

    decode_subcode.py --toc TOC.json --format raw96|packed96|pq16|sub --first-lba N IMAGE
                      [--dump-q F] [--dump-p F] [--dump-rw F] [--cdtext-out F] [--max-errors N]

TOC.json is `rawcd toc SHEET --format json` of the sheet the image was made from. IMAGE is a
raw96/packed96 image (2448-byte sectors, subcode after the 2352 main bytes), a pq16 image (2368-byte
sectors) or a CloneCD .sub (96 bytes a sector, channel after channel); its first sector is LBA N.

What is checked, sector by sector (the promises of include/rawcd/subcode.h):
  * every Q frame's CRC (x^16+x^12+x^5+1, preset 0, inverted, big-endian);
  * lead-in (LBA < -150): P 0; Q ADR 1, TNO 0, POINT cycling A0, A1, A2, track 1..N from the image's
    first sector (which must then be the lead-in start), each item on 3 consecutive sectors, running
    time = the LBA's absolute MSF (LBA + 450150 from 90:00:00 up), ZERO 0, and the item's P-MSF:
    A0 first track / disc type / 0, A1 last track, A2 lead-out start, tracks their INDEX 01; CONTROL
    A0 = first track's, A1 and A2 = last track's, tracks their own. R-W: plain CD-TEXT packs, 4 a
    sector, cycling from the lead-in start, every pack CRC valid (or all zero when there is no CD-TEXT);
  * program area (-150 .. lead-out - 1): ADR 1 with TNO and INDEX of the layout (INDEX 00 in LBA
    -150..-1 and in every index-0 pregap), relative time counting down to 00:00:01 through a pregap,
    00:00:00 at INDEX 01 and up from there, ZERO 0, absolute time = LBA + 150; CONTROL of the owning
    track (an SCMS track's copy bit clear where (LBA+150) % 8 <= 3, set otherwise); ADR 2 (MCN) exactly
    where (LBA+150) % 100 == 20 and ADR 3 (the owning track's ISRC) where it is 70, each moved to the
    first following sector where TNO and INDEX do not change when the slot is on such a change, with
    the right digits/characters and AFRAME; P 1 exactly in the pauses (LBA -150..-1 and every INDEX 00
    pregap) and 0 elsewhere; R-W zero (no CD+G here);
  * lead-out: ADR 1, TNO AAh, INDEX 01, relative time from the lead-out start, absolute LBA + 150,
    CONTROL of the last track; P 1 on frame 0, 0 on frames 1..149, then 1 where (rel-150) % 38 < 19.

Prints the first --max-errors mismatches and a summary; exits 0 if all holds, 1 on a mismatch, 2 on
bad usage or input.
"""
import argparse
import json
import sys

LEADIN_MSF_WRAP = 450000  # 100 minutes of frames: MSF 90:00:00 and above stand for negative LBAs
LEADOUT_TNO = 0xAA
POINT_A0, POINT_A1, POINT_A2 = 0xA0, 0xA1, 0xA2
MCN_SLOT, ISRC_SLOT, MAX_DEFER = 20, 70, 49

# Bytes per sector and offset of the subcode in it.
LAYOUTS = {"raw96": (2448, 2352), "packed96": (2448, 2352), "pq16": (2368, 2352), "sub": (96, 0)}


# --- primitives, written from the rules -----------------------------------------------------------
def crc16(data):
    """CRC-16 x^16+x^12+x^5+1, register preset 0, MSB first, one bit at a time; returned inverted."""
    reg = 0
    for byte in data:
        for bit in range(7, -1, -1):
            feedback = ((reg >> 15) & 1) ^ ((byte >> bit) & 1)
            reg = (reg << 1) & 0xFFFF
            if feedback:
                reg ^= 0x1021
    return reg ^ 0xFFFF


def bcd(value):
    return (value // 10) << 4 | value % 10


def from_bcd(byte):
    """The value of a BCD byte, or None when a nibble is not a decimal digit."""
    hi, lo = byte >> 4, byte & 15
    if hi > 9 or lo > 9:
        return None
    return hi * 10 + lo


def msf_of_lba(lba):
    """Absolute (M, S, F) of an LBA: LBA + 150 frames, from 90:00:00 up for the lead-in."""
    frames = lba + 150
    if frames < 0:
        frames += LEADIN_MSF_WRAP
    return frames // 4500, frames // 75 % 60, frames % 75


def msf_of_frames(frames):
    return frames // 4500, frames // 75 % 60, frames % 75


def fmt_msf(msf):
    return "%02d:%02d:%02d" % msf


def isrc_char(code):
    """The ISRC 6-bit character table: 0x00-0x09 '0'-'9', 0x11-0x2A 'A'-'Z'."""
    if code <= 9:
        return chr(ord("0") + code)
    if 0x11 <= code <= 0x2A:
        return chr(ord("A") + code - 0x11)
    return None


def self_test():
    # research/subcode.md §4: cdrecord's TEST_CRC vectors; DESIGN/INDEX: "123456789" -> 0xCE3C.
    assert crc16(b"123456789") == 0xCE3C
    assert crc16(bytes.fromhex("0100A098061200010000")) == 0xE374
    assert crc16(bytes.fromhex("0100A298061700704073")) == 0xE385
    assert msf_of_lba(-22650) == (95, 0, 0) and msf_of_lba(0) == (0, 2, 0) and msf_of_lba(-151) == (99, 59, 74)
    assert isrc_char(0x11) == "A" and isrc_char(0x2A) == "Z" and isrc_char(0x0A) is None


# --- reading the 96 bits of each channel ----------------------------------------------------------
# Raw interleaved form: byte i carries bit i of every channel (P in bit 7, Q in bit 6, R..W in 5..0),
# the channel's bits MSB first. A translate table turns each byte into the ASCII digit of one channel's
# bit; the 96 digits read as a binary number are the channel's 12 bytes.
BIT_DIGIT = {b: bytes(0x30 | ((x >> b) & 1) for x in range(256)) for b in range(8)}
LOW6 = bytes(x & 0x3F for x in range(256))


def channel_from_raw(sub, bit):
    return int(sub.translate(BIT_DIGIT[bit]), 2).to_bytes(12, "big")


def rw_from_channels(channels):
    """R-W symbols (one per byte, R = bit 5) from the six 12-byte channels R..W (channel-major form)."""
    bits = [bin(int.from_bytes(ch, "big"))[2:].zfill(96) for ch in channels]
    return bytes(int(bits[0][i] + bits[1][i] + bits[2][i] + bits[3][i] + bits[4][i] + bits[5][i], 2)
                 for i in range(96))


class Sector:
    __slots__ = ("p", "q", "rw", "p_extra_bad")


def split_subcode(fmt, sub):
    """P (12 bytes, or None for pq16 where only one bit exists), Q (12 bytes), R-W (96 symbols or None)."""
    s = Sector()
    s.p_extra_bad = False
    if fmt in ("raw96", "packed96"):
        s.p = channel_from_raw(sub, 7)
        s.q = channel_from_raw(sub, 6)
        s.rw = sub.translate(LOW6)
    elif fmt == "pq16":
        s.q = bytes(sub[:12])
        s.p = b"\xff" * 12 if sub[15] & 0x80 else bytes(12)
        s.p_extra_bad = any(sub[12:15]) or bool(sub[15] & 0x7F)
        s.rw = None
    else:  # CloneCD .sub: 12 bytes P, 12 bytes Q, then R, S, T, U, V, W
        s.p = bytes(sub[0:12])
        s.q = bytes(sub[12:24])
        rest = bytes(sub[24:96])
        s.rw = bytes(96) if not any(rest) else rw_from_channels([rest[12 * c:12 * c + 12] for c in range(6)])
    return s


def pack_from_symbols(sym):
    """An 18-byte CD-TEXT pack from 24 six-bit symbols (4 symbols = 3 bytes, MSB first)."""
    out = bytearray()
    for g in range(6):
        a, b, c, d = sym[4 * g:4 * g + 4]
        word = a << 18 | b << 12 | c << 6 | d
        out += word.to_bytes(3, "big")
    return bytes(out)


# --- the layout from `rawcd toc --format json` ----------------------------------------------------
class Track:
    def __init__(self, j):
        self.number = j["number"]
        self.start = j["start_lba"]
        self.control = j["control"]
        self.isrc = j.get("isrc") or None
        self.scms = "SCMS" in (j.get("flags") or [])
        self.cdg = j.get("mode") == "CDG"
        self.indexes = sorted((ix["lba"], ix["number"]) for ix in j["indexes"])
        self.area_start = self.indexes[0][0]  # first sector of the track incl. its index-0 pregap


class Layout:
    def __init__(self, j, errors):
        self.first = j["first_track"]
        self.last = j["last_track"]
        self.leadout = j["leadout_lba"]
        self.mcn = j.get("mcn") or None
        self.tracks = [Track(t) for t in sorted(j["tracks"], key=lambda t: t["number"])]
        if not self.tracks or self.tracks[0].number != self.first or self.tracks[-1].number != self.last:
            errors.fatal("toc json: first_track/last_track do not match tracks[]")
        # Track 1 owns everything from LBA -150 (its pregap, index 0 up to its INDEX 01).
        self.tracks[0].area_start = min(self.tracks[0].area_start, -150)
        for a, b in zip(self.tracks, self.tracks[1:]):
            if not a.area_start < b.area_start <= b.start:
                errors.fatal("toc json: track %d's area does not follow track %d's" % (b.number, a.number))
        self.disc_type = self.disc_type_from_toc(j, errors)
        self.items = self.leadin_items()
        self.compare_full_toc(j, errors)
        self.pos_cache = {}

    def disc_type_from_toc(self, j, errors):
        """A0's PSEC as the full TOC says; checked against what the track modes imply."""
        a0 = [e for e in j.get("full_toc", []) if e["point"] == POINT_A0]
        modes = [t.get("mode", "") for t in j["tracks"]]
        implied = 0x10 if any(m.startswith("CDI") for m in modes) else \
            0x20 if any(m.startswith("MODE2") for m in modes) else 0x00
        if len(a0) != 1:
            errors.fatal("toc json: full_toc has %d A0 entries" % len(a0))
        if a0[0]["psec"] != implied:
            errors.add(None, "toc json: A0 disc type %02Xh, but the track modes give %02Xh" % (a0[0]["psec"], implied))
        return a0[0]["psec"]

    def leadin_items(self):
        """(CONTROL, POINT, PMIN, PSEC, PFRAME) as Q bytes, in the documented order A0, A1, A2, tracks."""
        t1, tn = self.tracks[0], self.tracks[-1]
        items = [(t1.control, POINT_A0, bcd(self.first), self.disc_type, 0),
                 (tn.control, POINT_A1, bcd(self.last), 0, 0),
                 (tn.control, POINT_A2) + tuple(bcd(v) for v in msf_of_lba(self.leadout))]
        for t in self.tracks:
            items.append((t.control, bcd(t.number)) + tuple(bcd(v) for v in msf_of_lba(t.start)))
        return items

    def compare_full_toc(self, j, errors):
        """The items built from tracks[]/leadout_lba must be the full TOC's descriptors (binary there)."""
        got = {}
        for e in j.get("full_toc", []):
            if e.get("adr", 1) != 1:
                continue
            psec = e["psec"] if e["point"] == POINT_A0 else bcd(e["psec"])
            point = e["point"] if e["point"] >= 0xA0 else bcd(e["point"])
            got[point] = (e["control"], point, bcd(e["pmin"]), psec, bcd(e["pframe"]))
        want = {it[1]: it for it in self.items}
        if got != want:
            errors.add(None, "toc json: full_toc %s differs from the tracks/lead-out %s" % (got, want))

    def owner(self, lba):
        own = self.tracks[0]
        for t in self.tracks:
            if t.area_start <= lba:
                own = t
            else:
                break
        return own

    def position(self, lba):
        """(track, TNO, INDEX, pause) of an LBA from -150 to the lead-out - 1."""
        hit = self.pos_cache.get(lba)
        if hit:
            return hit
        t = self.owner(lba)
        if lba < t.start:
            pos = (t, t.number, 0, True)
        else:
            index = 1
            for at, number in t.indexes:
                if at <= lba and number >= 1:
                    index = number
            pos = (t, t.number, index, False)
        self.pos_cache[lba] = pos
        return pos

    def changes(self, lba):
        """True where TNO or INDEX changes (LBA -150 follows the lead-in)."""
        if lba == -150:
            return True
        a, b = self.position(lba), self.position(lba - 1)
        return a[1:3] != b[1:3]

    def slot_lbas(self, slot):
        """LBA of every ADR 2/3 frame of a slot: the slot, or the first following sector without a
        TNO/INDEX change, at most MAX_DEFER later and still before the lead-out."""
        out = set()
        for s in range(-150, self.leadout):
            if (s + 150) % 100 != slot:
                continue
            t = s
            while t < self.leadout and t - s <= MAX_DEFER and self.changes(t):
                t += 1
            if t < self.leadout and t - s <= MAX_DEFER:
                out.add(t)
        return out

    def control_at(self, t, lba):
        if not t.scms:
            return t.control
        return (t.control & ~2) | (2 if (lba + 150) % 8 >= 4 else 0)


# --- bookkeeping ----------------------------------------------------------------------------------
class Errors:
    def __init__(self, limit):
        self.limit = limit
        self.count = 0

    def add(self, lba, msg):
        self.count += 1
        if self.count <= self.limit:
            where = "" if lba is None else "LBA %d (%s): " % (lba, fmt_msf(msf_of_lba(lba)))
            print("MISMATCH: " + where + msg)
        if self.count == self.limit:
            print("(stopping after %d mismatches)" % self.limit)

    def full(self):
        return self.count >= self.limit

    def fatal(self, msg):
        print("decode_subcode.py: " + msg, file=sys.stderr)
        sys.exit(2)


def hexs(b):
    return b.hex(" ")


# --- the checks -----------------------------------------------------------------------------------
def check_position(err, lba, q, want_control, tno_byte, index, rel, what):
    fields = []
    if q[0] >> 4 != want_control:
        fields.append("CONTROL %X, want %X" % (q[0] >> 4, want_control))
    if q[1] != tno_byte:
        fields.append("TNO %02X, want %02X" % (q[1], tno_byte))
    if q[2] != bcd(index):
        fields.append("INDEX %02X, want %02X" % (q[2], bcd(index)))
    want_rel = bytes(bcd(v) for v in msf_of_frames(rel))
    if q[3:6] != want_rel:
        fields.append("relative %s, want %s" % (hexs(q[3:6]), hexs(want_rel)))
    if q[6] != 0:
        fields.append("ZERO %02X" % q[6])
    want_abs = bytes(bcd(v) for v in msf_of_lba(lba))
    if q[7:10] != want_abs:
        fields.append("absolute %s, want %s" % (hexs(q[7:10]), hexs(want_abs)))
    if fields:
        err.add(lba, "%s ADR 1 frame [%s]: %s" % (what, hexs(q), "; ".join(fields)))


def decode_mcn(q):
    digits = []
    for i in range(14):
        byte = q[1 + i // 2]
        digits.append(byte >> 4 if i % 2 == 0 else byte & 15)
    if any(d > 9 for d in digits[:13]) or digits[13] != 0 or q[8] != 0:
        return None
    return "".join(str(d) for d in digits[:13])


def decode_isrc(q):
    bits = int.from_bytes(q[1:5], "big")
    if bits & 3:
        return None
    chars = [isrc_char((bits >> (26 - 6 * i)) & 0x3F) for i in range(5)]
    nibbles = []
    for i in range(8):
        byte = q[5 + i // 2]
        nibbles.append(byte >> 4 if i % 2 == 0 else byte & 15)
    if None in chars or any(n > 9 for n in nibbles[:7]) or nibbles[7] != 0:
        return None
    return "".join(chars) + "".join(str(n) for n in nibbles[:7])


def main():
    ap = argparse.ArgumentParser(description="check a raw image's subcode against rawcd toc --format json")
    ap.add_argument("image")
    ap.add_argument("--toc", required=True, help="rawcd toc SHEET --format json output")
    ap.add_argument("--format", required=True, choices=sorted(LAYOUTS))
    ap.add_argument("--first-lba", required=True, type=int)
    ap.add_argument("--dump-q", help="write the 12 Q bytes of every sector here")
    ap.add_argument("--dump-p", help="write the 12 P bytes of every sector here (pq16: its bit x 96)")
    ap.add_argument("--dump-rw", help="write the 96 R-W symbols of every sector here")
    ap.add_argument("--cdtext-out", help="write one cycle of the lead-in's CD-TEXT packs here (a .cdt)")
    ap.add_argument("--max-errors", type=int, default=10)
    args = ap.parse_args()
    self_test()

    err = Errors(args.max_errors)
    with open(args.toc) as f:
        layout = Layout(json.load(f), err)
    size, sub_at = LAYOUTS[args.format]
    with open(args.image, "rb") as f:
        data = f.read()
    if len(data) % size:
        err.fatal("%s: %d bytes is not a whole number of %d-byte sectors" % (args.image, len(data), size))
    sectors = len(data) // size
    first = args.first_lba
    last = first + sectors - 1
    sub_len = 16 if args.format == "pq16" else 96

    mcn_at = layout.slot_lbas(MCN_SLOT) if layout.mcn else set()
    isrc_at = {lba for lba in layout.slot_lbas(ISRC_SLOT) if layout.owner(lba).isrc}
    n_items = len(layout.items)
    leadin_start = first if first < -150 else None

    dq = open(args.dump_q, "wb") if args.dump_q else None
    dp = open(args.dump_p, "wb") if args.dump_p else None
    drw = open(args.dump_rw, "wb") if args.dump_rw else None
    stats = {"crc_ok": 0, "leadin": 0, "program": 0, "leadout": 0, "mcn": 0, "isrc": 0, "p_on": 0}
    packs = []          # the lead-in's packs in recorded order
    pack_crc = {}       # memo: pack bytes -> CRC valid
    view = memoryview(data)

    for n in range(sectors):
        if err.full():
            break
        lba = first + n
        raw = bytes(view[n * size + sub_at:n * size + sub_at + sub_len])
        s = split_subcode(args.format, raw)
        q, p = s.q, s.p
        if dq:
            dq.write(q)
        if dp:
            dp.write(p)
        if drw and s.rw is not None:
            drw.write(s.rw)

        # Q CRC, over bytes 0-9, stored big-endian after them
        if crc16(q[:10]) == int.from_bytes(q[10:12], "big"):
            stats["crc_ok"] += 1
        else:
            err.add(lba, "Q CRC %s, computed %04X: [%s]" % (hexs(q[10:12]), crc16(q[:10]), hexs(q)))
        if s.p_extra_bad:
            err.add(lba, "pq16 bytes 12-15 hold more than P: %s" % hexs(raw[12:16]))
        if p not in (bytes(12), b"\xff" * 12):
            err.add(lba, "P is not one value over the sector: %s" % hexs(p))
        p_bit = p[0] >> 7

        if lba < -150:
            # ----- lead-in
            stats["leadin"] += 1
            if leadin_start is None:
                err.fatal("internal: lead-in without a start")
            k = lba - leadin_start
            control, point, pmin, psec, pframe = layout.items[k // 3 % n_items]
            want = bytes([control << 4 | 1, 0, point]) + bytes(bcd(v) for v in msf_of_lba(lba)) + \
                bytes([0, pmin, psec, pframe])
            if q[:10] != want:
                err.add(lba, "lead-in item %d of the cycle (POINT %02X, sector %d of 3): Q [%s], want [%s]"
                        % (k // 3 % n_items, point, k % 3 + 1, hexs(q[:10]), hexs(want)))
            if p_bit:
                err.add(lba, "P is 1 in the lead-in")
            if s.rw is not None:
                for j in range(4):
                    packs.append(pack_from_symbols(s.rw[24 * j:24 * j + 24]))
            continue

        if s.rw is not None and any(s.rw) and not (lba < layout.leadout and layout.owner(lba).cdg):
            err.add(lba, "R-W not zero outside the lead-in: %s..." % hexs(s.rw[:24]))

        if lba >= layout.leadout:
            # ----- lead-out
            stats["leadout"] += 1
            rel = lba - layout.leadout
            tn = layout.tracks[-1]
            if q[0] & 15 != 1:
                err.add(lba, "lead-out frame with ADR %d, want 1: [%s]" % (q[0] & 15, hexs(q)))
            else:
                check_position(err, lba, q, tn.control, LEADOUT_TNO, 1, rel, "lead-out")
            want_p = 1 if rel == 0 else 0 if rel < 150 else int((rel - 150) % 38 < 19)
            if p_bit != want_p:
                err.add(lba, "lead-out frame %d: P %d, want %d" % (rel, p_bit, want_p))
            stats["p_on"] += p_bit
            continue

        # ----- program area and pregaps (-150 .. lead-out - 1)
        stats["program"] += 1
        t, tno, index, pause = layout.position(lba)
        control = layout.control_at(t, lba)
        adr = q[0] & 15
        if pause != bool(p_bit):
            err.add(lba, "P %d, want %d (%s, track %d index %d)"
                    % (p_bit, int(pause), "pause" if pause else "program", tno, index))
        stats["p_on"] += p_bit
        want_adr = 2 if lba in mcn_at else 3 if lba in isrc_at else 1
        if adr != want_adr:
            err.add(lba, "ADR %d, want %d (MCN slots: (LBA+150) %% 100 == %d, ISRC %d; TNO %d INDEX %d): [%s]"
                    % (adr, want_adr, MCN_SLOT, ISRC_SLOT, tno, index, hexs(q)))
            continue
        if adr == 1:
            rel = t.start - lba if pause else lba - t.start
            check_position(err, lba, q, control, bcd(tno), index, rel, "track %d" % tno)
            continue
        if q[0] >> 4 != control:
            err.add(lba, "ADR %d frame CONTROL %X, want %X" % (adr, q[0] >> 4, control))
        if q[9] != bcd(msf_of_lba(lba)[2]):
            err.add(lba, "ADR %d frame AFRAME %02X, want %02X" % (adr, q[9], bcd(msf_of_lba(lba)[2])))
        if adr == 2:
            stats["mcn"] += 1
            got = decode_mcn(q)
            if got != layout.mcn:
                err.add(lba, "MCN frame [%s] decodes to %s, want %s" % (hexs(q), got, layout.mcn))
        else:
            stats["isrc"] += 1
            got = decode_isrc(q)
            if got != t.isrc:
                err.add(lba, "ISRC frame [%s] decodes to %s, want track %d's %s" % (hexs(q), got, tno, t.isrc))

    for fh in (dq, dp, drw):
        if fh:
            fh.close()

    # ----- the lead-in's CD-TEXT: plain packs, every CRC right, one list cycling from the start
    cycle = []
    if packs and not err.full():
        if not any(any(pk) for pk in packs):
            packs = []
        else:
            for i, pk in enumerate(packs):
                ok = pack_crc.get(pk)
                if ok is None:
                    ok = pack_crc[pk] = 0x80 <= pk[0] <= 0x8F and crc16(pk[:16]) == int.from_bytes(pk[16:], "big")
                if not ok:
                    lba = leadin_start + i // 4
                    err.add(lba, "lead-in R-W pack %d of the sector is not a CD-TEXT pack with a valid CRC: %s"
                            % (i % 4, hexs(pk)))
                    if err.full():
                        break
            period = None
            for cand in range(1, min(len(packs), 2048) + 1):
                if packs[cand % len(packs)] == packs[0] and packs[cand:] == packs[:len(packs) - cand]:
                    period = cand
                    break
            if period is None:
                err.add(None, "lead-in CD-TEXT packs do not repeat with a period of at most 2048 packs")
            else:
                cycle = packs[:period]
                # one list, so no pack may appear twice inside a cycle
                if len(set(cycle)) != len(cycle):
                    err.add(None, "lead-in CD-TEXT cycle of %d packs repeats a pack inside it" % period)
    if args.cdtext_out:
        with open(args.cdtext_out, "wb") as f:
            f.write(b"".join(cycle))

    if args.format == "pq16":
        rw_note = "R-W: not in pq16"
    elif cycle:
        rw_note = "R-W: %d lead-in packs, a cycle of %d, CRCs valid" % (len(packs), len(cycle))
    else:
        rw_note = "R-W: no CD-TEXT, zero"
    print("decode_subcode: %s, %d sectors, LBA %d (%s) .. %d (%s)"
          % (args.format, sectors, first, fmt_msf(msf_of_lba(first)), last, fmt_msf(msf_of_lba(last))))
    print("  Q CRC valid: %d of %d; lead-in %d, program/pregap %d, lead-out %d sectors"
          % (stats["crc_ok"], sectors, stats["leadin"], stats["program"], stats["leadout"]))
    print("  ADR 2 (MCN %s): %d frames; ADR 3 (ISRC): %d frames; P set on %d sectors; %d lead-in items"
          % (layout.mcn, stats["mcn"], stats["isrc"], stats["p_on"], n_items))
    print("  " + rw_note)
    if not err.full():
        want_mcn = len([x for x in mcn_at if first <= x <= last])
        want_isrc = len([x for x in isrc_at if first <= x <= last])
        if (stats["mcn"], stats["isrc"]) != (want_mcn, want_isrc):
            err.add(None, "found %d MCN and %d ISRC frames, want %d and %d"
                    % (stats["mcn"], stats["isrc"], want_mcn, want_isrc))
    if err.count:
        print("FAILED: %d mismatch(es)" % err.count)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
