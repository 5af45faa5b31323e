/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Burning images, not only sheets (issue 13 items 1-3 and bad input), on the emulated recorder: a raw96
 * image with its lead-in and a CloneCD image of the mixed sheet send exactly the blocks the sheet sends
 * (simulated and real); the image's own lead-in blocks are what is sent; an image whose lead-in is shorter
 * than the medium's, a cut .sub and a raw image of the wrong size are refused with nothing written;
 * raw16 and SAO name the recorded frames they cannot keep; a TOC file's language blocks all reach the
 * lead-in. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "burn_fixture.h"

TestSuite(burn_image, .init = bf_setup, .fini = bf_teardown, .timeout = 120);

static void write_image(const struct rawcd_disc *d, const char *name, enum rawcd_image_format f, uint32_t leadin,
			uint32_t leadout)
{
	struct rawcd_image_options io = RAWCD_IMAGE_OPTIONS_INIT;
	io.format = f;
	io.leadin_sectors = leadin;
	io.leadout_sectors = leadout;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_image_write(d, bf_path(name), &io, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
}

static struct rawcd_disc *load(const char *name, enum rawcd_input_kind kind)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_layout_options lo = RAWCD_LAYOUT_OPTIONS_INIT;
	lo.capacity_lba = RAWCD_LBA_MAX;
	cr_assert_eq(rawcd_input_load(&d, bf_path(name), &lo, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(d->input_kind, kind);
	rawcd_diag_free(diag);
	return d;
}

/* Burn @p d into @p sink; returns the status, *st the recorder's state, *diag the diagnostics. */
static int burn_to(const struct rawcd_disc *d, const char *sink, const struct rawcd_burn_options *o,
		   struct rawcd_emu_state *st, rawcd_diag **diag)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink_path = bf_path(sink);
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	int rc = bf_burn(t, d, o, &r, diag);
	*st = bf_state(t);
	rawcd_transport_close(t);
	return rc;
}

static uint8_t *burn_ok(const struct rawcd_disc *d, const char *sink, const struct rawcd_burn_options *o, size_t *size)
{
	struct rawcd_emu_state st;
	rawcd_diag *diag;
	int rc = burn_to(d, sink, o, &st, &diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	return bf_read_file(bf_path(sink), size);
}

/* The received blocks of @p a and @p b are the same, block for block. */
static void assert_same_blocks(const uint8_t *a, size_t na, const uint8_t *b, size_t nb, size_t block)
{
	cr_assert_eq(na, nb, "%zu blocks received, the sheet's burn sent %zu", na / block, nb / block);
	for (size_t i = 0; i < na / block; i++)
		cr_assert_arr_eq(a + i * block, b + i * block, block, "block %zu (LBA %d) differs from the sheet's", i,
				 LEADIN_LBA + (int)i);
}

static void compare_with_sheet(const char *image, enum rawcd_input_kind kind, bool simulate)
{
	struct rawcd_disc *sheet = bf_load();
	struct rawcd_disc *d = load(image, kind);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.simulate = simulate;
	size_t na, nb;
	uint8_t *want = burn_ok(sheet, "sheet.raw", &o, &nb);
	uint8_t *got = burn_ok(d, "image.raw", &o, &na);
	assert_same_blocks(got, na, want, nb, 2448);
	free(got);
	free(want);
	rawcd_disc_free(d);
	rawcd_disc_free(sheet);
}

Test(burn_image, a_raw96_image_with_its_leadin_burns_to_the_sheets_blocks)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "m.raw", RAWCD_IMAGE_RAW96, 11625, RAWCD_LEADOUT_DEFAULT);
	rawcd_disc_free(sheet);
	compare_with_sheet("m.raw", RAWCD_INPUT_RAW, true);
	compare_with_sheet("m.raw", RAWCD_INPUT_RAW, false);
}

/* From 95:00:00 as IMAPI makes it: the records before the ATIP lead-in start are not sent, the rest are
 * (the lead-in's Q keeps the image's cycle and running time: they started at 95:00:00). */
