/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_toc_encode() and rawcd_toc_decode(): exact READ TOC response bytes (MMC-6 §6.26.3) for formats
 * 0, 1 and 2, round trips, a real drive's full TOC, and malformed answers that must be refused.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/toc.h"

struct fx_track {
	unsigned session;
	enum rawcd_track_mode mode;
	unsigned flags;
	int32_t pregap_lba;
	int32_t start_lba;
};
struct fx_disc {
	struct rawcd_disc disc;
	struct rawcd_track tracks[RAWCD_MAX_TRACKS];
	struct rawcd_session sessions[RAWCD_MAX_TRACKS];
	struct rawcd_index indexes[RAWCD_MAX_TRACKS][2];
};
/* In test_toc_build.c. */
void fx_disc_build(struct fx_disc *fx, unsigned first_number, const struct fx_track *t, size_t n,
		   const int32_t *leadouts);

#define BUF_SIZE (4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS)

static struct fx_disc fx;
static struct rawcd_toc toc, back;
static uint8_t buf[BUF_SIZE];
static size_t len;

static void assert_bytes(const uint8_t *got, size_t got_len, const uint8_t *want, size_t want_len)
{
	cr_assert_eq(got_len, want_len, "length %zu, expected %zu", got_len, want_len);
	for (size_t i = 0; i < want_len; i++)
		cr_assert_eq(got[i], want[i], "byte %zu is %02X, expected %02X", i, got[i], want[i]);
}

static void assert_tracks_equal(const struct rawcd_toc *a, const struct rawcd_toc *b)
{
	cr_assert_eq(a->track_count, b->track_count);
	cr_assert_eq(a->leadout_lba, b->leadout_lba);
	cr_assert_eq(a->first_track, b->first_track);
	cr_assert_eq(a->last_track, b->last_track);
	for (size_t i = 0; i < a->track_count; i++) {
		const struct rawcd_toc_track *x = &a->tracks[i], *y = &b->tracks[i];
		cr_assert_eq(x->number, y->number, "track %zu number", i);
		cr_assert_eq(x->session, y->session, "track %zu session", i);
		cr_assert_eq(x->adr, y->adr, "track %zu adr", i);
		cr_assert_eq(x->control, y->control, "track %zu control", i);
		cr_assert_eq(x->start_lba, y->start_lba, "track %zu start", i);
		cr_assert_eq(x->length, y->length, "track %zu length", i);
	}
}

static void assert_toc_equal(const struct rawcd_toc *a, const struct rawcd_toc *b)
{
	assert_tracks_equal(a, b);
	cr_assert_eq(a->first_session, b->first_session);
	cr_assert_eq(a->last_session, b->last_session);
	cr_assert_eq(a->full_count, b->full_count);
	for (size_t i = 0; i < a->full_count; i++) {
		const struct rawcd_toc_descriptor *x = &a->full[i], *y = &b->full[i];
		cr_assert(x->session == y->session && x->adr == y->adr && x->control == y->control &&
				  x->tno == y->tno && x->point == y->point && x->min == y->min && x->sec == y->sec &&
				  x->frame == y->frame && x->zero == y->zero && x->pmin == y->pmin &&
				  x->psec == y->psec && x->pframe == y->pframe,
			  "descriptor %zu differs", i);
	}
}

