/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_crc16() and rawcd_cdtext_pack_crc_ok(): the CRC-16 of Q and CD-TEXT (x^16+x^12+x^5+1, preset 0,
 * MSB first; packs store it inverted), against its check value, a bit-by-bit model, and published packs
 * (research/subcode.md §5).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/cdtext.h"

/* The definition, one bit at a time: the reference the table-driven code must equal. */
static uint16_t crc16_bitwise(const uint8_t *p, size_t n)
{
	uint16_t crc = 0;
	for (size_t i = 0; i < n; i++) {
		crc ^= (uint16_t)(p[i] << 8);
		for (int bit = 0; bit < 8; bit++)
			crc = (uint16_t)((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
	}
	return crc;
}

/* Packs with their CRCs as published. */
static const uint8_t vectors[][RAWCD_CDTEXT_PACK_SIZE] = {
	/* cdrecord cdtext.c header comment: the three 8Fh packs of a 13-track ASCII disc. */
	{0x8F, 0x00, 0x2B, 0x00, 0x01, 0x01, 0x0D, 0x03, 0x0C, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x7B, 0x3D},
	{0x8F, 0x01, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x03, 0x2D, 0x00, 0x00, 0x00, 0xDA, 0xB7},
	{0x8F, 0x02, 0x2D, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x6A, 0x24},
	/* libburn doc/cdtext.txt: the 8Fh packs of its 3-track example (libcdio's historic cdtext.cdt). */
	{0x8F, 0x00, 0x2A, 0x00, 0x01, 0x01, 0x03, 0x00, 0x06, 0x05, 0x04, 0x05, 0x07, 0x06, 0x01, 0x02, 0x48, 0x65},
	{0x8F, 0x01, 0x2B, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x03, 0x2C, 0x00, 0x00, 0x00, 0xC0, 0x20},
	{0x8F, 0x02, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x45},
	/* libburn doc/cdtext.txt: Sony's 88h (TOC) and 89h examples. */
	{0x88, 0x00, 0x23, 0x00, 0x01, 0x0E, 0x00, 0x3F, 0x02, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x00},
	{0x88, 0x01, 0x24, 0x00, 0x00, 0x02, 0x00, 0x04, 0x0B, 0x19, 0x08, 0x02, 0x32, 0x0B, 0x2F, 0x3E, 0x67, 0x2D},
	{0x89, 0x01, 0x28, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00, 0x02, 0x29, 0x30, 0x02, 0x34, 0x3A, 0xF3, 0x0C},
	/* The NIGHTCATS pack 1 (libburn cookbook; libcdio test/data/cdtext-libburnia.cdt): "I\0Song of Jo",
	 * 12 characters of the disc title already in pack 0, hence 0Ch. */
	{0x80, 0x00, 0x01, 0x0C, 'I', 0x00, 'S', 'o', 'n', 'g', ' ', 'o', 'f', ' ', 'J', 'o', 0x07, 0xAE},
};
#define VECTOR_COUNT (sizeof(vectors) / sizeof(vectors[0]))

Test(crc16, check_value)
{
	cr_assert_eq(rawcd_crc16("123456789", 9), 0x31C3);
	cr_assert_eq((uint16_t)~rawcd_crc16("123456789", 9), 0xCE3C);
	cr_assert_eq(rawcd_crc16("", 0), 0);
}

/* Every table entry (the CRC of one byte with preset 0 is the entry), and a long run through all of
 * them, equal the bit-by-bit definition. */
Test(crc16, table_equals_definition)
{
	uint8_t buf[4096];
	for (unsigned b = 0; b < 256; b++) {
		uint8_t byte = (uint8_t)b;
		cr_assert_eq(rawcd_crc16(&byte, 1), crc16_bitwise(&byte, 1), "byte %02X", b);
	}
	uint32_t x = 12345;
	for (size_t i = 0; i < sizeof(buf); i++) {
		x = x * 1103515245u + 12345u;
		buf[i] = (uint8_t)(x >> 16);
	}
	for (size_t n = 0; n <= sizeof(buf); n += 97)
		cr_assert_eq(rawcd_crc16(buf, n), crc16_bitwise(buf, n), "length %zu", n);
}

Test(crc16, published_packs)
{
	for (size_t i = 0; i < VECTOR_COUNT; i++) {
		const uint8_t *p = vectors[i];
		uint16_t stored = (uint16_t)(p[16] << 8 | p[17]);
		cr_assert_eq((uint16_t)~rawcd_crc16(p, 16), stored, "vector %zu: CRC %04X, stored %04X", i,
			     (uint16_t)~rawcd_crc16(p, 16), stored);
		cr_assert(rawcd_cdtext_pack_crc_ok(p), "vector %zu", i);
	}
}

/* Any single flipped bit, in the data or in the CRC, is caught. */
Test(crc16, flipped_bit_fails)
{
	for (size_t i = 0; i < VECTOR_COUNT; i++) {
		for (unsigned bit = 0; bit < RAWCD_CDTEXT_PACK_SIZE * 8; bit++) {
			uint8_t p[RAWCD_CDTEXT_PACK_SIZE];
			memcpy(p, vectors[i], sizeof(p));
			p[bit / 8] ^= (uint8_t)(1u << (bit % 8));
			cr_assert_not(rawcd_cdtext_pack_crc_ok(p), "vector %zu bit %u", i, bit);
		}
	}
}

/* The stored CRC is the complement: the raw CRC in bytes 16-17 is wrong. */
Test(crc16, pack_crc_is_inverted)
{
	uint8_t p[RAWCD_CDTEXT_PACK_SIZE];
	memcpy(p, vectors[0], sizeof(p));
	uint16_t raw = rawcd_crc16(p, 16);
	p[16] = (uint8_t)(raw >> 8);
	p[17] = (uint8_t)raw;
	cr_assert_not(rawcd_cdtext_pack_crc_ok(p));
}