Test(burn_image, a_raw96_image_from_95_00_00_skips_what_precedes_the_atip_leadin)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "m.raw", RAWCD_IMAGE_RAW96, RAWCD_LEADIN_SECTORS, RAWCD_LEADOUT_DEFAULT);
	rawcd_disc_free(sheet);
	struct rawcd_disc *d = load("m.raw", RAWCD_INPUT_RAW);
	size_t size, got_size;
	uint8_t *img = bf_read_file(bf_path("m.raw"), &size);
	uint8_t *got = burn_ok(d, "image.raw", NULL, &got_size);
	size_t skipped = (size_t)(RAWCD_LEADIN_SECTORS + LEADIN_LBA);
	cr_assert_eq(got_size, size - skipped * 2448);
	for (size_t i = 0; i < got_size / 2448; i++) {
		const uint8_t *rec = img + (skipped + i) * 2448;
		uint8_t sector[RAWCD_SECTOR_SIZE];
		memcpy(sector, got + i * 2448, sizeof(sector));
		if (memcmp(sector, rec, sizeof(sector)) != 0)
			rawcd_scramble_sectors(sector, 1); /* a data sector: scrambled on the way */
		cr_assert_arr_eq(sector, rec, sizeof(sector), "block %zu: not the image's main channel", i);
		cr_assert_arr_eq(got + i * 2448 + RAWCD_SECTOR_SIZE, rec + RAWCD_SECTOR_SIZE, 96, "block %zu: subcode", i);
	}
	free(got);
	free(img);
	rawcd_disc_free(d);
}

/* An image from LBA 0 without lead-out: the lead-in generated from the TOC its Q gives, the lead-out
 * generated. Its CD-TEXT lived in the lead-in it does not have, so only R-W may differ from the sheet's
 * burn: main channel and Q of every block are the same. */
Test(burn_image, a_raw96_image_without_leadin_or_leadout_gets_them_generated)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "m.raw", RAWCD_IMAGE_RAW96, 0, 0);
	struct rawcd_disc *d = load("m.raw", RAWCD_INPUT_RAW);
	size_t na, nb;
	uint8_t *want = burn_ok(sheet, "sheet.raw", NULL, &nb);
	uint8_t *got = burn_ok(d, "image.raw", NULL, &na);
	cr_assert_eq(na, nb);
	for (size_t i = 0; i < na / 2448; i++) {
		struct rawcd_subchannels a, b;
		cr_assert_arr_eq(got + i * 2448, want + i * 2448, RAWCD_SECTOR_SIZE, "block %zu: main channel", i);
		rawcd_subcode_from_raw96(&a, got + i * 2448 + RAWCD_SECTOR_SIZE);
		rawcd_subcode_from_raw96(&b, want + i * 2448 + RAWCD_SECTOR_SIZE);
		cr_assert_arr_eq(a.q, b.q, 12, "block %zu (LBA %d): Q", i, LEADIN_LBA + (int)i);
		cr_assert_arr_eq(a.p, b.p, 12, "block %zu: P", i);
	}
	free(got);
	free(want);
	rawcd_disc_free(d);
	rawcd_disc_free(sheet);
}

Test(burn_image, a_clonecd_image_burns_to_the_sheets_blocks)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "c.img", RAWCD_IMAGE_CLONECD, 0, 0);
	rawcd_disc_free(sheet);
	compare_with_sheet("c.ccd", RAWCD_INPUT_CCD, true);
	compare_with_sheet("c.ccd", RAWCD_INPUT_CCD, false);
}

Test(burn_image, a_pq16_image_burns_in_raw16_to_the_sheets_blocks)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "m.pq", RAWCD_IMAGE_PQ16, 11625, RAWCD_LEADOUT_DEFAULT);
	struct rawcd_disc *d = load("m.pq", RAWCD_INPUT_RAW);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.write_mode = RAWCD_WRITE_RAW16;
	size_t na, nb;
	uint8_t *want = burn_ok(sheet, "sheet.raw", &o, &nb);
	uint8_t *got = burn_ok(d, "image.raw", &o, &na);
	assert_same_blocks(got, na, want, nb, 2368);
	free(got);
	free(want);
	rawcd_disc_free(d);
	rawcd_disc_free(sheet);
}

/* The lead-in's main channel is the image's, not regenerated: a byte changed in a lead-in record (an
 * audio sector there would not be scrambled; the mixed sheet's lead-in is track 1's Mode 1, so compare
 * after undoing the scrambling) arrives as the image has it. */
