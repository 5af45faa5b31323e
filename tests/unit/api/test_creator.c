/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_creator (IMAPI2 IRawCDImageCreator): the IMAPI rules, what each refusal leaves (nothing), the
 * addresses, the track info and indexes, and the records of the result image. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "api_fixture.h"
#include "rawcd/error.h"
#include "rawcd/subcode.h"

static rawcd_creator *c;
static rawcd_diag *diag;
static struct feed feed;

static void setup(void)
{
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_creator_new(&c, diag), RAWCD_OK);
	feed = (struct feed){0};
}

static void teardown(void)
{
	rawcd_creator_free(c);
	rawcd_diag_free(diag);
}

TestSuite(creator, .init = setup, .fini = teardown);

static int add(uint32_t sectors)
{
	return rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &feed, sectors, NULL);
}

Test(creator, defaults_and_no_tracks)
{
	uint8_t toc[RAWCD_CREATOR_TOC_MAX];
	size_t len;
	rawcd_stream *s = NULL;
	cr_assert_eq(rawcd_creator_result_type(c), RAWCD_IMAGE_RAW96);
	cr_assert_eq(rawcd_creator_start_of_leadout_limit(c), 398099);
	cr_assert_eq(rawcd_creator_track_count(c), 0);
	cr_assert_eq(rawcd_creator_start_of_leadout(c), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_last_used_user_sector(c), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_expected_toc(c, toc, sizeof(toc), &len), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_create_result_image(c, &s), RAWCD_E_STATE);
	cr_assert(diag_has(diag, "E_IMAPI_RAW_IMAGE_NO_TRACKS"));
	cr_assert_null(s);
	cr_assert_null(rawcd_creator_disc(c));
}

Test(creator, starting_track_number_0_and_100_refused)
{
	cr_assert_eq(rawcd_creator_set_starting_track_number(c, 0), RAWCD_E_ARG);
	cr_assert_eq(rawcd_creator_set_starting_track_number(c, 100), RAWCD_E_ARG);
	cr_assert_eq(add(300), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_eq(ti.track_number, 1, "a refused number changed nothing");
	cr_assert_eq(rawcd_creator_set_starting_track_number(c, 5), RAWCD_E_STATE);
	cr_assert(diag_has(diag, "E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED"));
}

Test(creator, track_numbers_end_at_99)
{
	cr_assert_eq(rawcd_creator_set_starting_track_number(c, 98), RAWCD_OK);
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(add(300), RAWCD_E_LAYOUT);
	cr_assert(diag_has(diag, "E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS"));
	cr_assert_eq(rawcd_creator_track_count(c), 2);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 2, &ti), RAWCD_OK);
	cr_assert_eq(ti.track_number, 99);
}

Test(creator, track_under_4_seconds_refused)
{
	unsigned pos = 77;
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &feed, 299, &pos), RAWCD_E_ARG);
	cr_assert_eq(pos, 77, "nothing written");
	cr_assert_eq(rawcd_creator_track_count(c), 0);
	cr_assert(diag_has(diag, "300 sectors"));
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &feed, 300, &pos), RAWCD_OK);
	cr_assert_eq(pos, 1);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, NULL, &feed, 300, &pos), RAWCD_E_ARG);
	cr_assert_eq(feed.calls, 0, "AddTrack reads nothing");
}

Test(creator, mcn_rules)
{
	cr_assert_eq(rawcd_creator_set_mcn(c, "40063813339312"), RAWCD_E_ARG, "14 digits");
	cr_assert(diag_has(diag, "more than 13 digits"));
	cr_assert_str_eq(rawcd_creator_mcn(c), "");
	cr_assert_eq(rawcd_creator_set_mcn(c, "4006381333932"), RAWCD_E_ARG, "wrong check digit");
	cr_assert_eq(rawcd_creator_set_mcn(c, "40063813339x1"), RAWCD_E_ARG);
	cr_assert_str_eq(rawcd_creator_mcn(c), "");
	cr_assert_eq(rawcd_creator_set_mcn(c, "4006381333931"), RAWCD_OK);
	cr_assert_str_eq(rawcd_creator_mcn(c), "4006381333931");
	cr_assert_eq(rawcd_creator_set_mcn(c, "036000291452"), RAWCD_OK, "a UPC-A: leading zero dropped");
	cr_assert_str_eq(rawcd_creator_mcn(c), "0036000291452");
	cr_assert_eq(rawcd_creator_set_mcn(c, NULL), RAWCD_OK);
	cr_assert_str_eq(rawcd_creator_mcn(c), "");
}

