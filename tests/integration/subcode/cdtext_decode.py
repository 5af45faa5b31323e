#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""A small CD-TEXT decoder for the acceptance tests, written from the pack rules (research/subcode.md
§5, MMC Annex J) and not from rawcd's code.

    cdtext_decode.py decode PACKS [--response]      print the decoded blocks as JSON
    cdtext_decode.py right FILE                     print the blocks of a libcdio .right file or of
                                                    cd-info's output as the same JSON
    cdtext_decode.py compare A B [--blocks 0,1] [--ignore KEY,...]
                                                    compare two such JSON files; exit 1 on a difference
    cdtext_decode.py cue RIGHT BLOCK BIN SECTORS     write a CUE sheet (stdout) with the texts of one
                                                    block of a .right file as CUE keywords: one BINARY
                                                    file BIN, each track SECTORS sectors long
    cdtext_decode.py unwrap RESPONSE OUT            the packs of a READ TOC format 5 response (checks
                                                    its 4-byte header)

PACKS is a file of 18-byte packs (an optional trailing NUL is allowed, as in libcdio's .cdt files);
with --response it starts with the 4-byte format 5 header. `decode` checks every pack: the CRC
(x^16+x^12+x^5+1, preset 0, inverted, big-endian, over bytes 0-15), the type (80h-8Fh), the extension
bit, blocks in ascending order, sequence numbers counting from 0 in each block, the track number and
character position of every text pack, and the 8Fh size information (pack counts per type, last
sequence number, first/last track); it prints each problem and exits 1 if there is one.
"""
import json
import re
import sys

FIELDS = {0x80: "TITLE", 0x81: "PERFORMER", 0x82: "SONGWRITER", 0x83: "COMPOSER", 0x84: "ARRANGER",
          0x85: "MESSAGE"}
# EBU Tech 3264 language codes, the ones libcdio's tests use and a few more; libcdio's spelling.
LANGUAGES = {0x00: "Unknown", 0x08: "German", 0x09: "English", 0x0A: "Spanish", 0x0F: "French",
             0x15: "Italian", 0x1D: "Dutch", 0x69: "Japanese", 0x75: "Chinese", 0x65: "Korean"}
CHARSETS = {0x00: "latin-1", 0x01: "ascii", 0x80: "shift_jis"}


def crc16(data):
    reg = 0
    for byte in data:
        for bit in range(7, -1, -1):
            fb = ((reg >> 15) & 1) ^ ((byte >> bit) & 1)
            reg = (reg << 1) & 0xFFFF
            if fb:
                reg ^= 0x1021
    return reg ^ 0xFFFF


def read_packs(path, response=False):
    with open(path, "rb") as f:
        data = f.read()
    if response:
        if len(data) < 4 or int.from_bytes(data[:2], "big") != len(data) - 2:
            raise ValueError("%s: format 5 length field %d, file %d bytes" % (path, int.from_bytes(data[:2], "big"), len(data)))
        data = data[4:]
    if len(data) % 18 == 1 and data[-1] == 0:
        data = data[:-1]
    if len(data) % 18:
        raise ValueError("%s: %d bytes is not a whole number of 18-byte packs" % (path, len(data)))
    return [data[i:i + 18] for i in range(0, len(data), 18)]


def decode(packs):
    """(blocks, problems): blocks as [{block, language, charset, first, last, disc, tracks}]."""
    problems = []
    by_block = []
    for i, p in enumerate(packs):
        if crc16(p[:16]) != int.from_bytes(p[16:18], "big"):
            problems.append("pack %d: CRC %s, computed %04X: %s" % (i, p[16:].hex(), crc16(p[:16]), p.hex(" ")))
        if not 0x80 <= p[0] <= 0x8F:
            problems.append("pack %d: type %02X is not 80h-8Fh" % (i, p[0]))
        if p[1] & 0x80:
            problems.append("pack %d: extension flag set" % i)
        block = (p[3] >> 4) & 7
        if not by_block or by_block[-1][0] != block:
            if by_block and block < by_block[-1][0]:
                problems.append("pack %d: block %d after block %d" % (i, block, by_block[-1][0]))
            by_block.append((block, []))
        by_block[-1][1].append(p)
    seen = [b for b, _ in by_block]
    if len(set(seen)) != len(seen):
        problems.append("a block's packs are not contiguous: %s" % seen)

    blocks = []
    for block, bp in by_block:
        where = "block %d" % block
        for k, p in enumerate(bp):
            if p[2] != k:
                problems.append("%s: pack %d has sequence number %d" % (where, k, p[2]))
        info_packs = [p for p in bp if p[0] == 0x8F]
        if [p[1] for p in info_packs] != [0, 1, 2]:
            problems.append("%s: size information packs with track bytes %s, want 0 1 2"
                            % (where, [p[1] for p in info_packs]))
            continue
        info = b"".join(p[4:16] for p in info_packs)
        charset, first, last = info[0], info[1], info[2]
        counts = {0x80 + t: info[4 + t] for t in range(16)}
        for t in range(0x80, 0x90):
            n = sum(1 for p in bp if p[0] == t)
            if counts[t] != n:
                problems.append("%s: size info counts %d packs of type %02X, there are %d" % (where, counts[t], t, n))
        if info[20 + block] != bp[-1][2]:
            problems.append("%s: size info last sequence number %d, the block ends at %d" % (where, info[20 + block], bp[-1][2]))
        dbcc = any(p[3] & 0x80 for p in bp)
        enc = CHARSETS.get(charset)
        if enc is None:
            problems.append("%s: character code %02X" % (where, charset))
            enc = "latin-1"
        out = {"block": block, "language": LANGUAGES.get(info[28 + block], "code %02X" % info[28 + block]),
               "charset": charset, "first": first, "last": last, "disc": {}, "tracks": {}}
        blocks.append(out)
        if dbcc:
            problems.append("%s: double-byte text is not decoded here" % where)
            continue

        def put(track, key, raw):
            text = raw.decode(enc, errors="replace")
            if not text:
                return
            if track == 0:
                out["disc"][key] = text
            elif first <= track <= last:
                out["tracks"].setdefault(str(track), {})[key] = text
            else:
                problems.append("%s: %s for track %d outside %d..%d" % (where, key, track, first, last))

        for t in sorted(set(p[0] for p in bp)):
            tp = [p for p in bp if p[0] == t]
            if t in FIELDS or t == 0x8E:
                track, cur, strings = tp[0][1] & 0x7F, bytearray(), {}
                for p in tp:
                    if (p[1] & 0x7F) != track:
                        problems.append("%s: type %02X pack seq %d says track %d, its first character is track %d's"
                                        % (where, t, p[2], p[1] & 0x7F, track))
                    if (p[3] & 15) != min(15, len(cur)):
                        problems.append("%s: type %02X pack seq %d character position %d, want %d"
                                        % (where, t, p[2], p[3] & 15, min(15, len(cur))))
                    for byte in p[4:16]:
                        if byte == 0:
                            strings[track] = bytes(cur)
                            track, cur = track + 1, bytearray()
                        else:
                            cur.append(byte)
                if cur:
                    problems.append("%s: type %02X text does not end with NUL" % (where, t))
                prev = None
                for track in sorted(strings):
                    raw = strings[track]
                    if track > last and not raw:
                        continue  # the zero padding of the last pack
                    if raw == b"\t":  # "as the previous track"
                        if prev is None or track <= max(first, 1):
                            problems.append("%s: TAB for track %d with no track before" % (where, track))
                        raw = prev or b""
                    key = FIELDS.get(t) or ("UPC_EAN" if track == 0 else "ISRC")
                    put(track, key, raw)
                    prev = raw
            elif t == 0x86:
                put(0, "DISC_ID", b"".join(p[4:16] for p in tp).split(b"\0")[0])
            elif t == 0x87:
                # the genre code opens the first pack; some writers (the .cdt of libcdio's historic
                # cdtext.cue) repeat it at the start of every 87h pack, as libcdio accepts
                if len(tp) > 1 and all(p[4:6] == tp[0][4:6] for p in tp):
                    body = tp[0][4:6] + b"".join(p[6:16] for p in tp)
                else:
                    body = b"".join(p[4:16] for p in tp)
                code = int.from_bytes(body[:2], "big")
                if code:
                    out["disc"]["GENRE_CODE"] = code
                put(0, "GENRE", body[2:].split(b"\0")[0])
    return blocks, problems


def parse_right(text):
    """libcdio's cdtext-raw .right files and cd-info's CD-TEXT output, as decode()'s blocks."""
    blocks, section = [], None
    for line in text.splitlines():
        m = re.match(r"Language (\d+) '([^']*)':\s*$", line)
        if m:
            blocks.append({"language": m.group(2), "disc": {}, "tracks": {}})
            section = None
            continue
        if not blocks:
            continue
        if re.match(r"CD-TEXT for Disc:\s*$", line):
            section = blocks[-1]["disc"]
            continue
        m = re.match(r"CD-TEXT for Track\s+(\d+):\s*$", line)
        if m:
            section = blocks[-1]["tracks"].setdefault(str(int(m.group(1))), {})
            continue
        m = re.match(r"\s+([A-Z_]+): (.*)$", line)
        if m and section is not None:
            key, value = m.group(1), m.group(2)
            if key == "GENRE_CODE":
                value = int(value.split()[0])
            section[key] = value
            continue
        if line.strip():
            section = None
    return blocks


def compare(a, b, blocks=None, ignore=()):
    diffs = []
    if blocks is None:
        if len(a) != len(b):
            diffs.append("%d blocks, want %d" % (len(a), len(b)))
        blocks = range(min(len(a), len(b)))
    for i in blocks:
        if i >= len(a) or i >= len(b):
            diffs.append("block %d missing" % i)
            continue
        x, y = a[i], b[i]
        if x["language"] != y["language"]:
            diffs.append("block %d: language %r, want %r" % (i, x["language"], y["language"]))
        sections = [("disc", x["disc"], y["disc"])]
        for t in sorted(set(x["tracks"]) | set(y["tracks"]), key=int):
            sections.append(("track %s" % t, x["tracks"].get(t, {}), y["tracks"].get(t, {})))
        for name, u, v in sections:
            for key in sorted(set(u) | set(v)):
                if key in ignore:
                    continue
                if u.get(key) != v.get(key):
                    diffs.append("block %d %s %s: %r, want %r" % (i, name, key, u.get(key), v.get(key)))
    return diffs


def cue_text(right_blocks, block, bin_name, sectors):
    blk = right_blocks[block]
    order = ["TITLE", "PERFORMER", "SONGWRITER", "COMPOSER", "ARRANGER", "MESSAGE"]

    def q(s):
        if '"' in s:
            raise ValueError("a quote in %r" % s)
        return '"%s"' % s

    lines = ["REM CD-TEXT of libcdio's test data, block %d (%s), as CUE keywords" % (block, blk["language"])]
    for key in order + ["DISC_ID", "GENRE"]:
        if key in blk["disc"]:
            lines.append("%s %s" % (key, q(blk["disc"][key])))
    if "UPC_EAN" in blk["disc"]:
        lines.append("UPC_EAN %s" % blk["disc"]["UPC_EAN"])
    lines.append('FILE "%s" BINARY' % bin_name)
    tracks = sorted(blk["tracks"], key=int)
    for n, t in enumerate(tracks):
        lines.append("  TRACK %02d AUDIO" % int(t))
        for key in order:
            if key in blk["tracks"][t]:
                lines.append("    %s %s" % (key, q(blk["tracks"][t][key])))
        if "ISRC" in blk["tracks"][t]:
            lines.append("    ISRC %s" % blk["tracks"][t]["ISRC"])
        at = n * sectors
        lines.append("    INDEX 01 %02d:%02d:%02d" % (at // 4500, at // 75 % 60, at % 75))
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd = argv[1]
    if cmd == "decode":
        packs = read_packs(argv[2], response="--response" in argv[3:])
        blocks, problems = decode(packs)
        for p in problems:
            print("PACK PROBLEM: " + p, file=sys.stderr)
        print(json.dumps(blocks, indent=1, ensure_ascii=False))
        return 1 if problems else 0
    if cmd == "right":
        with open(argv[2], encoding="utf-8", errors="replace") as f:
            print(json.dumps(parse_right(f.read()), indent=1, ensure_ascii=False))
        return 0
    if cmd == "compare":
        with open(argv[2], encoding="utf-8") as f:
            a = json.load(f)
        with open(argv[3], encoding="utf-8") as f:
            b = json.load(f)
        blocks, ignore = None, ()
        rest = argv[4:]
        while rest:
            if rest[0] == "--blocks":
                blocks = [int(x) for x in rest[1].split(",")]
            elif rest[0] == "--ignore":
                ignore = tuple(rest[1].split(","))
            else:
                sys.exit("compare: unknown option " + rest[0])
            rest = rest[2:]
        if not a or not b:
            print("DIFF: no blocks (%d and %d)" % (len(a), len(b)))
            return 1
        diffs = compare(a, b, blocks, ignore)
        for d in diffs:
            print("DIFF: " + d)
        nstr = sum(len(x["disc"]) + sum(len(t) for t in x["tracks"].values()) for x in a)
        print("compare: %d block(s), %d strings: %s" % (len(a), nstr, "DIFFERENT" if diffs else "same"))
        return 1 if diffs else 0
    if cmd == "cue":
        with open(argv[2], encoding="utf-8") as f:
            right = parse_right(f.read())
        sys.stdout.write(cue_text(right, int(argv[3]), argv[4], int(argv[5])))
        return 0
    if cmd == "unwrap":
        packs = read_packs(argv[2], response=True)
        with open(argv[3], "wb") as f:
            f.write(b"".join(packs))
        return 0
    sys.exit(__doc__)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (OSError, ValueError) as e:
        print("cdtext_decode.py: %s" % e, file=sys.stderr)
        sys.exit(2)
