/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ECC (ECMA-130 Annex A): zero sector, known answers from a real Mode 1 image, single-byte errors, and
 * every kernel against the others. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec/codec.h"
#include "rawcd/sector.h"

#define ISOFS_M1 SHARED_TESTDATA "/libcdio_libcdio/test/data/isofs-m1.bin"
#define ISOFS_SECTORS 302
#define PARITY_SIZE (RAWCD_ECC_P_SIZE + RAWCD_ECC_Q_SIZE)

static uint8_t *read_sectors(const char *path, size_t sectors)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	uint8_t *buf = malloc(sectors * RAWCD_SECTOR_SIZE);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, RAWCD_SECTOR_SIZE, sectors, f), sectors, "%s is short", path);
	fclose(f);
	return buf;
}

static void fill_random(uint8_t *p, size_t n, uint64_t seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		p[i] = (uint8_t)(seed >> 56);
	}
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

Test(ecc, zero_sector_has_zero_parity)
{
	for (int impl = 0; impl < RCD_ECC_IMPL_COUNT; impl++) {
		if (!rcd_ecc_impl_available((enum rcd_ecc_impl)impl))
			continue;
		uint8_t s[RAWCD_SECTOR_SIZE];
		memset(s, 0, sizeof(s));
		memset(s + RAWCD_ECC_P_OFFSET, 0x5A, PARITY_SIZE); /* stale bytes must be overwritten */
		rcd_ecc_encode_impl(s, false, (enum rcd_ecc_impl)impl);
		cr_assert(all_zero(s, sizeof(s)), "kernel %d", impl);
	}
	uint8_t z[RAWCD_SECTOR_SIZE] = { 0 };
	cr_assert_eq(rawcd_ecc_check(z, RAWCD_SECTOR_MODE1), RAWCD_OK);
	cr_assert_eq(rawcd_ecc_check(z, RAWCD_SECTOR_MODE2_FORM1), RAWCD_OK);
}

/* Sector 16 of isofs-m1.bin (the ISO 9660 primary volume descriptor, header 00:02:16): the first and
 * last bytes of its P and Q parity as recorded in the image. */
Test(ecc, known_answer_isofs_sector_16)
{
	uint8_t *img = read_sectors(ISOFS_M1, ISOFS_SECTORS);
	uint8_t s[RAWCD_SECTOR_SIZE];
	memcpy(s, img + 16 * RAWCD_SECTOR_SIZE, sizeof(s));
	static const uint8_t p_head[4] = { 0x85, 0x5F, 0xA9, 0x2C };
	static const uint8_t q_tail[4] = { 0xB8, 0x4D, 0x61, 0x66 };
	cr_assert_arr_eq(s + RAWCD_ECC_P_OFFSET, p_head, 4);
	cr_assert_arr_eq(s + RAWCD_SECTOR_SIZE - 4, q_tail, 4);
	memset(s + RAWCD_ECC_P_OFFSET, 0, PARITY_SIZE);
	cr_assert_eq(rawcd_ecc_encode(s, RAWCD_SECTOR_MODE1), RAWCD_OK);
	cr_assert_arr_eq(s, img + 16 * RAWCD_SECTOR_SIZE, RAWCD_SECTOR_SIZE);
	free(img);
}

Test(ecc, every_kernel_reproduces_isofs)
{
	uint8_t *img = read_sectors(ISOFS_M1, ISOFS_SECTORS);
	for (int impl = 0; impl < RCD_ECC_IMPL_COUNT; impl++) {
		if (!rcd_ecc_impl_available((enum rcd_ecc_impl)impl))
			continue;
		for (size_t i = 0; i < ISOFS_SECTORS; i++) {
			const uint8_t *orig = img + i * RAWCD_SECTOR_SIZE;
			uint8_t s[RAWCD_SECTOR_SIZE];
			memcpy(s, orig, sizeof(s));
			memset(s + RAWCD_ECC_P_OFFSET, 0xA5, PARITY_SIZE);
			rcd_ecc_encode_impl(s, false, (enum rcd_ecc_impl)impl);
			cr_assert_arr_eq(s, orig, sizeof(s), "kernel %d sector %zu", impl, i);
			cr_assert_eq(rawcd_ecc_check(orig, RAWCD_SECTOR_MODE1), RAWCD_OK);
		}
	}
	free(img);
}

Test(ecc, flipped_byte_fails_the_check)
{
	uint8_t *img = read_sectors(ISOFS_M1, ISOFS_SECTORS);
	uint8_t s[RAWCD_SECTOR_SIZE];
	/* One byte each in the header, user data, EDC, zero field, P and Q. */
	static const size_t at[] = { 12, 15, 16, 1000, 2063, 2064, 2071, 2075, 2076, 2247, 2248, 2351 };
	for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
		memcpy(s, img + 20 * RAWCD_SECTOR_SIZE, sizeof(s));
		cr_assert_eq(rawcd_ecc_check(s, RAWCD_SECTOR_MODE1), RAWCD_OK);
		s[at[k]] ^= 0x01;
		cr_assert_eq(rawcd_ecc_check(s, RAWCD_SECTOR_MODE1), RAWCD_E_FORMAT, "byte %zu", at[k]);
	}
	free(img);
}