Test(burn_image, the_images_own_leadin_blocks_are_sent)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "m.raw", RAWCD_IMAGE_RAW96, 11625, RAWCD_LEADOUT_DEFAULT);
	size_t size, got_size;
	uint8_t *img = bf_read_file(bf_path("m.raw"), &size);
	size_t rec = 5000; /* LBA -6625 */
	img[rec * 2448 + 100] ^= 0x5A;
	FILE *f = fopen(bf_path("m.raw"), "wb");
	cr_assert_eq(fwrite(img, 1, size, f), size);
	fclose(f);
	struct rawcd_disc *d = load("m.raw", RAWCD_INPUT_RAW);
	uint8_t *got = burn_ok(d, "image.raw", NULL, &got_size);
	cr_assert_eq(got_size, size, "the image starts at the ATIP lead-in and ends with its 6750-sector lead-out");
	uint8_t sector[RAWCD_SECTOR_SIZE];
	memcpy(sector, got + rec * 2448, sizeof(sector));
	rawcd_scramble_sectors(sector, 1);
	cr_assert_arr_eq(sector, img + rec * 2448, RAWCD_SECTOR_SIZE, "LBA -6625: not the image's main channel");
	cr_assert_arr_eq(got + rec * 2448 + RAWCD_SECTOR_SIZE, img + rec * 2448 + RAWCD_SECTOR_SIZE, 96);
	free(got);
	free(img);
	rawcd_disc_free(d);
	rawcd_disc_free(sheet);
}

Test(burn_image, a_leadin_shorter_than_the_mediums_is_refused_with_nothing_written)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "m.raw", RAWCD_IMAGE_RAW96, 5000, RAWCD_LEADOUT_DEFAULT);
	rawcd_disc_free(sheet);
	struct rawcd_disc *d = load("m.raw", RAWCD_INPUT_RAW);
	struct rawcd_emu_state st;
	rawcd_diag *diag;
	cr_assert_eq(burn_to(d, "image.raw", NULL, &st, &diag), RAWCD_E_LAYOUT);
	cr_assert_eq(st.writes, 0);
	cr_assert_eq(st.mode_selects, 0, "refused before the drive was changed");
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "the image's lead-in starts at LBA -5000"), 1, "%s",
		     bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "6625 lead-in sectors are missing"), 1, "%s",
		     bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_disc_free(d);
}

Test(burn_image, a_cut_sub_is_refused_before_the_first_write)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "c.img", RAWCD_IMAGE_CLONECD, 0, 0);
	rawcd_disc_free(sheet);
	size_t size;
	uint8_t *sub = bf_read_file(bf_path("c.sub"), &size);
	FILE *f = fopen(bf_path("c.sub"), "wb");
	cr_assert_eq(fwrite(sub, 1, size - 100 * 96, f), size - 100 * 96);
	fclose(f);
	free(sub);
	struct rawcd_disc *d = load("c.ccd", RAWCD_INPUT_CCD);
	struct rawcd_emu_state st;
	rawcd_diag *diag;
	cr_assert_eq(burn_to(d, "image.raw", NULL, &st, &diag), RAWCD_E_INPUT);
	cr_assert_eq(st.writes, 0);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "100 frames missing"), 1, "%s", bf_diag_text(diag));
	const struct rawcd_diag_entry *e = rawcd_diag_get(diag, rawcd_diag_count(diag) - 1);
	cr_assert(e->file && strstr(e->file, "c.sub"), "the entry names %s", e->file ? e->file : "no file");
	rawcd_diag_free(diag);
	rawcd_disc_free(d);
}

/* 50 Q frames of the .sub altered: raw96r sends them as recorded with one warning that counts them; SAO
 * names the frames whose Q the drive will regenerate. */