Test(creator, start_of_leadout_limit_398099)
{
	cr_assert_eq(add(398100), RAWCD_E_LAYOUT, "lead-out at 398,100 > 398,099 (88:29:74)");
	cr_assert(diag_has(diag, "E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE"));
	cr_assert_eq(rawcd_creator_track_count(c), 0, "nothing added");
	cr_assert_eq(add(398099), RAWCD_OK, "the lead-out may start at the limit");
	cr_assert_eq(rawcd_creator_start_of_leadout(c), 398099);
	cr_assert_eq(rawcd_creator_last_used_user_sector(c), 398098);
	cr_assert_eq(add(300), RAWCD_E_LAYOUT);
	cr_assert_eq(rawcd_creator_track_count(c), 1);
	cr_assert_eq(rawcd_creator_start_of_leadout(c), 398099, "the refused track left no trace");
	cr_assert_eq(rawcd_creator_set_start_of_leadout_limit(c, 398100), RAWCD_E_ARG, "over IMAPI's maximum");
	cr_assert_eq(rawcd_creator_set_start_of_leadout_limit(c, 1000), RAWCD_E_LAYOUT, "below the tracks");
	cr_assert_eq(rawcd_creator_start_of_leadout_limit(c), 398099);
}

Test(creator, lower_limit_refuses_a_longer_disc)
{
	cr_assert_eq(rawcd_creator_set_start_of_leadout_limit(c, 1000), RAWCD_OK);
	cr_assert_eq(add(600), RAWCD_OK);
	cr_assert_eq(add(401), RAWCD_E_LAYOUT);
	cr_assert_eq(add(400), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_disable_gapless_audio(c, true), RAWCD_E_LAYOUT, "a 2 s gap passes it");
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 2, &ti), RAWCD_OK);
	cr_assert_eq(ti.starting_lba, 600, "the refused setting was undone");
}

Test(creator, gapless_and_gaps)
{
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(add(400), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 2, &ti), RAWCD_OK);
	cr_assert_eq(ti.starting_lba, 300);
	cr_assert_eq(ti.sector_count, 400);
	cr_assert_eq(rawcd_creator_set_disable_gapless_audio(c, true), RAWCD_OK);
	cr_assert_eq(rawcd_creator_track_info(c, 2, &ti), RAWCD_OK);
	cr_assert_eq(ti.starting_lba, 450, "150 sectors of silence before track 2");
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_eq(ti.sector_count, 300, "the gap is not track 1's");
	cr_assert_eq(rawcd_creator_start_of_leadout(c), 850);
}

Test(creator, data_after_audio_gets_a_pregap)
{
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_MODE1_2048, feed_read, &feed, 300, NULL), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 2, &ti), RAWCD_OK);
	cr_assert_eq(ti.starting_lba, 450);
	cr_assert_eq(ti.sector_type, RAWCD_MODE_MODE1_2048);
}

Test(creator, special_pregap)
{
	struct feed pre = {0};
	cr_assert_eq(rawcd_creator_add_special_pregap(c, feed_read, &pre, 149), RAWCD_E_ARG);
	cr_assert_eq(rawcd_creator_add_special_pregap(c, feed_read, &pre, 200), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_special_pregap(c, feed_read, &pre, 200), RAWCD_E_STATE, "only once");
	cr_assert_eq(add(300), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_eq(ti.starting_lba, 200, "INDEX 01 after the hidden track");
	cr_assert_eq(ti.sector_count, 300);
	cr_assert_eq(ti.index_count, 1);
	cr_assert_eq(rawcd_creator_start_of_leadout(c), 500);
	const struct rawcd_disc *d = rawcd_creator_disc(c);
	cr_assert_eq(d->tracks[0].indexes[0].number, 0);
	cr_assert_eq(d->tracks[0].indexes[0].lba, 0, "the hidden track is INDEX 00 from LBA 0");
}

Test(creator, special_pregap_after_a_track_refused)
{
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_special_pregap(c, feed_read, &feed, 200), RAWCD_E_STATE);
	cr_assert(diag_has(diag, "E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED"));
}

