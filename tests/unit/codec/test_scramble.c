/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Scrambler (ECMA-130 Annex B): the sequence, involution, and real scrambled sectors from redumper. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/sector.h"

#define UNSCRAMBLE SHARED_TESTDATA "/superg_redumper/tests/unscramble/"
#define S RAWCD_SECTOR_SIZE

static void read_sector(const char *path, uint8_t out[S])
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	cr_assert_eq(fread(out, 1, S, f), (size_t)S, "%s is short", path);
	fclose(f);
}

Test(scramble, sequence_starts_as_annex_b)
{
	static const uint8_t head[6] = { 0x01, 0x80, 0x00, 0x60, 0x00, 0x28 };
	cr_assert_arr_eq(rawcd_scramble_table(), head, sizeof(head));
}

/* The same sequence from its recurrence: with the register preset to 0x0001 the output bits are
 * o[0] = 1, o[1..14] = 0, and x^15 + x + 1 gives o[n + 15] = o[n] ^ o[n + 1]. */
Test(scramble, sequence_follows_the_recurrence)
{
	static uint8_t bit[RAWCD_SCRAMBLE_SIZE * 8];
	bit[0] = 1;
	for (size_t n = 0; n + 15 < sizeof(bit); n++)
		bit[n + 15] = bit[n] ^ bit[n + 1];
	const uint8_t *table = rawcd_scramble_table();
	for (size_t i = 0; i < RAWCD_SCRAMBLE_SIZE; i++) {
		uint8_t byte = 0;
		for (int b = 0; b < 8; b++)
			byte |= (uint8_t)(bit[8 * i + (size_t)b] << b);
		cr_assert_eq(table[i], byte, "byte %zu", i);
	}
}

Test(scramble, twice_is_identity_and_sync_is_untouched)
{
	static uint8_t a[3 * S], b[3 * S];
	for (size_t i = 0; i < sizeof(a); i++)
		a[i] = (uint8_t)(i * 131 + (i >> 7));
	memcpy(b, a, sizeof(a));
	cr_assert_eq(rawcd_scramble_sectors(b, 3), RAWCD_OK);
	for (int n = 0; n < 3; n++) {
		cr_assert_arr_eq(b + n * S, a + n * S, 12, "sync of sector %d", n);
		cr_assert_neq(memcmp(b + n * S + 12, a + n * S + 12, S - 12), 0);
		cr_assert_eq(b[n * S + 12], (uint8_t)(a[n * S + 12] ^ 0x01));
		cr_assert_eq(b[n * S + S - 1], (uint8_t)(a[n * S + S - 1] ^ rawcd_scramble_table()[2339]));
	}
	cr_assert_eq(rawcd_scramble_sectors(b, 3), RAWCD_OK);
	cr_assert_arr_eq(b, a, sizeof(a));
}

Test(scramble, arguments)
{
	cr_assert_eq(rawcd_scramble_sectors(NULL, 0), RAWCD_OK);
	cr_assert_eq(rawcd_scramble_sectors(NULL, 1), RAWCD_E_ARG);
}

/* redumper's .0.pass sectors, read scrambled from real discs, descramble to header 00:02:00 (LBA 0). */
Test(scramble, redumper_mode1_sector)
{
	uint8_t s[S];
	read_sector(UNSCRAMBLE "08_mode1.0.pass", s);
	cr_assert_neq(s[15], 1, "the file is stored scrambled");
	cr_assert_eq(rawcd_scramble_sectors(s, 1), RAWCD_OK);
	struct rawcd_sector_check c;
	cr_assert_eq(rawcd_sector_check(&c, s, 0), RAWCD_OK);
	cr_assert(c.sync_ok);
	cr_assert(c.header_ok);
	cr_assert_eq(c.mode_byte, 1);
	cr_assert_eq(c.mode, RAWCD_SECTOR_MODE1);
	/* EXPECTED_VALUES.md: this test sector has a zero EDC field, so its EDC is not valid. */
	cr_assert_eq(c.edc, RAWCD_CHECK_BAD);
}

Test(scramble, redumper_mode2_sector_is_valid_form1)
{
	uint8_t s[S];
	read_sector(UNSCRAMBLE "09_mode2.0.pass", s);
	cr_assert_eq(rawcd_scramble_sectors(s, 1), RAWCD_OK);
	struct rawcd_sector_check c;
	cr_assert_eq(rawcd_sector_check(&c, s, 0), RAWCD_OK);
	cr_assert(c.sync_ok && c.header_ok);
	cr_assert_eq(c.mode_byte, 2);
	cr_assert_eq(c.mode, RAWCD_SECTOR_MODE2_FORM1);
	cr_assert_eq(c.edc, RAWCD_CHECK_OK);
	cr_assert_eq(c.ecc, RAWCD_CHECK_OK);
	/* Scrambling an encoded copy gives back the file's bytes. */
	uint8_t again[S];
	cr_assert_eq(rawcd_sector_encode(again, NULL, RAWCD_SECTOR_MODE2_FORM1, 0, 1), RAWCD_OK);
	cr_assert_arr_eq(again, s, S);
	cr_assert_eq(rawcd_scramble_sectors(again, 1), RAWCD_OK);
	uint8_t file[S];
	read_sector(UNSCRAMBLE "09_mode2.0.pass", file);
	cr_assert_arr_eq(again, file, S);
}

Test(scramble, redumper_mode0_sector)
{
	uint8_t s[S];
	read_sector(UNSCRAMBLE "03_mode0_zeroed_data.0.pass", s);
	cr_assert_eq(rawcd_scramble_sectors(s, 1), RAWCD_OK);
	struct rawcd_sector_check c;
	cr_assert_eq(rawcd_sector_check(&c, s, 0), RAWCD_OK);
	cr_assert(c.sync_ok && c.header_ok && c.zero_ok);
	cr_assert_eq(c.mode, RAWCD_SECTOR_MODE0);
}