Test(burn_image, altered_q_frames_are_kept_in_raw96r_and_named_in_sao)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "c.img", RAWCD_IMAGE_CLONECD, 0, 0);
	rawcd_disc_free(sheet);
	size_t size, got_size;
	uint8_t *sub = bf_read_file(bf_path("c.sub"), &size);
	for (size_t lba = 600; lba < 650; lba++) {
		uint8_t *q = sub + lba * 96 + 12;
		q[5] ^= 0x01;
		rawcd_q_set_crc(q);
	}
	FILE *f = fopen(bf_path("c.sub"), "wb");
	cr_assert_eq(fwrite(sub, 1, size, f), size);
	fclose(f);
	struct rawcd_disc *d = load("c.ccd", RAWCD_INPUT_CCD);
	struct rawcd_emu_state st;
	rawcd_diag *diag;
	cr_assert_eq(burn_to(d, "image.raw", NULL, &st, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "50 of 1300 recorded Q frames differ"), 1, "%s",
		     bf_diag_text(diag));
	rawcd_diag_free(diag);
	uint8_t *got = bf_read_file(bf_path("image.raw"), &got_size);
	for (int32_t lba = 600; lba < 650; lba++) {
		struct rawcd_subchannels sc;
		rawcd_subcode_from_raw96(&sc, got + (size_t)(lba - LEADIN_LBA) * 2448 + RAWCD_SECTOR_SIZE);
		cr_assert_arr_eq(sc.q, sub + (size_t)lba * 96 + 12, 12, "LBA %d: not the recorded Q", lba);
	}
	free(got);

	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.write_mode = RAWCD_WRITE_SAO;
	cr_assert_eq(burn_to(d, "sao.raw", &o, &st, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "write mode sao: 50 recorded frames will get the Q the "
				   "drive generates"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "(LBAs 600, 601, 602, 603, 604, 605, 606, 607, 608, 609 "
				   "and 40 more)"), 1, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	free(sub);
	rawcd_disc_free(d);
}

/* R-W recorded in the program area (CD+G-like): raw16 says which frames lose it. */
Test(burn_image, recorded_rw_is_named_when_raw16_drops_it)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *sheet = bf_load();
	write_image(sheet, "c.img", RAWCD_IMAGE_CLONECD, 0, 0);
	rawcd_disc_free(sheet);
	size_t size;
	uint8_t *sub = bf_read_file(bf_path("c.sub"), &size);
	for (size_t lba = 700; lba < 703; lba++)
		sub[lba * 96 + 24 + 5] = 0x42; /* a bit of channel R */
	FILE *f = fopen(bf_path("c.sub"), "wb");
	cr_assert_eq(fwrite(sub, 1, size, f), size);
	fclose(f);
	free(sub);
	struct rawcd_disc *d = load("c.ccd", RAWCD_INPUT_CCD);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.write_mode = RAWCD_WRITE_RAW16;
	struct rawcd_emu_state st;
	rawcd_diag *diag;
	cr_assert_eq(burn_to(d, "r16.raw", &o, &st, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "write mode raw16: 3 recorded frames have R-W that raw16 "
				   "cannot write (P and Q only): dropped (LBAs 700, 701, 702)"), 1, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_disc_free(d);
}

/* A cdrdao TOC file with two CD-TEXT language blocks: every pack of both reaches the lead-in's R-W. */
Test(burn_image, a_toc_files_language_blocks_all_reach_the_leadin)
{
	bf_mixed_sheet(0);
	FILE *f = fopen(bf_path("t.toc"), "w");
	cr_assert_not_null(f);
	fprintf(f, "CD_DA\nCD_TEXT { LANGUAGE_MAP { 0 : EN 1 : 8 }\n"
		"LANGUAGE 0 { TITLE \"Album\" PERFORMER \"Band\" }\n"
		"LANGUAGE 1 { TITLE \"Disque\" PERFORMER \"Groupe\" } }\n"
		"TRACK AUDIO\nCD_TEXT { LANGUAGE 0 { TITLE \"Song\" PERFORMER \"Band\" }\n"
		"LANGUAGE 1 { TITLE \"Chanson\" PERFORMER \"Groupe\" } }\n"
		"FILE \"a1.pcm\" 0\n");
	fclose(f);
	struct rawcd_disc *d = load("t.toc", RAWCD_INPUT_TOC);
	cr_assert_gt(d->cdtext_pack_count, 0);
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	struct rawcd_cdtext_packs got = {0};
	cr_assert_eq(rawcd_emu_leadin_cdtext(&got, t), RAWCD_OK);
	cr_assert_eq(got.count, d->cdtext_pack_count, "%zu packs in the lead-in, the TOC file has %zu", got.count,
		     d->cdtext_pack_count);
	size_t blocks = 0;
	for (size_t i = 0; i < got.count; i++) {
		cr_assert_arr_eq(got.pack[i], d->cdtext_pack[i], 18, "pack %zu", i);
		blocks += got.pack[i][0] == 0x8F && got.pack[i][1] == 0; /* the first size-info pack of a block */
	}
	cr_assert_eq(blocks, 2, "two language blocks in the lead-in");
	rawcd_cdtext_packs_finish(&got);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}