Test(creator, track_indexes)
{
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 150), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 150), RAWCD_OK, "exists: IMAPI's success code");
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 155), RAWCD_E_LAYOUT);
	cr_assert(diag_has(diag, "TOO_CLOSE_TO_OTHER_INDEX"));
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 295), RAWCD_E_LAYOUT, "under 10 sectors to the end");
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 300), RAWCD_E_ARG, "past the track");
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 60), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_eq(ti.index_count, 3);
	cr_assert_eq(ti.track_indexes[1], 60);
	cr_assert_eq(ti.track_indexes[2], 150);
	const struct rawcd_disc *d = rawcd_creator_disc(c);
	cr_assert_eq(d->tracks[0].indexes[2].number, 3);
	cr_assert_eq(d->tracks[0].indexes[2].lba, 150);
	cr_assert_eq(rawcd_creator_clear_track_index(c, 1, 0), RAWCD_E_ARG);
	cr_assert(diag_has(diag, "OFFSET_ZERO_CANNOT_BE_CLEARED"));
	cr_assert_eq(rawcd_creator_clear_track_index(c, 1, 77), RAWCD_E_ARG);
	cr_assert(diag_has(diag, "TRACK_INDEX_NOT_FOUND"));
	cr_assert_eq(rawcd_creator_clear_track_index(c, 1, 60), RAWCD_OK);
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_eq(ti.index_count, 2);
	cr_assert_eq(ti.track_indexes[1], 150);
}

Test(creator, at_most_99_indexes)
{
	cr_assert_eq(add(2000), RAWCD_OK);
	for (uint32_t i = 1; i < 99; i++)
		cr_assert_eq(rawcd_creator_add_track_index(c, 1, i * 10), RAWCD_OK, "index %u", i + 1);
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 1500), RAWCD_E_LAYOUT);
	cr_assert(diag_has(diag, "E_IMAPI_RAW_IMAGE_TOO_MANY_TRACK_INDEXES"));
}

Test(creator, track_info_isrc_and_flags)
{
	cr_assert_eq(rawcd_creator_set_starting_track_number(c, 5), RAWCD_OK);
	cr_assert_eq(add(300), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_eq(ti.track_number, 5);
	cr_assert_eq(ti.digital_audio_copy_setting, RAWCD_COPY_PROHIBITED);
	strcpy(ti.isrc, "US-K7Y-98-1234X");
	cr_assert_eq(rawcd_creator_set_track_info(c, 1, &ti), RAWCD_E_ARG);
	strcpy(ti.isrc, "us-k7y-98-12345");
	ti.digital_audio_copy_setting = RAWCD_COPY_SCMS;
	ti.audio_has_preemphasis = true;
	ti.starting_lba = 12345; /* read-only: ignored */
	cr_assert_eq(rawcd_creator_set_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	cr_assert_str_eq(ti.isrc, "USK7Y9812345");
	cr_assert_eq(ti.digital_audio_copy_setting, RAWCD_COPY_SCMS);
	cr_assert(ti.audio_has_preemphasis);
	cr_assert_eq(ti.starting_lba, 0);
	const struct rawcd_disc *d = rawcd_creator_disc(c);
	cr_assert_eq(d->tracks[0].flags, RAWCD_FLAG_SCMS | RAWCD_FLAG_PRE);
	cr_assert_eq(rawcd_creator_track_info(c, 2, &ti), RAWCD_E_ARG);
}

Test(creator, isrc_on_a_data_track_refused)
{
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_MODE1_2048, feed_read, &feed, 300, NULL), RAWCD_OK);
	struct rawcd_track_info ti;
	cr_assert_eq(rawcd_creator_track_info(c, 1, &ti), RAWCD_OK);
	strcpy(ti.isrc, "USK7Y9812345");
	cr_assert_eq(rawcd_creator_set_track_info(c, 1, &ti), RAWCD_E_ARG);
}

