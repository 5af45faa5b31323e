/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Recorded subcode in the sector stream (src/image/recorded_subcode.c): each store kind (CloneCD
 * channels, raw96 records, pq16 records) read in place of the generated subcode for the LBAs it covers,
 * generated elsewhere, Q differences counted, regenerate_subcode, and files that are cut or missing.
 * The records are written here from the generator's own frames, with some changed on purpose.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/stream.h"
#include "rawcd/subcode.h"

#include "image_fixture.h"

#define SECTORS 300

TestSuite(recsub, .init = fx_setup, .fini = fx_teardown);

static struct rawcd_disc *audio_disc(rawcd_diag **diag)
{
	uint8_t *a = calloc(SECTORS, S);
	cr_assert_not_null(a);
	fx_write("a.bin", a, (size_t)SECTORS * S);
	free(a);
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	return fx_load(diag);
}

/* What rawcd generates for LBA @p lba, the lead-in starting at -300 (as the stream's of the test that
 * starts there; the others do not reach the lead-in). */
static void generated(const struct rawcd_disc *d, int32_t lba, struct rawcd_subchannels *out)
{
	rawcd_subcode *sc;
	struct rawcd_subcode_options so = RAWCD_SUBCODE_OPTIONS_INIT;
	so.leadin_lba = -300;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, &so), RAWCD_OK);
	cr_assert_eq(rawcd_subcode_sector(sc, lba, NULL, out), RAWCD_OK);
	rawcd_subcode_free(sc);
}

/* The subcode of every LBA from opts->first_lba, through batches of 37. */
static struct rawcd_subchannels *stream_sub(const struct rawcd_disc *d, struct rawcd_stream_options *o,
					    rawcd_diag *diag, uint64_t *differ, uint64_t *compared, int32_t *first)
{
	rawcd_stream *st;
	o->subcode = true;
	cr_assert_eq(rawcd_stream_new(&st, d, o, diag), RAWCD_OK);
	size_t total = (size_t)rawcd_stream_total(st), at = 0, n;
	struct rawcd_subchannels *sub = calloc(total, sizeof(*sub));
	uint8_t *main = malloc(37 * (size_t)S);
	int32_t lba;
	do {
		cr_assert_eq(rawcd_stream_read_subcode(st, main, sub + at, 37, &n, &lba), RAWCD_OK);
		at += n;
	} while (n);
	cr_assert_eq(at, total);
	*differ = rawcd_stream_recorded_q_differences(st, compared, first);
	rawcd_stream_free(st);
	free(main);
	return sub;
}

static void set_record(struct rawcd_disc *d, enum rawcd_subcode_store store, const char *name, uint64_t offset,
		       unsigned size, int32_t first_lba, uint32_t sectors)
{
	d->recorded_subcode = (struct rawcd_recorded_subcode){.store = store, .path = strdup(fx_path(name)),
		.byte_offset = offset, .record_size = size, .first_lba = first_lba, .sectors = sectors};
}

static void change_q(struct rawcd_subchannels *s, bool fix_crc)
{
	s->q[5] ^= 0x01;
	if (fix_crc)
		rawcd_q_set_crc(s->q);
}

