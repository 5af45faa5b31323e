/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Burning a CloneCD image (the mixed sheet written by --format clonecd, read back by rawcd_input_load())
 * on the emulated recorder: the .sub's recorded Q (altered on purpose) reaches the drive as it is, with
 * one warning; regenerate_subcode sends the sheet's own subcode; a DataTracksScrambled=1 image arrives
 * with its data sectors scrambled once (as the .img holds them), not twice. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "burn_fixture.h"

TestSuite(burn_ccd, .init = bf_setup, .fini = bf_teardown, .timeout = 120);

#define ALTERED_FIRST 500
#define ALTERED 5

/* The sheet as a CloneCD image c.img/c.sub/c.ccd. */
static void write_clonecd(const struct rawcd_disc *d)
{
	struct rawcd_image_options io = RAWCD_IMAGE_OPTIONS_INIT;
	io.format = RAWCD_IMAGE_CLONECD;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_image_write(d, bf_path("c.img"), &io, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
}

static void rewrite(const char *name, const uint8_t *bytes, size_t n)
{
	FILE *f = fopen(bf_path(name), "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

/* Q byte 3 of LBAs ALTERED_FIRST.. changed, the CRC made to fit; returns the .sub. */
static uint8_t *alter_sub(size_t *size)
{
	uint8_t *sub = bf_read_file(bf_path("c.sub"), size);
	for (int32_t lba = ALTERED_FIRST; lba < ALTERED_FIRST + ALTERED; lba++) {
		uint8_t *q = sub + (size_t)lba * 96 + 12;
		q[3] ^= 0x01;
		rawcd_q_set_crc(q);
	}
	rewrite("c.sub", sub, *size);
	return sub;
}

static struct rawcd_disc *load_ccd(void)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_input_load(&d, bf_path("c.ccd"), NULL, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(d->input_kind, RAWCD_INPUT_CCD);
	rawcd_diag_free(diag);
	return d;
}

/* Burn @p d raw96 into received.raw; the received blocks. */
static uint8_t *burn(const struct rawcd_disc *d, const struct rawcd_burn_options *o, rawcd_diag **diag, size_t *size)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink_path = bf_path("received.raw");
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	int rc = bf_burn(t, d, o, &r, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", bf_diag_text(*diag));
	cr_assert_eq(r.mode, RAWCD_WRITE_RAW96R);
	rawcd_transport_close(t);
	return bf_read_file(bf_path("received.raw"), size);
}

/* The Q of received block @p lba (raw96: bit 6 of each of the 96 subcode bytes). */
static void received_q(const uint8_t *got, int32_t lba, uint8_t q[12])
{
	struct rawcd_subchannels sc;
	rawcd_subcode_from_raw96(&sc, got + (size_t)(lba - LEADIN_LBA) * 2448 + RAWCD_SECTOR_SIZE);
	memcpy(q, sc.q, 12);
}

Test(burn_ccd, the_recorded_q_reaches_the_drive_and_regenerate_sends_the_generated_one)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_clonecd(sheet);
	size_t sub_size, got_size, gen_size;
	uint8_t *sub = alter_sub(&sub_size);
	struct rawcd_disc *d = load_ccd();
	rawcd_diag *diag;
	uint8_t *got = burn(d, NULL, &diag, &got_size);
	int32_t leadout = rawcd_disc_leadout_lba(d);
	cr_assert_eq(sub_size, (size_t)leadout * 96);
	for (int32_t lba = 0; lba < leadout; lba++) {
		uint8_t q[12];
		received_q(got, lba, q);
		cr_assert_arr_eq(q, sub + (size_t)lba * 96 + 12, 12, "LBA %d: the drive did not get the recorded Q", lba);
	}
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "5 of 1300 recorded Q frames differ"), 1, "%s",
		     bf_diag_text(diag));
	rawcd_diag_free(diag);

	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.regenerate_subcode = true;
	uint8_t *gen = burn(d, &o, &diag, &gen_size);
	cr_assert_eq(gen_size, got_size);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "recorded Q"), 0);
	size_t differ = 0;
	for (int32_t lba = 0; lba < leadout; lba++) {
		uint8_t a[12], b[12];
		received_q(got, lba, a);
		received_q(gen, lba, b);
		differ += memcmp(a, b, 12) != 0;
	}
	cr_assert_eq(differ, ALTERED, "regenerated: only the altered frames differ from the recorded burn");
	free(gen);
	free(got);
	free(sub);
	rawcd_diag_free(diag);
	rawcd_disc_free(d);
	rawcd_disc_free(sheet);
}

Test(burn_ccd, a_scrambled_img_is_sent_scrambled_once)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_clonecd(sheet);
	int32_t data_end = sheet->tracks[1].pregap_lba; /* track 1 is the data track */
	size_t img_size, ccd_size, got_size;
	uint8_t *img = bf_read_file(bf_path("c.img"), &img_size);
	cr_assert_eq(rawcd_scramble_sectors(img, (size_t)data_end), RAWCD_OK);
	rewrite("c.img", img, img_size);
	uint8_t *text = bf_read_file(bf_path("c.ccd"), &ccd_size);
	char *ccd = calloc(ccd_size + 1, 1); /* NUL-terminated for strstr() */
	memcpy(ccd, text, ccd_size);
	free(text);
	char *key = strstr(ccd, "DataTracksScrambled=0");
	cr_assert_not_null(key);
	key[strlen("DataTracksScrambled=")] = '1';
	rewrite("c.ccd", (uint8_t *)ccd, ccd_size);
	struct rawcd_disc *d = load_ccd();
	cr_assert(d->files[0].scrambled);
	rawcd_diag *diag;
	uint8_t *got = burn(d, NULL, &diag, &got_size);
	for (int32_t lba = 0; lba < rawcd_disc_leadout_lba(d); lba++)
		cr_assert_arr_eq(got + (size_t)(lba - LEADIN_LBA) * 2448, img + (size_t)lba * RAWCD_SECTOR_SIZE,
				 RAWCD_SECTOR_SIZE, "LBA %d: the main channel is not the .img's", lba);
	free(got);
	free(img);
	free(ccd);
	rawcd_diag_free(diag);
	rawcd_disc_free(d);
	rawcd_disc_free(sheet);
}
