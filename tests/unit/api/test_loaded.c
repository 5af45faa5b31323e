/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A creator over a disc a reader loaded (rawcd_creator_load(), rawcd_creator_new_from_disc()): its
 * TrackInfo, ExpectedTableOfContents, StartOfLeadout and CreateResultImage give what the reader's disc
 * gives through rawcd_toc_from_disc() and rawcd_image_write(); the description is the file's (setters
 * refused); IMAPI's 4-s rule is the reader's warning, not an error. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_fixture.h"
#include "rawcd/cue.h"
#include "rawcd/error.h"
#include "rawcd/image.h"
#include "rawcd/toc.h"

static char dir[64];
static rawcd_diag *diag;

static void setup(void)
{
	strcpy(dir, "/tmp/rawcd-loaded-XXXXXX");
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

TestSuite(loaded, .init = setup, .fini = teardown);

static const char *path(const char *name)
{
	static char p[2][256];
	static int k;
	k = !k;
	snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
	return p[k];
}

static void write_data(const char *name, uint8_t seed, size_t bytes)
{
	FILE *f = fopen(path(name), "wb");
	cr_assert_not_null(f);
	for (size_t i = 0; i < bytes; i++)
		fputc((uint8_t)(seed + i * 7), f);
	cr_assert_eq(fclose(f), 0);
}

static void write_text(const char *name, const char *text)
{
	FILE *f = fopen(path(name), "w");
	cr_assert_not_null(f);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

/* Two audio tracks in one file: track 2 with an INDEX 00 (a 75-sector pregap), an INDEX 02, an ISRC,
 * FLAGS DCP PRE, and CD-TEXT for the lead-in. */
static const char *two_tracks(void)
{
	write_data("two.bin", 3, 1000 * 2352);
	write_text("two.cue", "CATALOG 4006381333931\nTITLE \"Loaded\"\nPERFORMER \"Reader\"\n"
		   "FILE \"two.bin\" BINARY\n  TRACK 01 AUDIO\n    TITLE \"One\"\n    INDEX 01 00:00:00\n"
		   "  TRACK 02 AUDIO\n    TITLE \"Two\"\n    FLAGS DCP PRE\n    ISRC USK7Y9812345\n"
		   "    INDEX 00 00:05:00\n    INDEX 01 00:06:00\n    INDEX 02 00:08:00\n");
	return path("two.cue");
}

Test(loaded, track_info_of_a_cue_sheet)
{
	rawcd_creator *c = NULL;
	cr_assert_eq(rawcd_creator_load(&c, two_tracks(), NULL, diag), RAWCD_OK);
	cr_assert(rawcd_creator_is_loaded(c));
	cr_assert_eq(rawcd_creator_track_count(c), 2);
	cr_assert_str_eq(rawcd_creator_mcn(c), "4006381333931");
	struct rawcd_track_info t;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &t), RAWCD_OK);
	cr_assert_eq(t.track_number, 1);
	cr_assert_eq(t.starting_lba, 0);
	cr_assert_eq(t.sector_count, 375, "track 1 ends where track 2's INDEX 00 starts: %u", t.sector_count);
	cr_assert_eq(t.sector_type, RAWCD_MODE_AUDIO);
	cr_assert_str_eq(t.isrc, "");
	cr_assert_eq(t.digital_audio_copy_setting, RAWCD_COPY_PROHIBITED);
	cr_assert_eq(t.index_count, 1);
	cr_assert_eq(rawcd_creator_track_info(c, 2, &t), RAWCD_OK);
	cr_assert_eq(t.track_number, 2);
	cr_assert_eq(t.starting_lba, 450);
	cr_assert_eq(t.sector_count, 550);
	cr_assert_str_eq(t.isrc, "USK7Y9812345");
	cr_assert_eq(t.digital_audio_copy_setting, RAWCD_COPY_PERMITTED);
	cr_assert(t.audio_has_preemphasis);
	cr_assert_eq(t.index_count, 2);
	cr_assert_eq(t.track_indexes[0], 0);
	cr_assert_eq(t.track_indexes[1], 150);
	cr_assert_eq(rawcd_creator_track_info(c, 3, &t), RAWCD_E_ARG);
	cr_assert_eq(rawcd_creator_start_of_leadout(c), 1000);
	cr_assert_eq(rawcd_creator_last_used_user_sector(c), 999);
	cr_assert_not_null(rawcd_creator_disc(c));
	rawcd_creator_free(c);
}