Test(creator, read_only_after_create_result_image)
{
	cr_assert_eq(add(300), RAWCD_OK);
	rawcd_stream *s = NULL, *again = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &s), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_mcn(c, "4006381333931"), RAWCD_E_STATE);
	cr_assert(diag_has(diag, "E_IMAPI_RAW_IMAGE_IS_READ_ONLY"));
	cr_assert_eq(add(300), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_set_result_type(c, RAWCD_IMAGE_PQ16), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_add_track_index(c, 1, 150), RAWCD_E_STATE);
	cr_assert_eq(rawcd_creator_create_result_image(c, &again), RAWCD_E_STATE, "once only");
	cr_assert_null(again);
	cr_assert_eq(rawcd_creator_track_count(c), 1);
	rawcd_stream_free(s);
}

Test(creator, pq16_records)
{
	cr_assert_eq(rawcd_creator_set_result_type(c, RAWCD_IMAGE_PQ16), RAWCD_OK);
	cr_assert_eq(add(300), RAWCD_OK);
	rawcd_stream *s = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &s), RAWCD_OK);
	cr_assert_eq(rawcd_stream_record_size(s), 2368);
	cr_assert_eq(rawcd_stream_total(s), 22650 + 300 + 6750);
	uint8_t *rec;
	size_t n;
	cr_assert_eq(read_all_records(s, &rec, &n), RAWCD_OK);
	cr_assert_eq(n, 22650 + 300 + 6750);
	cr_assert_eq(feed.given, 300 * 2352, "each byte read once");
	const uint8_t *lba0 = rec + (size_t)22650 * 2368;
	for (size_t i = 0; i < 2352; i++)
		cr_assert_eq(lba0[i], (uint8_t)i, "main byte %zu of LBA 0", i);
	cr_assert_eq(lba0[2352] & 0x0F, 1, "ADR 1");
	cr_assert_eq(lba0[2353], 0x01, "TNO 01");
	cr_assert_eq(lba0[2354], 0x01, "INDEX 01");
	cr_assert(rawcd_q_crc_ok(lba0 + 2352));
	const uint8_t *first = rec;
	cr_assert_eq(first[2353], 0x00, "the first record is in the lead-in (TNO 0)");
	cr_assert_eq(first[2352 + 3], 0x95, "running time 95:00:00");
	free(rec);
	rawcd_stream_free(s);
}

Test(creator, rw_generator_fills_the_program_area)
{
	struct feed gen = {.rw = 0x15};
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_subcode_rw_generator(c, rw_read, &gen), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_result_type(c, RAWCD_IMAGE_PQ16), RAWCD_E_STATE, "PQ16 has no R-W");
	cr_assert_eq(rawcd_creator_add_subcode_rw_generator(c, rw_read, &gen), RAWCD_E_STATE);
	rawcd_stream *s = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &s), RAWCD_OK);
	uint8_t *rec;
	size_t n;
	cr_assert_eq(read_all_records(s, &rec, &n), RAWCD_OK);
	cr_assert_eq(gen.given, (uint64_t)(300 + 150) * 96, "(StartOfLeadout + 150) * 96 bytes");
	const uint8_t *pregap = rec + (size_t)(22650 - 150) * 2448 + 2352;
	const uint8_t *leadout = rec + (size_t)(22650 + 300) * 2448 + 2352;
	for (int i = 0; i < 96; i++) {
		cr_assert_eq(pregap[i] & 0x3F, 0x15, "R-W of LBA -150, byte %d", i);
		cr_assert_eq(leadout[i] & 0x3F, 0, "no R-W in the lead-out");
	}
	free(rec);
	rawcd_stream_free(s);
}

