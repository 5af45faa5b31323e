/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One path from a description to bytes: the creator's result image equals, record for record,
 * rawcd_image_write() of the CUE sheet that says the same over BINARY files holding the bytes the
 * callbacks give: a special pregap (a CUE hidden track), DisableGaplessAudio (PREGAP), a starting track
 * number, FLAGS, indexes, a MODE1/2048 data track with an audio track after it, and each record format. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_fixture.h"
#include "rawcd/cue.h"
#include "rawcd/error.h"
#include "rawcd/image.h"

static char dir[64];
static rawcd_diag *diag;

static void setup(void)
{
	strcpy(dir, "/tmp/rawcd-api-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	diag = rawcd_diag_new();
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	rawcd_diag_free(diag);
}

TestSuite(equivalence, .init = setup, .fini = teardown);

static const char *path(const char *name)
{
	static char p[2][256];
	static int k;
	k = !k;
	snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
	return p[k];
}

/* The bytes feed_read() gives with @p seed, as a file. */
static void write_data(const char *name, uint8_t seed, size_t bytes)
{
	FILE *f = fopen(path(name), "wb");
	cr_assert_not_null(f);
	for (size_t i = 0; i < bytes; i++)
		fputc((uint8_t)(seed + i), f);
	cr_assert_eq(fclose(f), 0);
}

static void write_text(const char *name, const char *text)
{
	FILE *f = fopen(path(name), "w");
	cr_assert_not_null(f);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

/* rawcd_image_write() of the sheet against every record of the creator's image. */
static void compare(rawcd_creator *c, const char *sheet, enum rawcd_image_format f)
{
	struct rawcd_disc *disc = NULL;
	cr_assert_eq(rawcd_cue_load(&disc, path(sheet), NULL, diag), RAWCD_OK);
	struct rawcd_image_options io = RAWCD_IMAGE_OPTIONS_INIT;
	io.format = f;
	io.leadin_sectors = RAWCD_LEADIN_SECTORS;
	io.leadout_sectors = RAWCD_LEADOUT_DEFAULT;
	cr_assert_eq(rawcd_image_write(disc, path("sheet.img"), &io, diag), RAWCD_OK);
	cr_assert_eq(rawcd_creator_start_of_leadout(c), rawcd_disc_leadout_lba(disc));
	rawcd_disc_free(disc);
	rawcd_stream *img = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &img), RAWCD_OK);
	uint8_t *rec;
	size_t n;
	cr_assert_eq(read_all_records(img, &rec, &n), RAWCD_OK);
	size_t size = rawcd_stream_record_size(img);
	FILE *fp = fopen(path("sheet.img"), "rb");
	cr_assert_not_null(fp);
	uint8_t *want = malloc(size);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(fread(want, 1, size, fp), size, "the sheet's image is shorter: record %zu", i);
		cr_assert_eq(memcmp(want, rec + i * size, size), 0, "record %zu (LBA %ld) differs", i, (long)i - 22650);
	}
	cr_assert_eq(fgetc(fp), EOF, "the sheet's image is longer");
	fclose(fp);
	free(want);
	free(rec);
	rawcd_stream_free(img);
}

Test(equivalence, hidden_track_gaps_flags_indexes_packed96)
{
	write_data("pre.bin", 9, 200 * 2352);
	write_data("t1.bin", 1, 300 * 2352);
	write_data("t2.bin", 2, 400 * 2352);
	write_text("a.cue", "CATALOG 4006381333931\n"
		   "FILE \"pre.bin\" BINARY\n  TRACK 03 AUDIO\n    ISRC USK7Y9812345\n    INDEX 00 00:00:00\n"
		   "FILE \"t1.bin\" BINARY\n    INDEX 01 00:00:00\n"
		   "FILE \"t2.bin\" BINARY\n  TRACK 04 AUDIO\n    FLAGS PRE SCMS\n    PREGAP 00:02:00\n"
		   "    INDEX 01 00:00:00\n    INDEX 02 00:01:00\n");
	struct feed pre = {.seed = 9}, t1 = {.seed = 1}, t2 = {.seed = 2};
	rawcd_creator *c;
	cr_assert_eq(rawcd_creator_new(&c, diag), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_result_type(c, RAWCD_IMAGE_PACKED96), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_starting_track_number(c, 3), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_mcn(c, "4006381333931"), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_disable_gapless_audio(c, true), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_special_pregap(c, feed_read, &pre, 200), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &t1, 300, NULL), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &t2, 400, NULL), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	strcpy(ti.isrc, "US-K7Y-98-12345");
	cr_assert_eq(rawcd_creator_set_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_eq(rawcd_creator_track_info(c, 2, &ti), RAWCD_OK);
	ti.digital_audio_copy_setting = RAWCD_COPY_SCMS;
	ti.audio_has_preemphasis = true;
	cr_assert_eq(rawcd_creator_set_track_info(c, 2, &ti), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track_index(c, 2, 75), RAWCD_OK);
	compare(c, "a.cue", RAWCD_IMAGE_PACKED96);
	rawcd_creator_free(c);
}

Test(equivalence, data_track_then_audio_pq16)
{
	write_data("d.bin", 5, 300 * 2048);
	write_data("a.bin", 6, 300 * 2352);
	write_text("b.cue", "FILE \"d.bin\" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n"
		   "FILE \"a.bin\" BINARY\n  TRACK 02 AUDIO\n    FLAGS DCP\n    PREGAP 00:02:00\n"
		   "    INDEX 01 00:00:00\n");
	struct feed d = {.seed = 5}, a = {.seed = 6};
	rawcd_creator *c;
	cr_assert_eq(rawcd_creator_new(&c, diag), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_result_type(c, RAWCD_IMAGE_PQ16), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_MODE1_2048, feed_read, &d, 300, NULL), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &a, 300, NULL), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 2, &ti), RAWCD_OK);
	ti.digital_audio_copy_setting = RAWCD_COPY_PERMITTED;
	cr_assert_eq(rawcd_creator_set_track_info(c, 2, &ti), RAWCD_OK);
	compare(c, "b.cue", RAWCD_IMAGE_PQ16);
	rawcd_creator_free(c);
}