Test(loaded, expected_toc_is_the_sheets_format_2)
{
	struct rawcd_disc *disc = NULL;
	cr_assert_eq(rawcd_cue_load(&disc, two_tracks(), NULL, diag), RAWCD_OK);
	struct rawcd_toc toc;
	uint8_t want[RAWCD_CREATOR_TOC_MAX], got[RAWCD_CREATOR_TOC_MAX];
	size_t want_len, got_len;
	cr_assert_eq(rawcd_toc_from_disc(&toc, disc), RAWCD_OK);
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, want, sizeof(want), &want_len), RAWCD_OK);
	rawcd_creator *c = NULL;
	cr_assert_eq(rawcd_creator_new_from_disc(&c, disc, diag), RAWCD_OK); /* takes the disc */
	cr_assert_eq(rawcd_creator_expected_toc(c, got, sizeof(got), &got_len), RAWCD_OK);
	cr_assert_eq(got_len, 4 + 11 * 5, "A0, A1, A2 and two tracks: %zu bytes", got_len);
	cr_assert_eq(got_len, want_len);
	cr_assert_eq(memcmp(got, want, want_len), 0);
	cr_assert_eq(rawcd_creator_start_of_leadout(c), toc.leadout_lba);
	rawcd_creator_free(c);
}

/* Every record of the creator's result image against rawcd_image_write() of the same sheet. */
static void compare_image(const char *sheet, enum rawcd_image_format f)
{
	struct rawcd_disc *disc = NULL;
	cr_assert_eq(rawcd_cue_load(&disc, sheet, NULL, diag), RAWCD_OK);
	struct rawcd_image_options io = RAWCD_IMAGE_OPTIONS_INIT;
	io.format = f;
	io.leadin_sectors = RAWCD_LEADIN_SECTORS;
	io.leadout_sectors = RAWCD_LEADOUT_DEFAULT;
	cr_assert_eq(rawcd_image_write(disc, path("out.img"), &io, diag), RAWCD_OK);
	rawcd_disc_free(disc);
	rawcd_creator *c = NULL;
	cr_assert_eq(rawcd_creator_load(&c, sheet, NULL, diag), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_result_type(c, f), RAWCD_OK);
	rawcd_stream *img = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &img), RAWCD_OK);
	uint8_t *rec;
	size_t n, size = rawcd_stream_record_size(img);
	cr_assert_eq(read_all_records(img, &rec, &n), RAWCD_OK);
	cr_assert_eq(n, (size_t)(22650 + rawcd_creator_start_of_leadout(c) + 6750));
	FILE *fp = fopen(path("out.img"), "rb");
	cr_assert_not_null(fp);
	uint8_t *want = malloc(size);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(fread(want, 1, size, fp), size, "the written image is shorter: record %zu", i);
		cr_assert_eq(memcmp(want, rec + i * size, size), 0, "record %zu (LBA %ld) differs", i, (long)i - 22650);
	}
	cr_assert_eq(fgetc(fp), EOF, "the written image is longer");
	fclose(fp);
	free(want);
	free(rec);
	rawcd_stream_free(img);
	cr_assert_eq(rawcd_creator_set_result_type(c, RAWCD_IMAGE_PQ16), RAWCD_E_STATE, "read-only after the image");
	rawcd_creator_free(c);
}

Test(loaded, result_image_is_image_write_raw96)
{
	compare_image(two_tracks(), RAWCD_IMAGE_RAW96);
}

Test(loaded, result_image_is_image_write_pq16)
{
	compare_image(two_tracks(), RAWCD_IMAGE_PQ16);
}

Test(loaded, multisession_result_image_runs_through_the_gap)
{
	write_data("a.bin", 1, 300 * 2352);
	write_data("b.bin", 2, 300 * 2352);
	write_text("ms.cue", "REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		   "REM SESSION 02\nFILE \"b.bin\" BINARY\n  TRACK 02 MODE1/2352\n    INDEX 01 00:00:00\n");
	compare_image(path("ms.cue"), RAWCD_IMAGE_RAW96);
}

