/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Scrambler (ECMA-130 Annex B): bytes 12..2351 of a sector are XORed with the output of a 15-bit LFSR,
 * polynomial x^15 + x + 1, preset to 0x0001 at byte 12, bits taken least significant first. The
 * sequence is the same for every sector, so it is a generated table (tools/gen_codec_tables.c) and
 * scrambling is a 2340-byte XOR; descrambling is the same operation.
 */
#include "rawcd/error.h"
#include "rawcd/sector.h"

#include "scramble_table.h"

#include <string.h>

_Static_assert(sizeof(scramble_table) == RAWCD_SCRAMBLE_SIZE, "scrambler covers bytes 12..2351");
_Static_assert(RAWCD_SCRAMBLE_SIZE % 4 == 0, "whole 32-bit words");

static void scramble_one(uint8_t *sector)
{
	uint8_t *p = sector + RAWCD_SCRAMBLE_OFFSET;
	/* 64-bit words through memcpy: no alignment or aliasing assumptions, and compilers vectorise it. */
	size_t i = 0;
	for (; i + 8 <= RAWCD_SCRAMBLE_SIZE; i += 8) {
		uint64_t a, k;
		memcpy(&a, p + i, sizeof(a));
		memcpy(&k, scramble_table + i, sizeof(k));
		a ^= k;
		memcpy(p + i, &a, sizeof(a));
	}
	for (; i < RAWCD_SCRAMBLE_SIZE; i++)
		p[i] ^= scramble_table[i];
}

int rawcd_scramble_sectors(uint8_t *sectors, size_t count)
{
	if (count == 0)
		return RAWCD_OK;
	if (!sectors)
		return RAWCD_E_ARG;
	for (size_t n = 0; n < count; n++)
		scramble_one(sectors + n * RAWCD_SECTOR_SIZE);
	return RAWCD_OK;
}

const uint8_t *rawcd_scramble_table(void)
{
	return scramble_table;
}
