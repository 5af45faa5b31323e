/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_toc_from_disc(): tracks, A0/A1/A2/track points and the multisession B0/C0 items of hand-built,
 * laid-out discs. This file also holds the disc fixture the other TOC tests use (fx_*).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/toc.h"

/* ---- fixture: a laid-out disc filled in by hand ---- */

struct fx_track {
	unsigned session;
	enum rawcd_track_mode mode;
	unsigned flags;
	int32_t pregap_lba; /* INDEX 00 (= start_lba when there is none) */
	int32_t start_lba;  /* INDEX 01 */
};

struct fx_disc {
	struct rawcd_disc disc;
	struct rawcd_track tracks[RAWCD_MAX_TRACKS];
	struct rawcd_session sessions[RAWCD_MAX_TRACKS];
	struct rawcd_index indexes[RAWCD_MAX_TRACKS][2];
};

void fx_disc_build(struct fx_disc *fx, unsigned first_number, const struct fx_track *t, size_t n,
		   const int32_t *leadouts);

/* Tracks numbered from first_number; session s (1-based) ends at leadouts[s - 1]. Lengths, end LBAs and
 * indexes follow from the starts, as rawcd_disc_layout() would set them. */
void fx_disc_build(struct fx_disc *fx, unsigned first_number, const struct fx_track *t, size_t n,
		   const int32_t *leadouts)
{
	memset(fx, 0, sizeof(*fx));
	fx->disc.tracks = fx->tracks;
	fx->disc.track_count = n;
	fx->disc.sessions = fx->sessions;
	fx->disc.laid_out = true;
	for (size_t i = 0; i < n; i++) {
		struct rawcd_track *tr = &fx->tracks[i];
		unsigned s = t[i].session;
		bool last_in_session = i + 1 == n || t[i + 1].session != s;
		tr->number = first_number + (unsigned)i;
		tr->session = s;
		tr->mode = t[i].mode;
		tr->flags = t[i].flags;
		tr->pregap_lba = t[i].pregap_lba;
		tr->start_lba = t[i].start_lba;
		tr->end_lba = last_in_session ? leadouts[s - 1] : t[i + 1].pregap_lba;
		tr->length = (uint32_t)((last_in_session ? leadouts[s - 1] : t[i + 1].start_lba) - t[i].start_lba);
		tr->indexes = fx->indexes[i];
		if (t[i].pregap_lba < t[i].start_lba)
			fx->indexes[i][tr->index_count++] = (struct rawcd_index){ .number = 0, .lba = t[i].pregap_lba };
		fx->indexes[i][tr->index_count++] = (struct rawcd_index){ .number = 1, .lba = t[i].start_lba };

		struct rawcd_session *sess = &fx->sessions[s - 1];
		if (sess->track_count == 0) {
			sess->number = s;
			sess->first_track = i;
			sess->leadout_lba = leadouts[s - 1];
			sess->leadout_length = 6750;
			sess->leadin_length = 4500;
			fx->disc.session_count = s;
		}
		sess->track_count++;
	}
	fx->disc.last_used_user_sector = leadouts[fx->disc.session_count - 1] - 1;
}

/* ---- tests ---- */

static struct fx_disc fx;
static struct rawcd_toc toc;

static void assert_desc(const struct rawcd_toc_descriptor *d, unsigned session, unsigned adr,
			unsigned control, unsigned point, const unsigned msf[3], unsigned zero, const unsigned p[3])
{
	cr_assert_eq(d->session, session, "session of point %02X", point);
	cr_assert_eq(d->adr, adr, "adr of point %02X", point);
	cr_assert_eq(d->control, control, "control of point %02X: %u", point, d->control);
	cr_assert_eq(d->tno, 0);
	cr_assert_eq(d->point, point);
	cr_assert_eq(d->min, msf[0], "min of point %02X", point);
	cr_assert_eq(d->sec, msf[1], "sec of point %02X", point);
	cr_assert_eq(d->frame, msf[2], "frame of point %02X", point);
	cr_assert_eq(d->zero, zero, "zero of point %02X", point);
	cr_assert_eq(d->pmin, p[0], "pmin of point %02X: %u", point, d->pmin);
	cr_assert_eq(d->psec, p[1], "psec of point %02X: %u", point, d->psec);
	cr_assert_eq(d->pframe, p[2], "pframe of point %02X: %u", point, d->pframe);
}

