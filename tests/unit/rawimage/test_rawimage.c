/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The raw-image reader (src/rawimage/) on small images whose Q is written here, frame by frame, with our
 * own BCD and rawcd_q_set_crc(): the origin from the absolute time (majority, damaged frames skipped),
 * tracks and indexes from TNO/INDEX, CONTROL to flags, data modes from the sectors, MCN and ISRC, the
 * lead-in TOC, and the refusals (no usable Q, times that jump, TNOs out of order, a lead-in that says
 * another lead-out). pq16 and raw96 records give the same disc.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/rawimage.h"
#include "rawcd/subcode.h"
#include "rawimage/rawimage_internal.h"

#define MAX_RECORDS 1200

struct img {
	unsigned size; /* 2448 or 2368 */
	int32_t first_lba;
	size_t records;
	uint8_t *data;
};

static uint8_t bcd(unsigned v)
{
	return (uint8_t)((v / 10) << 4 | v % 10);
}

static void put_msf(uint8_t *p, int32_t lba)
{
	struct rawcd_msf m = rawcd_lba_to_msf(lba);
	p[0] = bcd(m.m);
	p[1] = bcd(m.s);
	p[2] = bcd(m.f);
}

static struct img img_new(unsigned size, int32_t first_lba, size_t records)
{
	struct img im = {.size = size, .first_lba = first_lba, .records = records};
	im.data = calloc(records, size);
	cr_assert(im.data);
	return im;
}

static void put_q(struct img *im, size_t rec, uint8_t q[RAWCD_Q_SIZE], bool good_crc)
{
	rawcd_q_set_crc(q);
	if (!good_crc)
		q[11] ^= 0x5A;
	uint8_t *sub = im->data + rec * im->size + RAWCD_SECTOR_SIZE;
	if (im->size == 2368) {
		memcpy(sub, q, RAWCD_Q_SIZE);
		return;
	}
	struct rawcd_subchannels sc = {0};
	memcpy(sc.q, q, RAWCD_Q_SIZE);
	rawcd_subcode_raw96(&sc, sub);
}

/* A position frame (ADR 1) at its own LBA, or at @p said. */
static void pos_at(struct img *im, int32_t lba, unsigned tno, unsigned index, unsigned control, int32_t said)
{
	uint8_t q[RAWCD_Q_SIZE] = {(uint8_t)(control << 4 | 1), tno == 0xAA ? 0xAA : bcd(tno), bcd(index)};
	put_msf(q + 7, said);
	put_q(im, (size_t)(lba - im->first_lba), q, true);
}

/* Records [from, to) as TNO/INDEX; relative time counted from @p rel0 (up), as ECMA-130 §22.3.3.3. */
static void run(struct img *im, int32_t from, int32_t to, unsigned tno, unsigned index, unsigned control, int32_t rel0)
{
	for (int32_t lba = from; lba < to; lba++) {
		uint8_t q[RAWCD_Q_SIZE] = {(uint8_t)(control << 4 | 1), tno == 0xAA ? 0xAA : bcd(tno), bcd(index)};
		int32_t rel = lba - rel0;
		put_msf(q + 3, (rel < 0 ? -rel : rel) - 150);
		put_msf(q + 7, lba);
		put_q(im, (size_t)(lba - im->first_lba), q, true);
	}
}

static void spoil_crc(struct img *im, int32_t lba)
{
	uint8_t q[RAWCD_Q_SIZE] = {0x01, 0x01, 0x01};
	put_q(im, (size_t)(lba - im->first_lba), q, false);
}

static void mode_sector(struct img *im, int32_t lba, uint8_t mode)
{
	uint8_t *m = im->data + (size_t)(lba - im->first_lba) * im->size;
	memset(m + 1, 0xFF, 10);
	m[15] = mode;
}

/* Track 1 audio (PRE) 0..399, track 2 data (DCP) with an INDEX 00 pregap 400..549, INDEX 01 at 550 and
 * INDEX 02 at 700, lead-out at 900; from LBA -150 (track 1's pregap). Track 2's sectors are Mode 2. */
static struct img two_tracks(unsigned size)
{
	struct img im = img_new(size, -150, 1050);
	run(&im, -150, 0, 1, 0, 0x1, 0);
	run(&im, 0, 400, 1, 1, 0x1, 0);
	run(&im, 400, 550, 2, 0, 0x6, 550);
	run(&im, 550, 700, 2, 1, 0x6, 550);
	run(&im, 700, 900, 2, 2, 0x6, 550);
	for (int32_t lba = 550; lba < 900; lba++)
		mode_sector(&im, lba, 2);
	return im;
}

