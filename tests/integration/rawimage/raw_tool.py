#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Read and rewrite the Q frames of raw images (2448-byte records: 2352 + 96 raw P-W, Q in bit 6 of each
subcode byte; 2368-byte: 2352 + 16, Q the first 12 bytes), written apart from rawcd's code (DESIGN.md §4).
Used by test_rawimage.sh and tests/badinput/run_cases.py.

  raw_tool.py IMAGE q RECORD                  print the record's Q as hex
  raw_tool.py IMAGE badcrc RECORD...          spoil the CRC of those records' Q
  raw_tool.py IMAGE shift FROM DELTA          add DELTA to the absolute time of every position frame from
                                              record FROM on (CRC made valid again)
  raw_tool.py IMAGE settno RECORD TNO         set TNO (binary, written as BCD) of one record, CRC valid
  raw_tool.py IMAGE leadin POINT BYTE VALUE   in every lead-in frame of that POINT (hex), set Q byte BYTE
"""
import sys


def crc16(data):
    c = 0
    for b in data:
        c ^= b << 8
        for _ in range(8):
            c = ((c << 1) ^ 0x1021) & 0xFFFF if c & 0x8000 else (c << 1) & 0xFFFF
    return c


def set_crc(q):
    c = crc16(bytes(q[:10])) ^ 0xFFFF
    q[10], q[11] = c >> 8, c & 0xFF


def bcd(v):
    return (v // 10) << 4 | v % 10


def unbcd(b):
    return (b >> 4) * 10 + (b & 15)


class Image:
    def __init__(self, path):
        self.path = path
        self.data = bytearray(open(path, "rb").read())
        self.size = 2448 if len(self.data) % 2448 == 0 and self._looks(2448) else 2368
        self.records = len(self.data) // self.size

    def _looks(self, size):
        self.size = size
        q = self.q(0)
        return crc16(bytes(q[:10])) ^ 0xFFFF == (q[10] << 8 | q[11])

    def q(self, rec):
        base = rec * self.size + 2352
        if self.size == 2368:
            return bytearray(self.data[base:base + 12])
        q = bytearray(12)
        for k in range(96):
            if self.data[base + k] & 0x40:
                q[k // 8] |= 0x80 >> (k % 8)
        return q

    def put_q(self, rec, q):
        base = rec * self.size + 2352
        if self.size == 2368:
            self.data[base:base + 12] = q
            return
        for k in range(96):
            bit = 0x40 if q[k // 8] & (0x80 >> (k % 8)) else 0
            self.data[base + k] = (self.data[base + k] & ~0x40 & 0xFF) | bit

    def save(self):
        open(self.path, "wb").write(bytes(self.data))


def main(argv):
    img, cmd, args = Image(argv[1]), argv[2], argv[3:]
    if cmd == "q":
        print(img.q(int(args[0])).hex())
        return 0
    if cmd == "badcrc":
        for r in args:
            q = img.q(int(r))
            q[11] ^= 0x5A
            img.put_q(int(r), q)
    elif cmd == "shift":
        first, delta = int(args[0]), int(args[1])
        for r in range(first, img.records):
            q = img.q(r)
            if q[0] & 15 != 1 or q[1] == 0:
                continue
            f = (unbcd(q[7]) * 60 + unbcd(q[8])) * 75 + unbcd(q[9]) + delta
            q[7], q[8], q[9] = bcd(f // 4500), bcd(f // 75 % 60), bcd(f % 75)
            set_crc(q)
            img.put_q(r, q)
    elif cmd == "settno":
        r = int(args[0])
        q = img.q(r)
        q[1] = bcd(int(args[1]))
        set_crc(q)
        img.put_q(r, q)
    elif cmd == "leadin":
        point, byte, value = int(args[0], 16), int(args[1]), int(args[2], 16)
        for r in range(img.records):
            q = img.q(r)
            if q[1] == 0 and q[2] == point and q[0] & 15 in (1, 5):
                q[byte] = value
                set_crc(q)
                img.put_q(r, q)
    else:
        sys.exit("raw_tool.py: unknown command " + cmd)
    img.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