#define MSF(a, b, c) ((const unsigned[3]){ (a), (b), (c) })
#define Z MSF(0, 0, 0)

Test(toc_build, one_mode1_track)
{
	/* libcdio isofs-m1: one Mode 1 track at LBA 0, lead-out at 302 (00:06:02). */
	const struct fx_track t[] = { { 1, RAWCD_MODE_MODE1_2352, 0, 0, 0 } };
	fx_disc_build(&fx, 1, t, 1, (const int32_t[]){ 302 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);

	cr_assert_eq(toc.first_track, 1);
	cr_assert_eq(toc.last_track, 1);
	cr_assert_eq(toc.first_session, 1);
	cr_assert_eq(toc.last_session, 1);
	cr_assert_eq(toc.leadout_lba, 302);
	cr_assert_eq(toc.track_count, 1);
	cr_assert_eq(toc.tracks[0].number, 1);
	cr_assert_eq(toc.tracks[0].session, 1);
	cr_assert_eq(toc.tracks[0].adr, 1);
	cr_assert_eq(toc.tracks[0].control, 4);
	cr_assert_eq(toc.tracks[0].start_lba, 0);
	cr_assert_eq(toc.tracks[0].length, 302);
	cr_assert_str_eq(toc.mcn, "");
	cr_assert_str_eq(toc.tracks[0].isrc, "");

	cr_assert_eq(toc.full_count, 4);
	assert_desc(&toc.full[0], 1, 1, 4, 0xA0, Z, 0, MSF(1, 0x00, 0));
	assert_desc(&toc.full[1], 1, 1, 4, 0xA1, Z, 0, MSF(1, 0, 0));
	assert_desc(&toc.full[2], 1, 1, 4, 0xA2, Z, 0, MSF(0, 6, 2));
	assert_desc(&toc.full[3], 1, 1, 4, 0x01, Z, 0, MSF(0, 2, 0));
}

Test(toc_build, audio_controls_and_lengths)
{
	/* Track 1 DCP (2), track 2 PRE (1) with a 150-sector INDEX 00, track 3 4CH + SCMS (8: SCMS is not a
	 * CONTROL bit). A0 takes the first track's CONTROL, A1 and A2 the last one's. */
	const struct fx_track t[] = {
		{ 1, RAWCD_MODE_AUDIO, RAWCD_FLAG_DCP, 0, 0 },
		{ 1, RAWCD_MODE_AUDIO, RAWCD_FLAG_PRE, 18000, 18150 },
		{ 1, RAWCD_MODE_AUDIO, RAWCD_FLAG_4CH | RAWCD_FLAG_SCMS, 40000, 40000 },
	};
	fx_disc_build(&fx, 1, t, 3, (const int32_t[]){ 60000 });
	strcpy(fx.disc.mcn, "0602517818866");
	strcpy(fx.tracks[1].isrc, "GBUM70808708");
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
	/* the MCN and the ISRCs are the model's, "" where it has none */
	cr_assert_str_eq(toc.mcn, "0602517818866");
	cr_assert_str_eq(toc.tracks[0].isrc, "");
	cr_assert_str_eq(toc.tracks[1].isrc, "GBUM70808708");
	cr_assert_str_eq(toc.tracks[2].isrc, "");

	cr_assert_eq(toc.track_count, 3);
	cr_assert_eq(toc.tracks[0].control, 2);
	cr_assert_eq(toc.tracks[1].control, 1);
	cr_assert_eq(toc.tracks[2].control, 8);
	/* Lengths run from INDEX 01 to the next INDEX 01 (the pregap counts to the track before). */
	cr_assert_eq(toc.tracks[0].length, 18150);
	cr_assert_eq(toc.tracks[1].length, 21850);
	cr_assert_eq(toc.tracks[2].length, 20000);
	for (size_t i = 0; i < 3; i++)
		cr_assert_eq(toc.tracks[i].length, fx.tracks[i].length, "track %zu agrees with the layout", i + 1);

	cr_assert_eq(toc.full_count, 6);
	assert_desc(&toc.full[0], 1, 1, 2, 0xA0, Z, 0, MSF(1, 0, 0));
	assert_desc(&toc.full[1], 1, 1, 8, 0xA1, Z, 0, MSF(3, 0, 0));
	/* 60000 + 150 = 60150 frames = 13:22:00 */
	assert_desc(&toc.full[2], 1, 1, 8, 0xA2, Z, 0, MSF(13, 22, 0));
	assert_desc(&toc.full[3], 1, 1, 2, 0x01, Z, 0, MSF(0, 2, 0));
	/* 18150 + 150 = 18300 = 4:04:00 */
	assert_desc(&toc.full[4], 1, 1, 1, 0x02, Z, 0, MSF(4, 4, 0));
	/* 40150 = 8:55:25 */
	assert_desc(&toc.full[5], 1, 1, 8, 0x03, Z, 0, MSF(8, 55, 25));
}

Test(toc_build, first_track_not_one)
{
	/* libcdio cdda_4_5.cue: the first track is number 4. */
	const struct fx_track t[] = {
		{ 1, RAWCD_MODE_AUDIO, 0, 0, 0 },
		{ 1, RAWCD_MODE_AUDIO, 0, 150, 150 },
	};
	fx_disc_build(&fx, 4, t, 2, (const int32_t[]){ 302 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
	cr_assert_eq(toc.first_track, 4);
	cr_assert_eq(toc.last_track, 5);
	cr_assert_eq(toc.tracks[0].number, 4);
	cr_assert_eq(toc.tracks[1].number, 5);
	cr_assert_eq(toc.tracks[1].length, 152);
	assert_desc(&toc.full[0], 1, 1, 0, 0xA0, Z, 0, MSF(4, 0, 0));
	assert_desc(&toc.full[1], 1, 1, 0, 0xA1, Z, 0, MSF(5, 0, 0));
	cr_assert_eq(toc.full[3].point, 4);
	cr_assert_eq(toc.full[4].point, 5);
}

Test(toc_build, cd_extra_two_sessions)
{
	/* Two audio tracks, lead-out at 30000; session 2 (CD-ROM XA) holds a Mode 2 track 11,400 sectors
	 * later, at 41400 (INDEX 00 at 41250), lead-out 50000. */
	const struct fx_track t[] = {
		{ 1, RAWCD_MODE_AUDIO, 0, 0, 0 },
		{ 1, RAWCD_MODE_AUDIO, 0, 15000, 15000 },
		{ 2, RAWCD_MODE_MODE2_2352, 0, 41250, 41400 },
	};
	fx_disc_build(&fx, 1, t, 3, (const int32_t[]){ 30000, 50000 });
	fx.sessions[1].disc_type = 0x20;
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);

	cr_assert_eq(toc.first_session, 1);
	cr_assert_eq(toc.last_session, 2);
	cr_assert_eq(toc.first_track, 1);
	cr_assert_eq(toc.last_track, 3);
	cr_assert_eq(toc.leadout_lba, 50000);
	cr_assert_eq(toc.tracks[1].session, 1);
	cr_assert_eq(toc.tracks[1].length, 15000, "to its session's lead-out, not to track 3");
	cr_assert_eq(toc.tracks[2].session, 2);
	cr_assert_eq(toc.tracks[2].control, 4);
	cr_assert_eq(toc.tracks[2].length, 8600);

	cr_assert_eq(toc.full_count, 11);
	assert_desc(&toc.full[0], 1, 1, 0, 0xA0, Z, 0, MSF(1, 0, 0));
	assert_desc(&toc.full[1], 1, 1, 0, 0xA1, Z, 0, MSF(2, 0, 0));
	assert_desc(&toc.full[2], 1, 1, 0, 0xA2, Z, 0, MSF(6, 42, 0));   /* 30150 */
	assert_desc(&toc.full[3], 1, 1, 0, 0x01, Z, 0, MSF(0, 2, 0));
	assert_desc(&toc.full[4], 1, 1, 0, 0x02, Z, 0, MSF(3, 22, 0));   /* 15150 */
	/* B0: next program area 30000 + 6750 + 4500 = 41250 (41400 frames = 9:12:00), two mode-5 pointers
	 * in session 1, outermost lead-out 79:59:74. C0: lead-in 95:00:00, recording power 0. */
	assert_desc(&toc.full[5], 1, 5, 0, 0xB0, MSF(9, 12, 0), 2, MSF(79, 59, 74));
	assert_desc(&toc.full[6], 1, 5, 0, 0xC0, Z, 0, MSF(95, 0, 0));
	assert_desc(&toc.full[7], 2, 1, 4, 0xA0, Z, 0, MSF(3, 0x20, 0));
	assert_desc(&toc.full[8], 2, 1, 4, 0xA1, Z, 0, MSF(3, 0, 0));
	assert_desc(&toc.full[9], 2, 1, 4, 0xA2, Z, 0, MSF(11, 8, 50));  /* 50150 */
	assert_desc(&toc.full[10], 2, 1, 4, 0x03, Z, 0, MSF(9, 14, 0));  /* 41550 */
}

Test(toc_build, three_sessions_b0_counts)
{
	/* Data in every session. Session 2 has a 2250-sector lead-out and session 3 a 4500-sector lead-in, so
	 * session 2's B0 is 2250 + 4500 after its lead-out. Only session 1 has C0; the last has no B0. */
	const struct fx_track t[] = {
		{ 1, RAWCD_MODE_MODE1_2352, 0, 0, 0 },
		{ 2, RAWCD_MODE_MODE1_2352, 0, 21250, 21400 },
		{ 3, RAWCD_MODE_MODE1_2352, 0, 37750, 37900 },
	};
	fx_disc_build(&fx, 1, t, 3, (const int32_t[]){ 10000, 31000, 40000 });
	fx.sessions[1].leadout_length = 2250;
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);

	cr_assert_eq(toc.full_count, 4 + 2 + 4 + 1 + 4);
	assert_desc(&toc.full[4], 1, 5, 4, 0xB0, MSF(4, 45, 25), 2, MSF(79, 59, 74)); /* 21250 + 150 */
	assert_desc(&toc.full[5], 1, 5, 4, 0xC0, Z, 0, MSF(95, 0, 0));
	cr_assert_eq(toc.full[6].point, 0xA0);
	cr_assert_eq(toc.full[6].session, 2);
	assert_desc(&toc.full[10], 2, 5, 4, 0xB0, MSF(8, 25, 25), 1, MSF(79, 59, 74)); /* 37750 + 150 */
	cr_assert_eq(toc.full[11].session, 3);
	cr_assert_eq(toc.full[11].point, 0xA0);
	cr_assert_eq(toc.full[14].point, 3);
	cr_assert_eq(toc.last_session, 3);
}

Test(toc_build, rejects_a_disc_not_laid_out)
{
	const struct fx_track t[] = { { 1, RAWCD_MODE_AUDIO, 0, 0, 0 } };
	fx_disc_build(&fx, 1, t, 1, (const int32_t[]){ 302 });
	fx.disc.laid_out = false;
	memset(&toc, 0xAB, sizeof(toc));
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_E_ARG);
	cr_assert_eq(toc.first_track, 0xABABABABu, "out is not written on failure");
	cr_assert_eq(rawcd_toc_from_disc(&toc, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_toc_from_disc(NULL, &fx.disc), RAWCD_E_ARG);
}

Test(toc_build, rejects_inconsistent_sessions)
{
	const struct fx_track t[] = {
		{ 1, RAWCD_MODE_AUDIO, 0, 0, 0 },
		{ 1, RAWCD_MODE_AUDIO, 0, 1000, 1000 },
	};
	fx_disc_build(&fx, 1, t, 2, (const int32_t[]){ 2000 });
	fx.sessions[0].track_count = 1; /* track 2 belongs to no session */
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_E_ARG);
	fx.sessions[0].track_count = 3; /* more tracks than the disc has */
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_E_ARG);
	fx.sessions[0].track_count = 2;
	fx.tracks[1].number = 3; /* numbers must follow each other */
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_E_ARG);
	fx.tracks[1].number = 2;
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
}