static void one_mode1_track(void)
{
	const struct fx_track t[] = { { 1, RAWCD_MODE_MODE1_2352, 0, 0, 0 } };
	fx_disc_build(&fx, 1, t, 1, (const int32_t[]){ 302 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
}

static void cd_extra(void)
{
	const struct fx_track t[] = {
		{ 1, RAWCD_MODE_AUDIO, RAWCD_FLAG_DCP, 0, 0 },
		{ 1, RAWCD_MODE_AUDIO, RAWCD_FLAG_PRE, 14850, 15000 },
		{ 2, RAWCD_MODE_MODE2_2352, 0, 41250, 41400 },
	};
	fx_disc_build(&fx, 1, t, 3, (const int32_t[]){ 30000, 50000 });
	fx.sessions[1].disc_type = 0x20;
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
}

/* ---- exact bytes ---- */

Test(toc_bytes, format0_lba)
{
	one_mode1_track();
	const uint8_t want[] = {
		0x00, 0x12, 0x01, 0x01,
		0x00, 0x14, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x14, 0xAA, 0x00, 0x00, 0x00, 0x01, 0x2E,
	};
	cr_assert_eq(rawcd_toc_encode(&toc, 0, false, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, want, sizeof(want));
}

Test(toc_bytes, format0_msf)
{
	one_mode1_track();
	/* LBA 0 = 00:02:00; the lead-out 302 + 150 = 452 frames = 00:06:02. */
	const uint8_t want[] = {
		0x00, 0x12, 0x01, 0x01,
		0x00, 0x14, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00,
		0x00, 0x14, 0xAA, 0x00, 0x00, 0x00, 0x06, 0x02,
	};
	cr_assert_eq(rawcd_toc_encode(&toc, 0, true, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, want, sizeof(want));
}

Test(toc_bytes, format0_multisession)
{
	cd_extra();
	/* Tracks of every session; the lead-out is the last session's, with the last track's CONTROL.
	 * 41400 = 0x0000A1B8, 50000 = 0x0000C350. */
	const uint8_t want[] = {
		0x00, 0x22, 0x01, 0x03,
		0x00, 0x12, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x11, 0x02, 0x00, 0x00, 0x00, 0x3A, 0x98,
		0x00, 0x14, 0x03, 0x00, 0x00, 0x00, 0xA1, 0xB8,
		0x00, 0x14, 0xAA, 0x00, 0x00, 0x00, 0xC3, 0x50,
	};
	cr_assert_eq(rawcd_toc_encode(&toc, 0, false, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, want, sizeof(want));
}

Test(toc_bytes, format1)
{
	one_mode1_track();
	const uint8_t one[] = { 0x00, 0x0A, 0x01, 0x01, 0x00, 0x14, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00 };
	cr_assert_eq(rawcd_toc_encode(&toc, 1, false, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, one, sizeof(one));

	cd_extra();
	/* Sessions 1-2; the first track of session 2 is track 3 at 41400 = 09:14:00 as MSF. */
	const uint8_t two[] = { 0x00, 0x0A, 0x01, 0x02, 0x00, 0x14, 0x03, 0x00, 0x00, 0x09, 0x0E, 0x00 };
	cr_assert_eq(rawcd_toc_encode(&toc, 1, true, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, two, sizeof(two));
}

Test(toc_bytes, format2_single_session)
{
	one_mode1_track();
	const uint8_t want[] = {
		0x00, 0x2E, 0x01, 0x01,
		0x01, 0x14, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x01, 0x14, 0x00, 0xA1, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x01, 0x14, 0x00, 0xA2, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x02,
		0x01, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00,
	};
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, want, sizeof(want));
	/* The MSF bit does not change format 2: it is always MSF. */
	cr_assert_eq(rawcd_toc_encode(&toc, 2, true, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, want, sizeof(want));
}

Test(toc_bytes, format2_b0_c0)
{
	cd_extra();
	const uint8_t want[] = {
		0x00, 0x7B, 0x01, 0x02,
		0x01, 0x12, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x01, 0x11, 0x00, 0xA1, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
		0x01, 0x11, 0x00, 0xA2, 0x00, 0x00, 0x00, 0x00, 0x06, 0x2A, 0x00, /* 06:42:00 */
		0x01, 0x12, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00,
		0x01, 0x11, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x03, 0x16, 0x00, /* 03:22:00 */
		0x01, 0x51, 0x00, 0xB0, 0x09, 0x0C, 0x00, 0x02, 0x4F, 0x3B, 0x4A, /* 09:12:00, 2, 79:59:74 */
		0x01, 0x51, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x5F, 0x00, 0x00, /* 95:00:00 */
		0x02, 0x14, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x03, 0x20, 0x00, /* CD-ROM XA */
		0x02, 0x14, 0x00, 0xA1, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00,
		0x02, 0x14, 0x00, 0xA2, 0x00, 0x00, 0x00, 0x00, 0x0B, 0x08, 0x32, /* 11:08:50 */
		0x02, 0x14, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x09, 0x0E, 0x00, /* 09:14:00 */
	};
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, want, sizeof(want));
}

Test(toc_bytes, encode_errors)
{
	one_mode1_track();
	cr_assert_eq(rawcd_toc_encode(&toc, 0, false, buf, 19, &len), RAWCD_E_ARG, "one byte short");
	cr_assert_eq(rawcd_toc_encode(&toc, 0, false, buf, 20, &len), RAWCD_OK);
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, buf, 47, &len), RAWCD_E_ARG);
	cr_assert_eq(rawcd_toc_encode(&toc, 1, false, buf, 11, &len), RAWCD_E_ARG);
	cr_assert_eq(rawcd_toc_encode(&toc, 5, false, buf, sizeof(buf), &len), RAWCD_E_UNSUPPORTED);
	cr_assert_eq(rawcd_toc_encode(&toc, 4, false, buf, sizeof(buf), &len), RAWCD_E_UNSUPPORTED);
	cr_assert_eq(rawcd_toc_encode(&toc, 16, false, buf, sizeof(buf), &len), RAWCD_E_ARG);
	cr_assert_eq(rawcd_toc_encode(&toc, -1, false, buf, sizeof(buf), &len), RAWCD_E_ARG);
	cr_assert_eq(rawcd_toc_encode(NULL, 0, false, buf, sizeof(buf), &len), RAWCD_E_ARG);
	len = 1234;
	toc.full_count = 0;
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, buf, sizeof(buf), &len), RAWCD_E_UNSUPPORTED);
	cr_assert_eq(len, 1234, "out_len is set only on success");
}

/* ---- round trips ---- */

static void round_trip_all(void)
{
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, buf, sizeof(buf), &len), RAWCD_OK);
	memset(&back, 0x5A, sizeof(back));
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_OK);
	assert_toc_equal(&toc, &back);
}

