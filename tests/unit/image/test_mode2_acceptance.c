/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Mode 2 acceptance check: the 1,126 sectors of libcdio's videocd.nrg (dd bs=2336 count=1126) in a
 * MODE2/2336 sheet, loaded and written as BIN/CUE by the library, read back and judged by the independent
 * checker (tests/common/indep_sector.h): every Form 1 sector's EDC and ECC and every Form 2 sector's EDC
 * valid, sync and headers right, subheader and user data unchanged, the sheet saying MODE2/2352.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/image.h"

#include "image_fixture.h"

#define VIDEOCD_NRG SHARED_TESTDATA "/libcdio_libcdio/test/data/videocd.nrg"
#define VCD_SECTORS 1126
#define M2 2336

TestSuite(mode2, .init = fx_setup, .fini = fx_teardown);

/* The first VCD_SECTORS * 2336 bytes of the NRG, as vcd.bin; returns them. */
static uint8_t *make_vcd_bin(void)
{
	FILE *f = fopen(VIDEOCD_NRG, "rb");
	cr_assert_not_null(f, "cannot open %s", VIDEOCD_NRG);
	uint8_t *in = malloc((size_t)VCD_SECTORS * M2);
	cr_assert_not_null(in);
	cr_assert_eq(fread(in, 1, (size_t)VCD_SECTORS * M2, f), (size_t)VCD_SECTORS * M2, "the NRG is short");
	fclose(f);
	fx_write("vcd.bin", in, (size_t)VCD_SECTORS * M2);
	return in;
}