static int load(const struct img *im, struct rawcd_disc **d, rawcd_diag **diag)
{
	*diag = rawcd_diag_new();
	cr_assert(*diag);
	return rcd_rawimage_load_mem(d, im->data, im->records * im->size, "t.raw", *diag);
}

static bool diag_has(const rawcd_diag *diag, const char *text)
{
	for (size_t i = 0; i < rawcd_diag_count(diag); i++)
		if (strstr(rawcd_diag_get(diag, i)->message, text))
			return true;
	return false;
}

static void expect_two_tracks(const struct rawcd_disc *d)
{
	cr_assert_eq(d->track_count, 2);
	cr_assert_eq(d->session_count, 1);
	const struct rawcd_track *t1 = &d->tracks[0], *t2 = &d->tracks[1];
	cr_expect_eq(t1->mode, RAWCD_MODE_AUDIO);
	cr_expect_eq(t1->flags, RAWCD_FLAG_PRE);
	cr_expect_eq(t1->start_lba, 0);
	cr_expect_eq(t1->index_count, 1);
	cr_expect_eq(t2->mode, RAWCD_MODE_MODE2_2352);
	cr_expect_eq(t2->flags, RAWCD_FLAG_DCP);
	cr_assert_eq(t2->index_count, 3);
	cr_expect_eq(t2->indexes[0].lba, 400);
	cr_expect_eq(t2->indexes[1].lba, 550);
	cr_expect_eq(t2->indexes[2].lba, 700);
	cr_expect_eq(t2->pregap_lba, 400);
	cr_expect_eq(rawcd_disc_leadout_lba(d), 900);
	cr_expect_eq(d->files[0].sectors, 900);
}

Test(rawimage, pq16_and_raw96_give_the_same_disc)
{
	for (unsigned size = 2368; size <= 2448; size += 80) {
		struct img im = two_tracks(size);
		cr_assert_eq(rawcd_rawimage_sniff(im.data, 16 * size), size);
		struct rawcd_disc *d = NULL;
		rawcd_diag *diag;
		cr_assert_eq(load(&im, &d, &diag), RAWCD_OK);
		expect_two_tracks(d);
		cr_expect_eq(d->files[0].byte_offset, 150u * size);
		cr_expect_eq(d->recorded_subcode.store, size == 2448 ? RAWCD_SUBSTORE_RAW96 : RAWCD_SUBSTORE_PQ16);
		cr_expect_eq(d->recorded_subcode.first_lba, -150);
		cr_expect_eq(d->recorded_subcode.sectors, 1050);
		cr_expect_eq(d->recorded_subcode.byte_offset, 2352);
		rawcd_disc_free(d);
		rawcd_diag_free(diag);
		free(im.data);
	}
}

Test(rawimage, bad_crcs_and_a_stray_time_are_skipped)
{
	struct img im = two_tracks(2368);
	spoil_crc(&im, -150);
	spoil_crc(&im, 549); /* the last pregap sector and the first of INDEX 01: the relative time places it */
	spoil_crc(&im, 550);
	pos_at(&im, 300, 1, 1, 0x1, 123); /* one frame whose time is wrong */
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag;
	cr_assert_eq(load(&im, &d, &diag), RAWCD_OK, "%s", rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	expect_two_tracks(d);
	cr_expect(diag_has(diag, "3 of its 1050 records have a Q frame with a bad CRC and 1 a time"));
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
	free(im.data);
}

Test(rawimage, mcn_and_isrc)
{
	struct img im = two_tracks(2448);
	uint8_t mcn[RAWCD_Q_SIZE] = {0x02, 0x01, 0x23, 0x45, 0x67, 0x89, 0x01, 0x20};
	put_q(&im, 170, mcn, true); /* LBA 20 */
	/* ISRC "US" "ABC" then 9912345: 6-bit codes U=0x25 S=0x23 A=0x11 B=0x12 C=0x13. */
	uint32_t bits = 0x25u << 26 | 0x23u << 20 | 0x11u << 14 | 0x12u << 8 | 0x13u << 2;
	uint8_t isrc[RAWCD_Q_SIZE] = {0x03, (uint8_t)(bits >> 24), (uint8_t)(bits >> 16), (uint8_t)(bits >> 8),
				      (uint8_t)bits, 0x99, 0x12, 0x34, 0x50};
	put_q(&im, 150 + 600, isrc, true); /* LBA 600, track 2 */
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag;
	cr_assert_eq(load(&im, &d, &diag), RAWCD_OK);
	cr_expect_str_eq(d->mcn, "0123456789012");
	cr_expect_str_eq(d->tracks[1].isrc, "USABC9912345");
	cr_expect_str_eq(d->tracks[0].isrc, "");
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
	free(im.data);
}

static void expect_refused(struct img *im, const char *text)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag;
	cr_expect_eq(load(im, &d, &diag), RAWCD_E_INPUT);
	cr_expect_null(d);
	cr_expect(diag_has(diag, text), "no diagnostic with \"%s\"", text);
	cr_expect_str_eq(rawcd_diag_get(diag, rawcd_diag_count(diag) - 1)->file, "t.raw");
	rawcd_diag_free(diag);
	free(im->data);
}