Test(toc_bytes, round_trip_format2)
{
	one_mode1_track();
	round_trip_all();
	cd_extra();
	round_trip_all();

	/* Three sessions, first track 5, audio flags, 20 tracks in session 1. */
	struct fx_track t[22];
	for (size_t i = 0; i < 20; i++)
		t[i] = (struct fx_track){ 1, RAWCD_MODE_AUDIO, i % 3 == 0 ? RAWCD_FLAG_DCP : RAWCD_FLAG_4CH,
					  (int32_t)i * 9000, (int32_t)i * 9000 + (i ? 150 : 0) };
	t[20] = (struct fx_track){ 2, RAWCD_MODE_MODE1_2048, 0, 200000 + 11250, 200000 + 11400 };
	t[21] = (struct fx_track){ 3, RAWCD_MODE_MODE2_2352, 0, 250000 + 11250, 250000 + 11400 };
	fx_disc_build(&fx, 5, t, 22, (const int32_t[]){ 200000, 250000, 300000 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
	round_trip_all();
	cr_assert_eq(back.tracks[19].length, 200000 - 171150);
	cr_assert_eq(back.tracks[20].session, 2);
	cr_assert_eq(back.first_track, 5);
	cr_assert_eq(back.last_track, 26);
}

Test(toc_bytes, round_trip_format0)
{
	const struct fx_track t[] = {
		{ 1, RAWCD_MODE_AUDIO, 0, 0, 33 },
		{ 1, RAWCD_MODE_AUDIO, RAWCD_FLAG_PRE, 20000, 20100 },
		{ 1, RAWCD_MODE_MODE1_2352, 0, 30000, 30150 },
	};
	fx_disc_build(&fx, 1, t, 3, (const int32_t[]){ 45678 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
	for (int msf = 0; msf < 2; msf++) {
		cr_assert_eq(rawcd_toc_encode(&toc, 0, msf, buf, sizeof(buf), &len), RAWCD_OK);
		cr_assert_eq(rawcd_toc_decode(&back, 0, msf, buf, len), RAWCD_OK);
		assert_tracks_equal(&toc, &back);
		cr_assert_eq(back.full_count, 0, "format 0 has no full TOC");
		cr_assert_eq(back.last_session, 1);
	}
}

Test(toc_bytes, decode_format1)
{
	cd_extra();
	cr_assert_eq(rawcd_toc_encode(&toc, 1, false, buf, sizeof(buf), &len), RAWCD_OK);
	cr_assert_eq(rawcd_toc_decode(&back, 1, false, buf, len), RAWCD_OK);
	cr_assert_eq(back.first_session, 1);
	cr_assert_eq(back.last_session, 2);
	cr_assert_eq(back.track_count, 1);
	cr_assert_eq(back.tracks[0].number, 3);
	cr_assert_eq(back.tracks[0].session, 2);
	cr_assert_eq(back.tracks[0].control, 4);
	cr_assert_eq(back.tracks[0].start_lba, 41400);
	cr_assert_eq(back.leadout_lba, 0);
}

/* A real drive's answer: `readcd -fulltoc` of a two-session data CD whose second session is still open
 * (B0 in session 2, C0 with a recording power and the ATIP lead-in 97:34:21), published by Herong Yang,
 * "readcd -fulltoc - Multi-Session Data CD Sample". readcd reported lead-outs 118715 and 135210. */
Test(toc_bytes, decode_real_multisession_full_toc)
{
	const uint8_t real[] = {
		0x00, 0x7B, 0x01, 0x02,
		0x01, 0x14, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x00,
		0x01, 0x14, 0x00, 0xA1, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x01, 0x14, 0x00, 0xA2, 0x00, 0x00, 0x00, 0x00, 0x1A, 0x18, 0x41,
		0x01, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00,
		0x01, 0x54, 0x00, 0xB0, 0x1C, 0x36, 0x41, 0x02, 0x4A, 0x2B, 0x00,
		0x01, 0x54, 0x00, 0xC0, 0x80, 0x00, 0x00, 0x00, 0x61, 0x22, 0x15,
		0x02, 0x14, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x02, 0x20, 0x00,
		0x02, 0x14, 0x00, 0xA1, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
		0x02, 0x14, 0x00, 0xA2, 0x00, 0x00, 0x00, 0x00, 0x1E, 0x04, 0x3C,
		0x02, 0x14, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x1C, 0x38, 0x41,
		0x02, 0x54, 0x00, 0xB0, 0x1F, 0x22, 0x3C, 0x01, 0x4A, 0x2B, 0x00,
	};
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, real, sizeof(real)), RAWCD_OK);
	cr_assert_eq(back.first_session, 1);
	cr_assert_eq(back.last_session, 2);
	cr_assert_eq(back.first_track, 1);
	cr_assert_eq(back.last_track, 2);
	cr_assert_eq(back.leadout_lba, 135210);
	cr_assert_eq(back.track_count, 2);
	cr_assert_eq(back.tracks[0].start_lba, 0);
	cr_assert_eq(back.tracks[0].length, 118715, "to session 1's lead-out");
	cr_assert_eq(back.tracks[1].session, 2);
	cr_assert_eq(back.tracks[1].start_lba, 130115); /* 28:56:65 */
	cr_assert_eq(back.tracks[1].length, 135210 - 130115);
	cr_assert_eq(back.full_count, 11);
	cr_assert_eq(back.full[5].point, 0xC0);
	cr_assert_eq(back.full[5].min, 0x80);
	cr_assert_eq(back.full[10].zero, 1);
	/* Encoding it again gives the drive's bytes back. */
	cr_assert_eq(rawcd_toc_encode(&back, 2, false, buf, sizeof(buf), &len), RAWCD_OK);
	assert_bytes(buf, len, real, sizeof(real));
}

/* ---- malformed answers ---- */

Test(toc_bytes, rejects_truncated_and_bad_lengths)
{
	one_mode1_track();
	cr_assert_eq(rawcd_toc_encode(&toc, 0, false, buf, sizeof(buf), &len), RAWCD_OK);
	memset(&back, 0x77, sizeof(back));
	cr_assert_eq(rawcd_toc_decode(&back, 0, false, buf, len - 1), RAWCD_E_FORMAT, "truncated");
	cr_assert_eq(back.first_track, 0x77777777u, "out untouched on failure");
	cr_assert_eq(rawcd_toc_decode(&back, 0, false, buf, 3), RAWCD_E_FORMAT, "shorter than a header");
	cr_assert_eq(rawcd_toc_decode(&back, 0, false, buf, 0), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_toc_decode(&back, 0, false, buf, len + 30), RAWCD_OK, "trailing bytes ignored");

	buf[1] = 0x11; /* 17: not 2 + 8k */
	cr_assert_eq(rawcd_toc_decode(&back, 0, false, buf, len), RAWCD_E_FORMAT);
	buf[1] = 0x0A; /* only the track descriptor: no lead-out */
	cr_assert_eq(rawcd_toc_decode(&back, 0, false, buf, len), RAWCD_E_FORMAT);

	cr_assert_eq(rawcd_toc_encode(&toc, 1, false, buf, sizeof(buf), &len), RAWCD_OK);
	buf[1] = 0x12;
	cr_assert_eq(rawcd_toc_decode(&back, 1, false, buf, 20), RAWCD_E_FORMAT, "format 1 is always 0x000A");

	cr_assert_eq(rawcd_toc_decode(&back, 4, false, buf, len), RAWCD_E_UNSUPPORTED);
	cr_assert_eq(rawcd_toc_decode(NULL, 0, false, buf, len), RAWCD_E_ARG);
}

Test(toc_bytes, rejects_one_format_decoded_as_another)
{
	/* Format 0 of 1, 2 and 3 tracks decoded as format 2: 16, 24, 32 bytes of descriptors are no
	 * multiple of 11. */
	struct fx_track t[10];
	for (size_t i = 0; i < 10; i++)
		t[i] = (struct fx_track){ 1, RAWCD_MODE_AUDIO, 0, (int32_t)i * 1000, (int32_t)i * 1000 };
	for (size_t n = 1; n <= 10; n++) {
		fx_disc_build(&fx, 1, t, n, (const int32_t[]){ 20000 });
		cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
		cr_assert_eq(rawcd_toc_encode(&toc, 0, false, buf, sizeof(buf), &len), RAWCD_OK);
		/* With 10 tracks, 88 bytes are 8 descriptors of 11: the session byte (reserved 0) catches it. */
		cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "%zu tracks", n);
		cr_assert_eq(rawcd_toc_decode(&back, 1, false, buf, len), RAWCD_E_FORMAT, "%zu tracks", n);
	}

	/* Format 2 decoded as format 0: 5 tracks give 8 descriptors of 11 = 88 bytes = 11 of 8. */
	fx_disc_build(&fx, 1, t, 5, (const int32_t[]){ 20000 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, buf, sizeof(buf), &len), RAWCD_OK);
	cr_assert_eq(len, 4 + 88);
	cr_assert_eq(rawcd_toc_decode(&back, 0, false, buf, len), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_OK);
}

static void encode_cd_extra_full(void)
{
	cd_extra();
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, buf, sizeof(buf), &len), RAWCD_OK);
}