Test(mode2, videocd_mode2_2336_to_bin_is_valid_by_the_independent_checker)
{
	uint8_t *in = make_vcd_bin();
	fx_sheet("FILE \"vcd.bin\" BINARY\nTRACK 01 MODE2/2336\nINDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(rawcd_disc_leadout_lba(d), VCD_SECTORS);
	int rc = rawcd_image_write(d, fx_path("out.bin"), NULL, diag);
	cr_assert_eq(rc, RAWCD_OK, "rawcd_image_write: %s", rawcd_strerror(rc));

	size_t size;
	uint8_t *out = fx_read(fx_path("out.bin"), &size);
	cr_assert_eq(size, (size_t)VCD_SECTORS * S);
	unsigned form1 = 0, form2 = 0;
	for (int32_t lba = 0; lba < VCD_SECTORS; lba++) {
		const uint8_t *s = out + (size_t)lba * S, *src = in + (size_t)lba * M2;
		struct indep_report r;
		indep_check(&r, s, lba);
		cr_assert(r.sync_ok, "LBA %d: sync", lba);
		cr_assert(r.header_ok, "LBA %d: header %02x:%02x:%02x", lba, s[12], s[13], s[14]);
		cr_assert_eq(s[15], 2, "LBA %d: mode byte", lba);
		if (r.kind == INDEP_FORM1) {
			cr_assert(r.edc_ok, "LBA %d: Form 1 EDC", lba);
			cr_assert(r.ecc_ok, "LBA %d: Form 1 P/Q parity", lba);
			cr_assert_arr_eq(s + 16, src, 8 + 2048, "LBA %d: subheader and user data", lba);
			form1++;
		} else {
			cr_assert_eq(r.kind, INDEP_FORM2, "LBA %d is neither Form 1 nor Form 2", lba);
			cr_assert(r.edc_ok, "LBA %d: Form 2 EDC", lba);
			cr_assert_arr_eq(s + 16, src, 8 + 2324, "LBA %d: subheader and user data", lba);
			form2++;
		}
	}
	cr_assert_eq(form1, 226);
	cr_assert_eq(form2, 900);
	free(out);

	uint8_t *cue = fx_read(fx_path("out.cue"), &size);
	cr_assert_str_eq((char *)cue, "FILE \"out.bin\" BINARY\n  TRACK 01 MODE2/2352\n    INDEX 01 00:00:00\n");
	free(cue);
	cr_assert_eq(fx_temp_files(), 0);
	free(in);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* The same sectors with their EDC and parity fields overwritten in the input: the output is the same, so
 * the writer computes them rather than passing the input's through. */
Test(mode2, videocd_with_its_edc_and_parity_wiped_gives_the_same_image)
{
	uint8_t *in = make_vcd_bin();
	uint8_t *wiped = malloc((size_t)VCD_SECTORS * M2);
	cr_assert_not_null(wiped);
	memcpy(wiped, in, (size_t)VCD_SECTORS * M2);
	for (size_t i = 0; i < VCD_SECTORS; i++) {
		uint8_t *p = wiped + i * M2; /* sector byte 16 + k is p[k] */
		size_t from = (p[2] & 0x20) ? 2332 : 2056;
		memset(p + from, 0xA5, M2 - from);
	}
	fx_write("vcd.bin", wiped, (size_t)VCD_SECTORS * M2);
	fx_sheet("FILE \"vcd.bin\" BINARY\nTRACK 01 MODE2/2336\nINDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(rawcd_image_write(d, fx_path("out.bin"), NULL, diag), RAWCD_OK);
	size_t size;
	uint8_t *out = fx_read(fx_path("out.bin"), &size);
	cr_assert_eq(size, (size_t)VCD_SECTORS * S);
	for (int32_t lba = 0; lba < VCD_SECTORS; lba++) {
		const uint8_t *s = out + (size_t)lba * S;
		struct indep_report r;
		indep_check(&r, s, lba);
		cr_assert(indep_all_ok(&r), "LBA %d", lba);
		cr_assert_not(r.edc_zero, "LBA %d: the EDC is computed, not left out", lba);
		/* The NRG's own EDC and parity do not depend on the address, so they come back. */
		cr_assert_arr_eq(s + 16, in + (size_t)lba * M2, M2, "LBA %d", lba);
	}
	free(out);
	free(wiped);
	free(in);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* The checker itself catches a single flipped bit in each kind of field, so its passes above mean
 * something. */
Test(mode2, the_checker_rejects_damage)
{
	uint8_t *in = make_vcd_bin();
	fx_sheet("FILE \"vcd.bin\" BINARY\nTRACK 01 MODE2/2336\nINDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(rawcd_image_write(d, fx_path("out.bin"), NULL, diag), RAWCD_OK);
	size_t size;
	uint8_t *out = fx_read(fx_path("out.bin"), &size);
	int32_t f1 = -1, f2 = -1;
	for (int32_t lba = 0; lba < VCD_SECTORS && (f1 < 0 || f2 < 0); lba++)
		if (out[(size_t)lba * S + 18] & 0x20)
			f2 = f2 < 0 ? lba : f2;
		else
			f1 = f1 < 0 ? lba : f1;
	cr_assert(f1 >= 0 && f2 >= 0);
	uint8_t s[S];
	struct indep_report r;

	memcpy(s, out + (size_t)f1 * S, S);
	s[1000] ^= 0x10; /* user data: EDC and parity */
	indep_check(&r, s, f1);
	cr_assert_not(r.edc_ok);
	cr_assert_not(r.ecc_ok);
	memcpy(s, out + (size_t)f1 * S, S);
	s[2300] ^= 0x01; /* Q parity only */
	indep_check(&r, s, f1);
	cr_assert(r.edc_ok);
	cr_assert_not(r.ecc_ok);
	memcpy(s, out + (size_t)f1 * S, S);
	s[12] ^= 0x01; /* the header is outside Form 1's parity */
	indep_check(&r, s, f1);
	cr_assert(r.edc_ok && r.ecc_ok);
	cr_assert_not(r.header_ok);
	indep_check(&r, out + (size_t)f1 * S, f1 + 1);
	cr_assert_not(r.header_ok, "the wrong LBA");

	memcpy(s, out + (size_t)f2 * S, S);
	s[2000] ^= 0x80;
	indep_check(&r, s, f2);
	cr_assert_not(r.edc_ok);
	memset(s + 2348, 0, 4); /* Form 2 with no EDC is allowed */
	indep_check(&r, s, f2);
	cr_assert(r.edc_ok && r.edc_zero);
	s[0] = 0xFF;
	indep_check(&r, s, f2);
	cr_assert_not(r.sync_ok);
	cr_assert_not(indep_all_ok(&r));
	free(out);
	free(in);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