Test(loaded, the_description_is_the_files)
{
	rawcd_creator *c = NULL;
	cr_assert_eq(rawcd_creator_load(&c, two_tracks(), NULL, diag), RAWCD_OK);
	struct feed f = {.seed = 1};
	struct rawcd_track_info t;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &t), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &f, 300, NULL), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_set_track_info(c, 1, &t), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 100), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_set_mcn(c, NULL), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_set_starting_track_number(c, 5), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_set_disable_gapless_audio(c, true), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_set_start_of_leadout_limit(c, 1000), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_add_subcode_rw_generator(c, rw_read, &f), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_set_cdtext(c, 0, RAWCD_CDTEXT_TITLE, "x"), RAWCD_E_STATE);
	cr_assert(diag_has(diag, "E_IMAPI_RAW_IMAGE_IS_READ_ONLY"));
	cr_assert_eq(f.calls, 0);
	cr_assert_eq(rawcd_creator_track_count(c), 2, "nothing added");
	cr_assert_str_eq(rawcd_creator_mcn(c), "4006381333931", "nothing changed");
	cr_assert_eq(rawcd_creator_start_of_leadout(c), 1000);
	cr_assert_eq(rawcd_creator_set_result_type(c, RAWCD_IMAGE_PACKED96), RAWCD_OK);
	cr_assert_eq(rawcd_creator_result_type(c), RAWCD_IMAGE_PACKED96);
	rawcd_creator_free(c);
}

Test(loaded, a_two_second_track_is_a_warning_not_an_error)
{
	write_data("short.bin", 4, 450 * 2352);
	write_text("short.cue", "FILE \"short.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		   "  TRACK 02 AUDIO\n    INDEX 01 00:02:00\n");
	rawcd_creator *c = NULL;
	cr_assert_eq(rawcd_creator_load(&c, path("short.cue"), NULL, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_error_count(diag), 0);
	cr_assert(diag_has(diag, "under the 4 seconds"), "the reader warns");
	struct rawcd_track_info t;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &t), RAWCD_OK);
	cr_assert_eq(t.sector_count, 150);
	uint8_t toc[RAWCD_CREATOR_TOC_MAX];
	size_t len;
	cr_assert_eq(rawcd_creator_expected_toc(c, toc, sizeof(toc), &len), RAWCD_OK);
	rawcd_creator_free(c);
	/* the same track through the API: refused */
	struct feed f = {.seed = 4};
	cr_assert_eq(rawcd_creator_new(&c, diag), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &f, 150, NULL), RAWCD_E_ARG);
	rawcd_creator_free(c);
}

Test(loaded, a_sheet_not_laid_out_answers_the_count_only)
{
	two_tracks();
	struct rawcd_disc *disc = NULL;
	cr_assert_eq(rawcd_cue_parse_file(&disc, path("two.cue"), diag), RAWCD_OK);
	rawcd_creator *c = NULL;
	cr_assert_eq(rawcd_creator_new_from_disc(&c, disc, diag), RAWCD_OK);
	cr_assert_eq(rawcd_creator_track_count(c), 2);
	struct rawcd_track_info t;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &t), RAWCD_E_STATE);
	cr_assert_lt(rawcd_creator_start_of_leadout(c), 0);
	uint8_t toc[RAWCD_CREATOR_TOC_MAX];
	size_t len;
	cr_assert_eq(rawcd_creator_expected_toc(c, toc, sizeof(toc), &len), RAWCD_E_STATE);
	rawcd_stream *s = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &s), RAWCD_E_STATE);
	cr_assert_null(s);
	rawcd_creator_free(c);
}

Test(loaded, bad_arguments)
{
	rawcd_creator *c = NULL;
	cr_assert_eq(rawcd_creator_new_from_disc(&c, NULL, diag), RAWCD_E_ARG);
	cr_assert_null(c);
	cr_assert_eq(rawcd_creator_load(NULL, "x.cue", NULL, diag), RAWCD_E_ARG);
	cr_assert_eq(rawcd_creator_load(&c, path("missing.cue"), NULL, diag), RAWCD_E_INPUT);
	cr_assert_null(c);
	cr_assert(!rawcd_creator_is_loaded(NULL));
}