#define DESC(i) (buf + 4 + 11 * (i))

Test(toc_bytes, rejects_bad_full_toc_values)
{
	encode_cd_extra_full();
	DESC(3)[9] = 60; /* track 1 PSEC 60 */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "sec 60");

	encode_cd_extra_full();
	DESC(2)[10] = 75; /* A2 PFRAME 75 */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "frame 75");

	encode_cd_extra_full();
	DESC(5)[5] = 61; /* B0 SEC */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "B0 sec 61");

	encode_cd_extra_full();
	DESC(4)[3] = 0x01; /* track 2 becomes a second track 1 */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "track numbers not ascending");

	encode_cd_extra_full();
	DESC(7)[0] = 1; /* session 2's A0 claims session 1, after session... still ascending: fine */
	DESC(8)[0] = 1;
	DESC(9)[0] = 3; /* beyond the header's last session */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "session out of range");

	encode_cd_extra_full();
	DESC(10)[0] = 1; /* track 3 back in session 1 after session 2 items */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "sessions decreasing");

	encode_cd_extra_full();
	DESC(4)[8] = 0x0A; /* track 2 starts after session 1's lead-out (10:22:00 > 06:42:00) */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "track beyond its lead-out");

	encode_cd_extra_full();
	DESC(9)[3] = 0xA3; /* no valid ADR-1 point */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "point A3");

	encode_cd_extra_full();
	DESC(8)[8] = 4; /* A1 of the last session says track 4, the last track is 3 */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "A1 disagrees");

	encode_cd_extra_full();
	DESC(9)[1] = 0x54; /* the last A2 as ADR 5: session 2 has no lead-out */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "no A2");

	encode_cd_extra_full();
	buf[2] = 0; /* first session 0 */
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_E_FORMAT, "session 0");

	encode_cd_extra_full();
	cr_assert_eq(rawcd_toc_decode(&back, 2, false, buf, len), RAWCD_OK, "the untouched bytes decode");
}

