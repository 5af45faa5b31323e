/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sector encoders and the sector check (ECMA-130 §14), against real images and against the independent
 * checker of tests/common/indep_sector.h (written from DESIGN.md §4: a bit-serial EDC, GF(2^8) arithmetic
 * without tables, codewords listed word by word).
 */
#include <criterion/criterion.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/msf.h"
#include "rawcd/sector.h"

#include "../../common/indep_sector.h"

#define ISOFS_M1 SHARED_TESTDATA "/libcdio_libcdio/test/data/isofs-m1.bin"
#define ISOFS_SECTORS 302
#define VIDEOCD_NRG SHARED_TESTDATA "/libcdio_libcdio/test/data/videocd.nrg"
#define VIDEOCD_SECTORS 1126 /* the NRG starts with this many 2336-byte Mode 2 sectors */
#define S RAWCD_SECTOR_SIZE

static uint8_t *read_file(const char *path, size_t size)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	uint8_t *buf = malloc(size);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, size, f), size, "%s is short", path);
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

/* ---- Real images ---- */

Test(sector, isofs_mode1_reencodes_byte_identical)
{
	uint8_t *img = read_file(ISOFS_M1, (size_t)ISOFS_SECTORS * S);
	uint8_t *user = malloc((size_t)ISOFS_SECTORS * RAWCD_MODE1_DATA_SIZE);
	uint8_t *out = malloc((size_t)ISOFS_SECTORS * S);
	cr_assert(user && out);
	for (size_t i = 0; i < ISOFS_SECTORS; i++)
		memcpy(user + i * RAWCD_MODE1_DATA_SIZE, img + i * S + 16, RAWCD_MODE1_DATA_SIZE);
	memset(out, 0xEE, (size_t)ISOFS_SECTORS * S);
	cr_assert_eq(rawcd_sector_encode_mode1(out, user, 0, ISOFS_SECTORS), RAWCD_OK);
	for (size_t i = 0; i < ISOFS_SECTORS; i++)
		cr_assert_arr_eq(out + i * S, img + i * S, S, "sector %zu", i);
	/* One sector at a time gives the same bytes. */
	for (size_t i = 0; i < ISOFS_SECTORS; i += 37) {
		uint8_t one[S];
		int rc = rawcd_sector_encode(one, user + i * 2048, RAWCD_SECTOR_MODE1, (int32_t)i, 1);
		cr_assert_eq(rc, RAWCD_OK);
		cr_assert_arr_eq(one, img + i * S, S);
	}
	free(user);
	free(out);
	free(img);
}

Test(sector, isofs_fill_in_place)
{
	uint8_t *img = read_file(ISOFS_M1, (size_t)ISOFS_SECTORS * S);
	uint8_t *buf = malloc((size_t)ISOFS_SECTORS * S);
	cr_assert_not_null(buf);
	memcpy(buf, img, (size_t)ISOFS_SECTORS * S);
	for (size_t i = 0; i < ISOFS_SECTORS; i++) {
		memset(buf + i * S, 0x77, 16);              /* sync and header */
		memset(buf + i * S + 2064, 0x77, S - 2064); /* EDC, zero field, P, Q */
	}
	cr_assert_eq(rawcd_sector_fill(buf, RAWCD_SECTOR_MODE1, 0, ISOFS_SECTORS), RAWCD_OK);
	cr_assert_arr_eq(buf, img, (size_t)ISOFS_SECTORS * S);
	free(buf);
	free(img);
}