Test(recsub, raw96_records_replace_the_generated_subcode_and_differences_are_counted)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(&diag);
	struct rawcd_subchannels want[SECTORS];
	uint8_t *file = calloc(SECTORS, 2448);
	for (int32_t lba = 0; lba < SECTORS; lba++) {
		generated(d, lba, &want[lba]);
		if (lba >= 10 && lba < 15)
			change_q(&want[lba], lba % 2);
		if (lba == 20)
			for (int i = 0; i < 96; i++)
				want[lba].rw[i] = (uint8_t)(i & 0x3F);
		rawcd_subcode_raw96(&want[lba], file + (size_t)lba * 2448 + S);
	}
	fx_write("r.raw96", file, (size_t)SECTORS * 2448);
	set_record(d, RAWCD_SUBSTORE_RAW96, "r.raw96", S, 2448, 0, SECTORS);
	struct rawcd_stream_options o = RAWCD_STREAM_OPTIONS_INIT;
	uint64_t differ, compared;
	int32_t first = -1;
	struct rawcd_subchannels *sub = stream_sub(d, &o, diag, &differ, &compared, &first);
	for (int32_t lba = 0; lba < SECTORS; lba++)
		cr_assert(memcmp(&sub[lba], &want[lba], sizeof(want[lba])) == 0, "LBA %d is not as recorded", lba);
	cr_assert_eq(differ, 5);
	cr_assert_eq(compared, SECTORS);
	cr_assert_eq(first, 10);
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_WARNING, "5 of 300 recorded Q frames differ"), 1);
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_WARNING, "first at LBA 10"), 1);
	free(sub);
	free(file);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(recsub, pq16_records_give_p_and_q_and_r_w_stays_generated)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(&diag);
	struct rawcd_subchannels gen[SECTORS];
	uint8_t *file = calloc(SECTORS, 2368);
	for (int32_t lba = 0; lba < SECTORS; lba++) {
		generated(d, lba, &gen[lba]);
		struct rawcd_subchannels rec = gen[lba];
		if (lba >= 50 && lba < 53)
			change_q(&rec, true);
		if (lba == 60)
			memset(rec.p, 0xFF, sizeof(rec.p));
		rawcd_subcode_pq16(&rec, file + (size_t)lba * 2368 + S);
	}
	fx_write("r.pq16", file, (size_t)SECTORS * 2368);
	set_record(d, RAWCD_SUBSTORE_PQ16, "r.pq16", S, 2368, 0, SECTORS);
	struct rawcd_stream_options o = RAWCD_STREAM_OPTIONS_INIT;
	uint64_t differ, compared;
	int32_t first = -1;
	struct rawcd_subchannels *sub = stream_sub(d, &o, diag, &differ, &compared, &first);
	for (int32_t lba = 0; lba < SECTORS; lba++) {
		cr_assert_arr_eq(sub[lba].q, file + (size_t)lba * 2368 + S, 12, "LBA %d: Q as recorded", lba);
		cr_assert_arr_eq(sub[lba].rw, gen[lba].rw, 96, "LBA %d: R-W generated", lba);
		uint8_t p = lba == 60 ? 0xFF : 0x00;
		for (int i = 0; i < 12; i++)
			cr_assert_eq(sub[lba].p[i], p, "LBA %d: P byte %d", lba, i);
	}
	cr_assert_eq(differ, 3);
	cr_assert_eq(first, 50);
	free(sub);
	free(file);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(recsub, channels_cover_their_lbas_only_and_a_short_record_warns)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(&diag);
	enum { FIRST = -150, RECORDS = 200 }; /* the pregap and LBA 0 .. 49; the rest is generated */
	uint8_t *file = calloc(RECORDS, 96);
	struct rawcd_subchannels rec[RECORDS];
	for (int i = 0; i < RECORDS; i++) {
		generated(d, FIRST + i, &rec[i]);
		change_q(&rec[i], false);
		rec[i].rw[7] = 0x2A;
		rawcd_subcode_channels96(&rec[i], file + (size_t)i * 96);
	}
	fx_write("t.sub", file, (size_t)RECORDS * 96);
	set_record(d, RAWCD_SUBSTORE_CHANNELS, "t.sub", 0, 96, FIRST, RECORDS);
	struct rawcd_stream_options o = RAWCD_STREAM_OPTIONS_INIT;
	o.first_lba = -300;
	o.leadout_sectors = 20;
	uint64_t differ, compared;
	int32_t first = 0;
	struct rawcd_subchannels *sub = stream_sub(d, &o, diag, &differ, &compared, &first);
	for (int32_t lba = -300; lba < SECTORS + 20; lba++) {
		struct rawcd_subchannels g;
		generated(d, lba, &g);
		const struct rawcd_subchannels *got = &sub[lba + 300];
		bool covered = lba >= FIRST && lba < FIRST + RECORDS;
		const struct rawcd_subchannels *want = covered ? &rec[lba - FIRST] : &g;
		cr_assert(memcmp(got, want, sizeof(*want)) == 0, "LBA %d: %s", lba, covered ? "not as recorded" :
			  "not generated");
	}
	cr_assert_eq(differ, RECORDS);
	cr_assert_eq(compared, RECORDS);
	cr_assert_eq(first, FIRST);
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_WARNING, "the subcode from LBA 50 on is generated"), 1);
	free(sub);
	free(file);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(recsub, regenerate_ignores_the_record)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(&diag);
	uint8_t *file = calloc(SECTORS, 96);
	memset(file, 0x5A, (size_t)SECTORS * 96);
	fx_write("t.sub", file, (size_t)SECTORS * 96);
	set_record(d, RAWCD_SUBSTORE_CHANNELS, "t.sub", 0, 96, 0, SECTORS);
	struct rawcd_stream_options o = RAWCD_STREAM_OPTIONS_INIT;
	o.regenerate_subcode = true;
	uint64_t differ, compared;
	int32_t first = 7;
	struct rawcd_subchannels *sub = stream_sub(d, &o, diag, &differ, &compared, &first);
	for (int32_t lba = 0; lba < SECTORS; lba++) {
		struct rawcd_subchannels g;
		generated(d, lba, &g);
		cr_assert(memcmp(&sub[lba], &g, sizeof(g)) == 0, "LBA %d is not generated", lba);
	}
	cr_assert_eq(differ, 0);
	cr_assert_eq(compared, 0);
	cr_assert_eq(first, 7, "no first LBA without differences");
	cr_assert_eq(rawcd_diag_count(diag), 0);
	free(sub);
	free(file);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(recsub, a_cut_or_missing_record_file_is_refused_where_subcode_is_made)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(&diag);
	uint8_t junk[96 * 3 + 5] = {0};
	fx_write("t.sub", junk, sizeof(junk));
	set_record(d, RAWCD_SUBSTORE_CHANNELS, "t.sub", 0, 96, 0, 3);
	struct rawcd_stream_options o = RAWCD_STREAM_OPTIONS_INIT;
	o.subcode = true;
	rawcd_stream *st = NULL;
	cr_assert_eq(rawcd_stream_new(&st, d, &o, diag), RAWCD_E_INPUT);
	cr_assert_null(st);
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_ERROR, "not a whole number of 96-byte subcode records"), 1);
	o.subcode = false; /* no subcode: the record is not opened */
	cr_assert_eq(rawcd_stream_new(&st, d, &o, diag), RAWCD_OK);
	rawcd_stream_free(st);
	free(d->recorded_subcode.path);
	set_record(d, RAWCD_SUBSTORE_CHANNELS, "none.sub", 0, 96, 0, 3);
	o.subcode = true;
	cr_assert_eq(rawcd_stream_new(&st, d, &o, diag), RAWCD_E_INPUT);
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_ERROR, "cannot be opened"), 1);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