Test(toc_bytes, rejects_bad_formatted_toc_values)
{
	const uint8_t good[] = {
		0x00, 0x1A, 0x01, 0x02,
		0x00, 0x10, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00,
		0x00, 0x10, 0x02, 0x00, 0x00, 0x04, 0x02, 0x10,
		0x00, 0x10, 0xAA, 0x00, 0x00, 0x08, 0x00, 0x00,
	};
	uint8_t b[sizeof(good)];
	memcpy(b, good, sizeof(b));
	cr_assert_eq(rawcd_toc_decode(&back, 0, true, b, sizeof(b)), RAWCD_OK);
	cr_assert_eq(back.tracks[1].start_lba, (4 * 60 + 2) * 75 + 16 - 150);
	cr_assert_eq(back.tracks[1].length, (uint32_t)(8 * 60 * 75 - 150 - back.tracks[1].start_lba));

	b[18] = 60;
	cr_assert_eq(rawcd_toc_decode(&back, 0, true, b, sizeof(b)), RAWCD_E_FORMAT, "sec 60");
	memcpy(b, good, sizeof(b));
	b[19] = 75;
	cr_assert_eq(rawcd_toc_decode(&back, 0, true, b, sizeof(b)), RAWCD_E_FORMAT, "frame 75");
	memcpy(b, good, sizeof(b));
	b[14] = 0x01;
	cr_assert_eq(rawcd_toc_decode(&back, 0, true, b, sizeof(b)), RAWCD_E_FORMAT, "track 1 twice");
	memcpy(b, good, sizeof(b));
	b[22] = 0x03;
	cr_assert_eq(rawcd_toc_decode(&back, 0, true, b, sizeof(b)), RAWCD_E_FORMAT, "no AAh at the end");
	memcpy(b, good, sizeof(b));
	b[25] = 0x03;
	cr_assert_eq(rawcd_toc_decode(&back, 0, true, b, sizeof(b)), RAWCD_E_FORMAT, "lead-out before track 2");
	memcpy(b, good, sizeof(b));
	b[3] = 0x01;
	cr_assert_eq(rawcd_toc_decode(&back, 0, true, b, sizeof(b)), RAWCD_E_FORMAT, "track 2 beyond last");
	memcpy(b, good, sizeof(b));
	/* As LBAs these addresses are 512, 262672 and 524288: the lead-out is beyond 89:59:74. */
	cr_assert_eq(rawcd_toc_decode(&back, 0, false, b, sizeof(b)), RAWCD_E_FORMAT, "LBA out of range");
}