Test(creator, rw_generator_with_p_or_q_bits_fails_the_read)
{
	struct feed gen = {.rw = 0x40};
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_subcode_rw_generator(c, rw_read, &gen), RAWCD_OK);
	rawcd_stream *s = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &s), RAWCD_OK);
	uint8_t *rec;
	size_t n;
	cr_assert_eq(read_all_records(s, &rec, &n), RAWCD_E_INPUT);
	cr_assert(diag_has(diag, "bits 7 and 6"));
	free(rec);
	rawcd_stream_free(s);
}

Test(creator, callback_error_ends_the_read)
{
	feed.fail_at_call = 2;
	feed.fail_with = RAWCD_E_IO;
	cr_assert_eq(add(300), RAWCD_OK);
	rawcd_stream *s = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &s), RAWCD_OK);
	uint8_t *rec;
	size_t n;
	cr_assert_eq(read_all_records(s, &rec, &n), RAWCD_E_IO);
	cr_assert(diag_has(diag, "the read callback failed"));
	free(rec);
	rawcd_stream_free(s);
}

Test(creator, mode1_track_is_encoded)
{
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_MODE1_2048, feed_read, &feed, 300, NULL), RAWCD_OK);
	rawcd_stream *s = NULL;
	cr_assert_eq(rawcd_creator_create_result_image(c, &s), RAWCD_OK);
	uint8_t *rec;
	size_t n;
	cr_assert_eq(read_all_records(s, &rec, &n), RAWCD_OK);
	cr_assert_eq(feed.given, 300 * 2048);
	const uint8_t *lba0 = rec + (size_t)22650 * 2448;
	static const uint8_t sync[12] = {0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0};
	cr_assert_eq(memcmp(lba0, sync, 12), 0);
	cr_assert_eq(lba0[12], 0x00);
	cr_assert_eq(lba0[13], 0x02, "header 00:02:00");
	cr_assert_eq(lba0[15], 1, "Mode 1");
	cr_assert_eq(lba0[16], 0, "the first user byte");
	cr_assert_eq(lba0[17], 1);
	free(rec);
	rawcd_stream_free(s);
}

Test(creator, cdtext_items)
{
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_cdtext(c, 0, RAWCD_CDTEXT_TITLE, "Disc"), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_cdtext(c, 1, RAWCD_CDTEXT_PERFORMER, "Someone"), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_cdtext(c, 2, RAWCD_CDTEXT_TITLE, "x"), RAWCD_E_ARG);
	cr_assert_eq(rawcd_creator_set_cdtext(c, 0, RAWCD_CDTEXT_UPC_ISRC, "x"), RAWCD_E_ARG);
	const struct rawcd_disc *d = rawcd_creator_disc(c);
	cr_assert_str_eq(d->cdtext.item[RAWCD_CDTEXT_TITLE], "Disc");
	cr_assert_str_eq(d->tracks[0].cdtext.item[RAWCD_CDTEXT_PERFORMER], "Someone");
}

Test(creator, expected_toc_is_format_2)
{
	cr_assert_eq(add(300), RAWCD_OK);
	cr_assert_eq(add(450), RAWCD_OK);
	uint8_t toc[RAWCD_CREATOR_TOC_MAX];
	size_t len = 0;
	cr_assert_eq(rawcd_creator_expected_toc(c, toc, 10, &len), RAWCD_E_ARG);
	cr_assert_eq(rawcd_creator_expected_toc(c, toc, sizeof(toc), &len), RAWCD_OK);
	cr_assert_eq(len, 4 + 11 * 5, "A0, A1, A2 and two tracks");
	cr_assert_eq(toc[0] << 8 | toc[1], len - 2);
	/* A2 (lead-out) at LBA 750 = 00:12:00 */
	const uint8_t *a2 = toc + 4 + 2 * 11;
	cr_assert_eq(a2[3], 0xA2);
	cr_assert_eq(a2[8], 0);
	cr_assert_eq(a2[9], 12);
	cr_assert_eq(a2[10], 0);
}