Test(rawimage, refusals)
{
	struct img im = two_tracks(2368);
	for (int32_t lba = -150; lba < 900; lba++) {
		spoil_crc(&im, lba);
		if (lba < -134) /* syncs in the first 16 records keep it a raw image; no Q frame is usable */
			mode_sector(&im, lba, 1);
	}
	expect_refused(&im, "no Q frame in them gives a track position with a valid CRC");

	im = two_tracks(2368);
	pos_at(&im, 300, 1, 1, 0x1, 100);
	pos_at(&im, 301, 1, 1, 0x1, 101);
	expect_refused(&im, "the Q time of record 450 says LBA 100");

	im = two_tracks(2448);
	run(&im, 600, 610, 4, 1, 0x6, 600);
	expect_refused(&im, "record 750 (LBA 600) is TNO 04 INDEX 01 in Q, after TNO 02 INDEX 01");

	im = two_tracks(2448);
	run(&im, 750, 760, 2, 1, 0x6, 550);
	expect_refused(&im, "record 900 (LBA 750) is TNO 02 INDEX 01 in Q, after TNO 02 INDEX 02");

	im = two_tracks(2448);
	run(&im, 0, 400, 1, 0, 0x1, 400);
	expect_refused(&im, "record 550 (LBA 400): a track begins, but the one before it has no INDEX 01");

	uint8_t rec[2 * 2352] = {0};
	cr_expect_eq(rawcd_rawimage_sniff(rec, sizeof(rec)), 0, "2352-byte audio is no raw image with subcode");
}

/* A lead-in of 150 sectors before the pregap: A0, A1, A2, 01, 02 on 3 sectors each, cycling. */
static void leadin(struct img *im, int32_t a2_lba)
{
	static const uint8_t points[] = {0xA0, 0xA1, 0xA2, 0x01, 0x02};
	for (int32_t lba = -300; lba < -150; lba++) {
		uint8_t p = points[(lba + 300) / 3 % 5];
		uint8_t q[RAWCD_Q_SIZE] = {p == 0x02 || p == 0xA1 || p == 0xA2 ? 0x61 : 0x11, 0, p};
		put_msf(q + 3, lba);
		if (p == 0xA0 || p == 0xA1)
			q[7] = p == 0xA0 ? 0x01 : 0x02;
		else
			put_msf(q + 7, p == 0xA2 ? a2_lba : p == 0x01 ? 0 : 550);
		put_q(im, (size_t)(lba - im->first_lba), q, true);
	}
}

static struct img with_leadin(int32_t a2_lba)
{
	struct img two = two_tracks(2448), im = img_new(2448, -300, 1200);
	memcpy(im.data + 150 * 2448, two.data, two.records * 2448);
	free(two.data);
	leadin(&im, a2_lba);
	return im;
}

Test(rawimage, leadin_toc)
{
	struct img im = with_leadin(900);
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag;
	cr_assert_eq(load(&im, &d, &diag), RAWCD_OK);
	expect_two_tracks(d);
	cr_expect_eq(rawcd_diag_count(diag), 0, "a lead-in that agrees gives no warning (first: %s)",
		     rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	cr_expect_eq(d->files[0].byte_offset, 300u * 2448);
	cr_expect_eq(d->recorded_subcode.first_lba, -300);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
	free(im.data);

	im = with_leadin(1000);
	expect_refused(&im, "the lead-in of session 1 puts its lead-out at 00:15:25");
}

Test(rawimage, leadin_take_sees_a_contradiction)
{
	struct rcd_leadin_toc toc = {0};
	uint8_t q[RAWCD_Q_SIZE] = {0x41, 0, 0x01, 0x99, 0x00, 0x00, 0, 0x00, 0x02, 0x00};
	rcd_leadin_take(&toc, q, 10);
	q[3] = 0x98; /* only the running time changes: the same item */
	rcd_leadin_take(&toc, q, 11);
	cr_expect_eq(toc.bad_record, 0);
	q[9] = 0x01;
	rcd_leadin_take(&toc, q, 12);
	cr_expect_eq(toc.bad_record, 13);
}