Test(sector, isofs_passes_the_reference_checks)
{
	uint8_t *img = read_file(ISOFS_M1, (size_t)ISOFS_SECTORS * S);
	for (size_t i = 0; i < ISOFS_SECTORS; i++) {
		const uint8_t *s = img + i * S;
		cr_assert_eq(indep_edc(s, 2064), indep_le32(s + 2064), "sector %zu", i);
		cr_assert(indep_ecc_ok(s, false), "sector %zu", i);
		struct rawcd_sector_check c;
		cr_assert_eq(rawcd_sector_check(&c, s, (int32_t)i), RAWCD_OK);
		cr_assert(c.sync_ok && c.header_ok && c.zero_ok);
		cr_assert_eq(c.header_lba, (int32_t)i);
		cr_assert_eq(c.mode, RAWCD_SECTOR_MODE1);
		cr_assert_eq(c.edc, RAWCD_CHECK_OK);
		cr_assert_eq(c.ecc, RAWCD_CHECK_OK);
	}
	free(img);
}

Test(sector, videocd_mode2_2336_forms)
{
	size_t bytes = (size_t)VIDEOCD_SECTORS * RAWCD_MODE2_DATA_SIZE;
	uint8_t *in = read_file(VIDEOCD_NRG, bytes);
	uint8_t *out = malloc((size_t)VIDEOCD_SECTORS * S);
	cr_assert_not_null(out);
	cr_assert_eq(rawcd_sector_encode(out, in, RAWCD_SECTOR_MODE2_AUTO, 0, VIDEOCD_SECTORS), RAWCD_OK);
	unsigned form1 = 0, form2 = 0;
	for (size_t i = 0; i < VIDEOCD_SECTORS; i++) {
		const uint8_t *s = out + i * S;
		cr_assert_eq(s[15], 2, "sector %zu mode byte", i);
		/* The image's own EDC/ECC do not depend on the address, so the bytes come back unchanged. */
		const uint8_t *src = in + i * RAWCD_MODE2_DATA_SIZE;
		cr_assert_arr_eq(s + 16, src, RAWCD_MODE2_DATA_SIZE, "sector %zu", i);
		cr_assert_arr_eq(s + 16, s + 20, 4, "subheader copies of sector %zu", i);
		if (s[18] & 0x20) {
			cr_assert_eq(indep_edc(s + 16, 2332), indep_le32(s + 2348), "Form 2 EDC of sector %zu", i);
			form2++;
		} else {
			cr_assert_eq(indep_edc(s + 16, 2056), indep_le32(s + 2072), "Form 1 EDC of sector %zu", i);
			cr_assert(indep_ecc_ok(s, true), "Form 1 ECC of sector %zu", i);
			form1++;
		}
	}
	cr_assert_eq(form1, 226);
	cr_assert_eq(form2, 900);
	free(out);
	free(in);
}

/* ---- Against the reference on generated data ---- */

Test(sector, random_mode1_and_form1_match_the_reference)
{
	static const int32_t lbas[] = { -45150, -22650, -151, -150, -1, 0, 1, 4500, 359849, 404849 };
	for (size_t k = 0; k < sizeof(lbas) / sizeof(lbas[0]); k++) {
		uint8_t in[2056], got[S], want[S];
		fill_random(in, sizeof(in), 900u + k);
		cr_assert_eq(rawcd_sector_encode(got, in, RAWCD_SECTOR_MODE1, lbas[k], 1), RAWCD_OK);
		memcpy(want, got, 16); /* header checked separately */
		memcpy(want + 16, in, 2048);
		uint32_t edc = indep_edc(want, 2064);
		for (int b = 0; b < 4; b++)
			want[2064 + b] = (uint8_t)(edc >> (8 * b));
		memset(want + 2068, 0, 8);
		indep_ecc_encode(want);
		cr_assert_arr_eq(got, want, S, "Mode 1 at LBA %d", lbas[k]);

		in[2] &= (uint8_t)~0x20; /* submode: Form 1 */
		memcpy(in + 4, in, 4);
		cr_assert_eq(rawcd_sector_encode(got, in, RAWCD_SECTOR_MODE2_FORM1, lbas[k], 1), RAWCD_OK);
		memcpy(want + 16, in, 2056);
		edc = indep_edc(want + 16, 2056);
		for (int b = 0; b < 4; b++)
			want[2072 + b] = (uint8_t)(edc >> (8 * b));
		want[15] = 2;
		uint8_t header[4];
		memcpy(header, want + 12, 4);
		memset(want + 12, 0, 4);
		indep_ecc_encode(want);
		memcpy(want + 12, header, 4);
		cr_assert_arr_eq(got, want, S, "Form 1 at LBA %d", lbas[k]);
	}
}