Test(ecc, form1_ignores_the_header)
{
	uint8_t a[RAWCD_SECTOR_SIZE], b[RAWCD_SECTOR_SIZE];
	fill_random(a, sizeof(a), 5);
	memcpy(b, a, sizeof(b));
	b[12] ^= 0xFF;
	b[15] = 0x02;
	cr_assert_eq(rawcd_ecc_encode(a, RAWCD_SECTOR_MODE2_FORM1), RAWCD_OK);
	cr_assert_eq(rawcd_ecc_encode(b, RAWCD_SECTOR_MODE2_FORM1), RAWCD_OK);
	cr_assert_arr_eq(a + RAWCD_ECC_P_OFFSET, b + RAWCD_ECC_P_OFFSET, PARITY_SIZE);
	/* The header is put back as it was. */
	cr_assert_eq(b[15], 0x02);
	cr_assert_eq(b[12], (uint8_t)(a[12] ^ 0xFF));
	/* Mode 1 parity does cover the header. */
	cr_assert_eq(rawcd_ecc_check(b, RAWCD_SECTOR_MODE2_FORM1), RAWCD_OK);
	cr_assert_eq(rawcd_ecc_check(b, RAWCD_SECTOR_MODE1), RAWCD_E_FORMAT);
	/* A different data byte does change Form 1 parity. */
	b[500] ^= 1;
	cr_assert_eq(rawcd_ecc_check(b, RAWCD_SECTOR_MODE2_FORM1), RAWCD_E_FORMAT);
}

Test(ecc, kernels_agree_on_random_sectors)
{
	for (int round = 0; round < 300; round++) {
		uint8_t ref[RAWCD_SECTOR_SIZE];
		fill_random(ref, sizeof(ref), 77u + (uint64_t)round);
		bool zero_header = round & 1;
		uint8_t want[RAWCD_SECTOR_SIZE];
		memcpy(want, ref, sizeof(want));
		rcd_ecc_encode_impl(want, zero_header, RCD_ECC_TABLE);
		for (int impl = 1; impl < RCD_ECC_IMPL_COUNT; impl++) {
			if (!rcd_ecc_impl_available((enum rcd_ecc_impl)impl))
				continue;
			uint8_t got[RAWCD_SECTOR_SIZE];
			memcpy(got, ref, sizeof(got));
			rcd_ecc_encode_impl(got, zero_header, (enum rcd_ecc_impl)impl);
			cr_assert_arr_eq(got, want, sizeof(got), "kernel %d round %d", impl, round);
		}
	}
}

Test(ecc, kernel_reads_only_its_sector)
{
	/* A sector at the very start and end of a heap block: the vector loads must stay inside (the
	 * address sanitizer build turns any stray read into a failure). */
	uint8_t *s = malloc(RAWCD_SECTOR_SIZE);
	cr_assert_not_null(s);
	fill_random(s, RAWCD_SECTOR_SIZE, 3);
	uint8_t want[RAWCD_SECTOR_SIZE];
	memcpy(want, s, sizeof(want));
	rcd_ecc_encode_impl(want, false, RCD_ECC_TABLE);
	for (int impl = 0; impl < RCD_ECC_IMPL_COUNT; impl++) {
		if (!rcd_ecc_impl_available((enum rcd_ecc_impl)impl))
			continue;
		rcd_ecc_encode_impl(s, false, (enum rcd_ecc_impl)impl);
		cr_assert_arr_eq(s, want, RAWCD_SECTOR_SIZE, "kernel %d", impl);
	}
	free(s);
}

Test(ecc, arguments)
{
	uint8_t s[RAWCD_SECTOR_SIZE] = { 0 };
	cr_assert_eq(rawcd_ecc_encode(NULL, RAWCD_SECTOR_MODE1), RAWCD_E_ARG);
	cr_assert_eq(rawcd_ecc_encode(s, RAWCD_SECTOR_MODE2_FORM2), RAWCD_E_ARG);
	cr_assert_eq(rawcd_ecc_encode(s, RAWCD_SECTOR_MODE0), RAWCD_E_ARG);
	cr_assert_eq(rawcd_ecc_check(NULL, RAWCD_SECTOR_MODE1), RAWCD_E_ARG);
	cr_assert_eq(rawcd_ecc_check(s, RAWCD_SECTOR_MODE2), RAWCD_E_ARG);
	cr_assert(rcd_ecc_impl_available(rcd_ecc_best_impl()));
}
