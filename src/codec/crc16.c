/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CRC-16 of the Q subchannel (IEC 60908 §17.5; ECMA-130 §22.3.5) and of CD-TEXT packs (MMC-6 Annex J;
 * research/subcode.md §5): generator x^16 + x^12 + x^5 + 1 (0x1021), register preset to 0, bits taken
 * most significant first, result not inverted here (both formats store its complement, big-endian).
 *
 * The CRC is linear over GF(2), so the table entry of a byte is the XOR of the entries of its set
 * bits, and the entry of bit i is x^(16+i) mod G. The eight basis values are worked out by the compiler
 * from the generator (times_x below) and the 256 entries from them: the table is a constant computed
 * at compile time, and tests/unit/cdtext/test_crc16.c checks every entry against a bit-by-bit CRC.
 */
#include "rawcd/cdtext.h"

#define CRC16_POLY 0x1021u

/* Multiply a remainder by x modulo the generator. */
#define TIMES_X(r) ((((r) << 1) ^ (((r) & 0x8000u) ? CRC16_POLY : 0u)) & 0xFFFFu)

/* x^(16+i) mod G: the CRC of the single byte with only bit i set. */
enum {
	BIT0 = CRC16_POLY,
	BIT1 = TIMES_X(BIT0),
	BIT2 = TIMES_X(BIT1),
	BIT3 = TIMES_X(BIT2),
	BIT4 = TIMES_X(BIT3),
	BIT5 = TIMES_X(BIT4),
	BIT6 = TIMES_X(BIT5),
	BIT7 = TIMES_X(BIT6)
};

#define ENTRY(b)                                                                                           \
	(uint16_t)((((b) & 0x01) ? BIT0 : 0) ^ (((b) & 0x02) ? BIT1 : 0) ^ (((b) & 0x04) ? BIT2 : 0) ^      \
		   (((b) & 0x08) ? BIT3 : 0) ^ (((b) & 0x10) ? BIT4 : 0) ^ (((b) & 0x20) ? BIT5 : 0) ^      \
		   (((b) & 0x40) ? BIT6 : 0) ^ (((b) & 0x80) ? BIT7 : 0))
#define ENTRIES4(b) ENTRY(b), ENTRY((b) + 1), ENTRY((b) + 2), ENTRY((b) + 3)
#define ENTRIES16(b) ENTRIES4(b), ENTRIES4((b) + 4), ENTRIES4((b) + 8), ENTRIES4((b) + 12)
#define ENTRIES64(b) ENTRIES16(b), ENTRIES16((b) + 16), ENTRIES16((b) + 32), ENTRIES16((b) + 48)

static const uint16_t crc16_table[256] = {ENTRIES64(0), ENTRIES64(64), ENTRIES64(128), ENTRIES64(192)};

_Static_assert(BIT7 == 0x9188, "x^23 mod x^16+x^12+x^5+1");

uint16_t rawcd_crc16(const void *data, size_t n)
{
	const uint8_t *p = data;
	uint16_t crc = 0;
	for (size_t i = 0; i < n; i++)
		crc = (uint16_t)(crc << 8) ^ crc16_table[(crc >> 8) ^ p[i]];
	return crc;
}