Test(sector, form2_and_formless)
{
	uint8_t in[2336], got[S];
	fill_random(in, sizeof(in), 4);
	in[2] |= 0x20;
	memcpy(in + 4, in, 4);
	cr_assert_eq(rawcd_sector_encode(got, in, RAWCD_SECTOR_MODE2_FORM2, 100, 1), RAWCD_OK);
	cr_assert_arr_eq(got + 16, in, 2332);
	cr_assert_eq(indep_le32(got + 2348), indep_edc(got + 16, 2332));
	/* AUTO reads the same Form from the subheader and the whole 2336 bytes. */
	uint8_t got2[S];
	cr_assert_eq(rawcd_sector_encode(got2, in, RAWCD_SECTOR_MODE2_AUTO, 100, 1), RAWCD_OK);
	cr_assert_arr_eq(got2, got, S);
	/* Formless Mode 2 keeps all 2336 bytes; so does AUTO when the subheader copies differ. */
	in[5] ^= 1;
	cr_assert_eq(rawcd_sector_encode(got, in, RAWCD_SECTOR_MODE2, 100, 1), RAWCD_OK);
	cr_assert_arr_eq(got + 16, in, 2336);
	cr_assert_eq(rawcd_sector_encode(got2, in, RAWCD_SECTOR_MODE2_AUTO, 100, 1), RAWCD_OK);
	cr_assert_arr_eq(got2, got, S);
	cr_assert_eq(got[15], 2);
}

Test(sector, mode0_and_null_input)
{
	uint8_t s[S];
	memset(s, 0xCC, sizeof(s));
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE0, 0, 1), RAWCD_OK);
	cr_assert_eq(s[15], 0);
	for (size_t i = 16; i < S; i++)
		cr_assert_eq(s[i], 0, "byte %zu", i);
	/* A generated Mode 1 pregap sector: zero user data, valid EDC and parity. */
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE1, -150, 1), RAWCD_OK);
	cr_assert_eq(indep_le32(s + 2064), indep_edc(s, 2064));
	cr_assert(indep_ecc_ok(s, false));
	/* Zero Form 1 data: EDC and parity over zeros (header excluded) are zero. */
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE2_AUTO, 7, 1), RAWCD_OK);
	for (size_t i = 16; i < S; i++)
		cr_assert_eq(s[i], 0, "byte %zu", i);
}

/* ---- Headers and addresses ---- */

static void expect_header(int32_t lba, uint8_t m, uint8_t s, uint8_t f)
{
	uint8_t out[16];
	cr_assert_eq(rawcd_sector_header(out, lba, 1), RAWCD_OK);
	static const uint8_t sync[12] = { 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0 };
	cr_assert_arr_eq(out, sync, 12);
	cr_assert_eq(out[12], m, "LBA %d minute", lba);
	cr_assert_eq(out[13], s, "LBA %d second", lba);
	cr_assert_eq(out[14], f, "LBA %d frame", lba);
	cr_assert_eq(out[15], 1);
}

Test(sector, header_msf)
{
	expect_header(-150, 0x00, 0x00, 0x00);
	expect_header(0, 0x00, 0x02, 0x00);
	expect_header(16, 0x00, 0x02, 0x16);
	expect_header(-22650, 0x95, 0x00, 0x00);
	expect_header(-151, 0x99, 0x59, 0x74);
	expect_header(-45150, 0x90, 0x00, 0x00);
	expect_header(359849, 0x79, 0x59, 0x74);
	expect_header(404849, 0x89, 0x59, 0x74);
}

