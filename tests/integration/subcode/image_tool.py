#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Small helpers for the subcode acceptance tests.

    image_tool.py main IMAGE SECTOR_SIZE FIRST_LBA FROM TO OUT
        write the 2352 main-channel bytes of LBAs FROM..TO-1 of IMAGE (sectors of SECTOR_SIZE bytes
        whose first is FIRST_LBA) to OUT
    image_tool.py mutate IMAGE FORMAT FIRST_LBA LBA WHAT
        damage one sector of IMAGE in place, to prove that a check can fail. FORMAT raw96|packed96|
        pq16|sub; WHAT is one of
          q-bit    flip one Q bit (bit 7 of Q byte 5) and leave the CRC: a CRC error
          q-tno    add 1 to the Q TNO byte and write a valid CRC: a field error
          q-index  add 1 to the Q INDEX byte and write a valid CRC
          q-abs    add 1 to the Q absolute FRAME byte and write a valid CRC
          q-add:N:V  add V to Q byte N (0-9, modulo 256) and write a valid CRC
          p        invert the whole P channel of the sector
          rw       flip one R-W bit (symbol 5, bit 0)
          main     flip one bit of the main channel (byte 100)
    image_tool.py q IMAGE FORMAT FIRST_LBA LBA
        print the 12 Q bytes of one sector in hex (de-interleaved)
    image_tool.py to-sub IMAGE OUT
        write the subcode of a raw96 IMAGE (2448-byte sectors) in CloneCD's channel-major form: for
        every sector 12 bytes of P, 12 of Q, then R, S, T, U, V, W (bit 7 .. bit 0 of each raw byte)
"""
import sys

SIZES = {"raw96": (2448, 2352), "packed96": (2448, 2352), "pq16": (2368, 2352), "sub": (96, 0)}


def crc16(data):
    reg = 0
    for byte in data:
        for bit in range(7, -1, -1):
            fb = ((reg >> 15) & 1) ^ ((byte >> bit) & 1)
            reg = (reg << 1) & 0xFFFF
            if fb:
                reg ^= 0x1021
    return reg ^ 0xFFFF


def get_q(fmt, sub):
    if fmt in ("raw96", "packed96"):
        bits = "".join(str((sub[i] >> 6) & 1) for i in range(96))
        return bytearray(int(bits, 2).to_bytes(12, "big"))
    if fmt == "pq16":
        return bytearray(sub[0:12])
    return bytearray(sub[12:24])


def put_q(fmt, sub, q):
    if fmt in ("raw96", "packed96"):
        value = int.from_bytes(q, "big")
        for i in range(96):
            bit = (value >> (95 - i)) & 1
            sub[i] = (sub[i] & ~0x40) | (bit << 6)
    elif fmt == "pq16":
        sub[0:12] = q
    else:
        sub[12:24] = q


def main_cmd(args):
    image, size, first, lo, hi, out = args[0], int(args[1]), int(args[2]), int(args[3]), int(args[4]), args[5]
    with open(image, "rb") as f, open(out, "wb") as o:
        f.seek((lo - first) * size)
        for _ in range(lo, hi):
            sector = f.read(size)
            if len(sector) != size:
                sys.exit("image_tool: %s ends before LBA %d" % (image, hi))
            o.write(sector[:2352])


def mutate_cmd(args):
    image, fmt, first, lba, what = args[0], args[1], int(args[2]), int(args[3]), args[4]
    size, at = SIZES[fmt]
    with open(image, "r+b") as f:
        f.seek((lba - first) * size)
        sector = bytearray(f.read(size))
        sub = memoryview(sector)[at:]
        if what == "main":
            sector[100] ^= 0x01
        elif what.startswith("q-"):
            q = get_q(fmt, sub)
            if what == "q-bit":
                q[5] ^= 0x80
            elif what.startswith("q-add:"):
                _, byte, value = what.split(":")
                q[int(byte)] = (q[int(byte)] + int(value)) % 256
                q[10:12] = crc16(bytes(q[:10])).to_bytes(2, "big")
            else:
                q[{"q-tno": 1, "q-index": 2, "q-abs": 9}[what]] += 1
                q[10:12] = crc16(bytes(q[:10])).to_bytes(2, "big")
            put_q(fmt, sub, q)
        elif what == "p":
            if fmt in ("raw96", "packed96"):
                for i in range(96):
                    sub[i] ^= 0x80
            elif fmt == "pq16":
                sub[15] ^= 0x80
            else:
                for i in range(12):
                    sub[i] ^= 0xFF
        elif what == "rw":
            if fmt in ("raw96", "packed96"):
                sub[5] ^= 0x01
            else:
                sub[24] ^= 0x04  # channel R, bit 5
        else:
            sys.exit("image_tool: unknown mutation " + what)
        f.seek((lba - first) * size)
        f.write(sector)


def q_cmd(args):
    image, fmt, first, lba = args[0], args[1], int(args[2]), int(args[3])
    size, at = SIZES[fmt]
    with open(image, "rb") as f:
        f.seek((lba - first) * size)
        sector = f.read(size)
    print(get_q(fmt, sector[at:]).hex())


def to_sub_cmd(args):
    image, out = args
    digit = [bytes(0x30 | ((x >> b) & 1) for x in range(256)) for b in range(8)]
    with open(image, "rb") as f, open(out, "wb") as o:
        while True:
            sector = f.read(2448)
            if not sector:
                break
            if len(sector) != 2448:
                sys.exit("image_tool: %s is not a whole number of 2448-byte sectors" % image)
            sub = sector[2352:]
            o.write(b"".join(int(sub.translate(digit[b]), 2).to_bytes(12, "big") for b in range(7, -1, -1)))


if __name__ == "__main__":
    cmds = {"main": (main_cmd, 6), "mutate": (mutate_cmd, 5), "q": (q_cmd, 4), "to-sub": (to_sub_cmd, 2)}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds or len(sys.argv) - 2 != cmds[sys.argv[1]][1]:
        sys.exit(__doc__)
    cmds[sys.argv[1]][0](sys.argv[2:])