Test(sector, lba_range_and_arguments)
{
	uint8_t s[2 * S];
	cr_assert_eq(rawcd_sector_header(s, -45151, 1), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sector_header(s, 404850, 1), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sector_header(NULL, 0, 1), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE1, 404849, 1), RAWCD_OK);
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE1, 404849, 2), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE1, 404848, 2), RAWCD_OK);
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE_INVALID, 0, 1), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sector_encode(NULL, NULL, RAWCD_SECTOR_MODE1, 0, 1), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sector_encode(NULL, NULL, RAWCD_SECTOR_MODE1, 0, 0), RAWCD_OK);
	cr_assert_eq(rawcd_sector_fill(s, (enum rawcd_sector_mode)42, 0, 1), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sector_fill(NULL, RAWCD_SECTOR_MODE1, 0, 1), RAWCD_E_ARG);
	/* The batch crosses the lead-in wrap: LBA -151 then -150. */
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE0, -151, 2), RAWCD_OK);
	cr_assert_eq(s[12], 0x99);
	cr_assert_eq(s[S + 12], 0x00);
	cr_assert_eq(s[S + 13], 0x00);
}

Test(sector, mode2_form_rule)
{
	uint8_t sh[8] = { 1, 0, 0x08, 0, 1, 0, 0x08, 0 };
	cr_assert_eq(rawcd_sector_mode2_form(sh), RAWCD_SECTOR_MODE2_FORM1);
	sh[2] = sh[6] = 0x64; /* Form 2 + real-time + video, as in a VCD */
	cr_assert_eq(rawcd_sector_mode2_form(sh), RAWCD_SECTOR_MODE2_FORM2);
	sh[6] = 0x08; /* copies differ */
	cr_assert_eq(rawcd_sector_mode2_form(sh), RAWCD_SECTOR_MODE2);
	static const uint8_t zero[8] = { 0 };
	cr_assert_eq(rawcd_sector_mode2_form(zero), RAWCD_SECTOR_MODE2_FORM1);
}

Test(sector, input_sizes)
{
	cr_assert_eq(rawcd_sector_input_size(RAWCD_SECTOR_MODE0), 0);
	cr_assert_eq(rawcd_sector_input_size(RAWCD_SECTOR_MODE1), 2048);
	cr_assert_eq(rawcd_sector_input_size(RAWCD_SECTOR_MODE2), 2336);
	cr_assert_eq(rawcd_sector_input_size(RAWCD_SECTOR_MODE2_FORM1), 2056);
	cr_assert_eq(rawcd_sector_input_size(RAWCD_SECTOR_MODE2_FORM2), 2332);
	cr_assert_eq(rawcd_sector_input_size(RAWCD_SECTOR_MODE2_AUTO), 2336);
	cr_assert_eq(rawcd_sector_input_size(RAWCD_SECTOR_MODE_INVALID), 0);
}

/* ---- The check ---- */

Test(sector, check_reports_each_fault)
{
	uint8_t *img = read_file(ISOFS_M1, 20 * (size_t)S);
	uint8_t s[S];
	struct rawcd_sector_check c;
	memcpy(s, img + 5 * S, S);
	cr_assert_eq(rawcd_sector_check(&c, s, 6), RAWCD_OK); /* wrong expected address */
	cr_assert_not(c.header_ok);
	cr_assert_eq(c.header_lba, 5);
	cr_assert_eq(c.edc, RAWCD_CHECK_OK);
	s[700] ^= 0x80;
	cr_assert_eq(rawcd_sector_check(&c, s, 5), RAWCD_OK);
	cr_assert(c.header_ok && c.sync_ok);
	cr_assert_eq(c.edc, RAWCD_CHECK_BAD);
	cr_assert_eq(c.ecc, RAWCD_CHECK_BAD);
	memcpy(s, img + 5 * S, S);
	s[3] = 0;
	s[2070] = 1;
	s[13] = 0x7A; /* not BCD */
	cr_assert_eq(rawcd_sector_check(&c, s, 5), RAWCD_OK);
	cr_assert_not(c.sync_ok);
	cr_assert_not(c.zero_ok);
	cr_assert_eq(c.header_lba, INT32_MIN);
	s[15] = 3;
	cr_assert_eq(rawcd_sector_check(&c, s, 5), RAWCD_OK);
	cr_assert_eq(c.mode, RAWCD_SECTOR_MODE_INVALID);
	cr_assert_eq(c.edc, RAWCD_CHECK_NONE);
	cr_assert_eq(c.ecc, RAWCD_CHECK_NONE);
	cr_assert_eq(rawcd_sector_check(NULL, s, 5), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sector_check(&c, s, 500000), RAWCD_E_ARG);
	free(img);
}

Test(sector, check_mode0_and_mode2)
{
	uint8_t s[S];
	struct rawcd_sector_check c;
	cr_assert_eq(rawcd_sector_encode(s, NULL, RAWCD_SECTOR_MODE0, 10, 1), RAWCD_OK);
	cr_assert_eq(rawcd_sector_check(&c, s, 10), RAWCD_OK);
	cr_assert(c.zero_ok && c.header_ok);
	cr_assert_eq(c.mode, RAWCD_SECTOR_MODE0);
	s[2351] = 1;
	cr_assert_eq(rawcd_sector_check(&c, s, 10), RAWCD_OK);
	cr_assert_not(c.zero_ok);

	uint8_t in[2336];
	fill_random(in, sizeof(in), 8);
	in[2] |= 0x20;
	memcpy(in + 4, in, 4);
	cr_assert_eq(rawcd_sector_encode(s, in, RAWCD_SECTOR_MODE2_AUTO, 10, 1), RAWCD_OK);
	cr_assert_eq(rawcd_sector_check(&c, s, 10), RAWCD_OK);
	cr_assert_eq(c.mode, RAWCD_SECTOR_MODE2_FORM2);
	cr_assert(c.subheader_equal);
	cr_assert_eq(c.edc, RAWCD_CHECK_OK);
	cr_assert_not(c.edc_zero);
	cr_assert_eq(c.ecc, RAWCD_CHECK_NONE);
	memset(s + 2348, 0, 4); /* Form 2 without EDC is allowed */
	cr_assert_eq(rawcd_sector_check(&c, s, 10), RAWCD_OK);
	cr_assert(c.edc_zero);
	cr_assert_eq(c.edc, RAWCD_CHECK_OK);
	s[2347] ^= 1;
	s[2348] = 1;
	cr_assert_eq(rawcd_sector_check(&c, s, 10), RAWCD_OK);
	cr_assert_eq(c.edc, RAWCD_CHECK_BAD);

	in[2] &= (uint8_t)~0x20;
	memcpy(in + 4, in, 4);
	cr_assert_eq(rawcd_sector_encode(s, in, RAWCD_SECTOR_MODE2_AUTO, 10, 1), RAWCD_OK);
	cr_assert_eq(rawcd_sector_check(&c, s, 10), RAWCD_OK);
	cr_assert_eq(c.mode, RAWCD_SECTOR_MODE2_FORM1);
	cr_assert_eq(c.edc, RAWCD_CHECK_OK);
	cr_assert_eq(c.ecc, RAWCD_CHECK_OK);
	in[7] ^= 1; /* copies differ: formless, nothing to check */
	cr_assert_eq(rawcd_sector_encode(s, in, RAWCD_SECTOR_MODE2_AUTO, 10, 1), RAWCD_OK);
	cr_assert_eq(rawcd_sector_check(&c, s, 10), RAWCD_OK);
	cr_assert_eq(c.mode, RAWCD_SECTOR_MODE2);
	cr_assert_not(c.subheader_equal);
	cr_assert_eq(c.edc, RAWCD_CHECK_NONE);
}
