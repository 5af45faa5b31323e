/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The TOC of a laid-out disc: what READ TOC/PMA/ATIP would return for it once written (IMAPI2's
 * ExpectedTableOfContents). The full TOC items are the lead-in Q items of ADR 1 (ECMA-130 §22.3.4.2,
 * IEC 60908 §17.5.1: POINT 01–99, A0, A1, A2) and, on a multisession disc, ADR 5 (Orange Book part II:
 * B0, C0), in the order drives return them (MMC-6 §6.26.3.4): per session A0, A1, A2, the tracks, B0, C0.
 * No allocation: the result is plain data in the caller's struct.
 */
#include "rawcd/toc.h"

#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"

#define POINT_FIRST_TRACK 0xA0
#define POINT_LAST_TRACK 0xA1
#define POINT_LEADOUT 0xA2
#define POINT_NEXT_AREA 0xB0
#define POINT_LEADIN_START 0xC0
#define ADR_POSITION 1 /* Q mode 1: track and lead-in pointers */
#define ADR_MODE5 5    /* Q mode 5: multisession pointers (Orange Book part II) */

/* Orange Book part II: the first session's lead-out is 6750 sectors (1:30), a lead-in 4500 (1:00).
 * The session model carries the lengths a sheet gave; 0 in a hand-built model means the default. */
#define DEFAULT_LEADOUT_LENGTH 6750
#define DEFAULT_LEADIN_LENGTH 4500

/* C0 PMIN/PSEC/PFRAME: the first session's lead-in start. rawcd's images start it at 95:00:00, as IMAPI
 * does (DESIGN.md §3 --lead-in), i.e. LBA 95:00:00 - 450150. */
#define LEADIN_START_LBA (-22650)

static bool disc_is_sane(const struct rawcd_disc *disc)
{
	if (!disc->laid_out || disc->track_count == 0 || disc->track_count > RAWCD_MAX_TRACKS ||
	    disc->session_count == 0 || disc->tracks == NULL || disc->sessions == NULL)
		return false;
	size_t next = 0;
	for (size_t s = 0; s < disc->session_count; s++) {
		const struct rawcd_session *sess = &disc->sessions[s];
		/* Sessions hold consecutive runs of tracks, in order, covering all of them. */
		if (sess->track_count == 0 || sess->first_track != next ||
		    sess->track_count > disc->track_count - next || sess->number == 0 || sess->number > 99 ||
		    (s > 0 && sess->number <= disc->sessions[s - 1].number))
			return false;
		next += sess->track_count;
	}
	if (next != disc->track_count)
		return false;
	for (size_t t = 0; t < disc->track_count; t++) {
		unsigned n = disc->tracks[t].number;
		if (n == 0 || n > RAWCD_MAX_TRACKS || (t > 0 && n != disc->tracks[t - 1].number + 1))
			return false;
	}
	return true;
}

static struct rawcd_toc_descriptor *push(struct rawcd_toc *toc, unsigned session, uint8_t adr,
					 uint8_t control, uint8_t point)
{
	struct rawcd_toc_descriptor *d = &toc->full[toc->full_count++];
	memset(d, 0, sizeof(*d));
	d->session = (uint8_t)session;
	d->adr = adr;
	d->control = control;
	d->tno = 0; /* ECMA-130 §22.3.4.2: TNO is 00 throughout the lead-in */
	d->point = point;
	return d;
}

static void set_pmsf(struct rawcd_toc_descriptor *d, int32_t lba)
{
	struct rawcd_msf msf = rawcd_lba_to_msf(lba);
	d->pmin = msf.m;
	d->psec = msf.s;
	d->pframe = msf.f;
}

static uint32_t or_default(uint32_t value, uint32_t fallback)
{
	return value != 0 ? value : fallback;
}

/* A0, A1, A2 and the track points of one session (ECMA-130 §22.3.4.2 table 15). */
static void add_session_points(struct rawcd_toc *toc, const struct rawcd_disc *disc,
			       const struct rawcd_session *sess)
{
	const struct rawcd_track *first = &disc->tracks[sess->first_track];
	const struct rawcd_track *last = &disc->tracks[sess->first_track + sess->track_count - 1];
	uint8_t first_ctl = rawcd_track_control(first);
	uint8_t last_ctl = rawcd_track_control(last);
	struct rawcd_toc_descriptor *d;

	/* A0: PMIN first track number, PSEC disc type (00 CD-DA/CD-ROM, 10 CD-i, 20 CD-ROM XA), PFRAME 0. */
	d = push(toc, sess->number, ADR_POSITION, first_ctl, POINT_FIRST_TRACK);
	d->pmin = (uint8_t)first->number;
	d->psec = sess->disc_type;
	/* A1: PMIN last track number. */
	d = push(toc, sess->number, ADR_POSITION, last_ctl, POINT_LAST_TRACK);
	d->pmin = (uint8_t)last->number;
	/* A2: the lead-out start, with the CONTROL of the track it follows. */
	d = push(toc, sess->number, ADR_POSITION, last_ctl, POINT_LEADOUT);
	set_pmsf(d, sess->leadout_lba);

	for (size_t i = 0; i < sess->track_count; i++) {
		const struct rawcd_track *t = &disc->tracks[sess->first_track + i];
		d = push(toc, sess->number, ADR_POSITION, rawcd_track_control(t), (uint8_t)t->number);
		set_pmsf(d, t->start_lba); /* INDEX 01 */
	}
}

/*
 * B0 (every session but the last, and the last when disc->last_session_open) and C0 (session 1), Orange Book part II, Q mode 5:
 * B0 MIN/SEC/FRAME = start of the next possible program area (this lead-out, then the next session's
 * lead-in), ZERO = number of mode-5 pointers in this session, PMIN/PSEC/PFRAME = the outermost possible
 * lead-out start; C0 MIN = recording power (0: unknown), PMIN/PSEC/PFRAME = the first lead-in start.
 */
static void add_multisession_points(struct rawcd_toc *toc, const struct rawcd_disc *disc, size_t s)
{
	const struct rawcd_session *sess = &disc->sessions[s];
	const struct rawcd_session *next = s + 1 < disc->session_count ? &disc->sessions[s + 1] : NULL;
	const struct rawcd_track *last = &disc->tracks[sess->first_track + sess->track_count - 1];
	uint8_t ctl = rawcd_track_control(last);
	int32_t next_area = sess->leadout_lba +
			    (int32_t)or_default(sess->leadout_length, DEFAULT_LEADOUT_LENGTH) +
			    (int32_t)or_default(next ? next->leadin_length : 0, DEFAULT_LEADIN_LENGTH);
	struct rawcd_msf msf = rawcd_lba_to_msf(next_area);

	struct rawcd_toc_descriptor *d = push(toc, sess->number, ADR_MODE5, ctl, POINT_NEXT_AREA);
	d->min = msf.m;
	d->sec = msf.s;
	d->frame = msf.f;
	d->zero = s == 0 ? 2 : 1;
	set_pmsf(d, RAWCD_DEFAULT_CAPACITY);

	if (s == 0) {
		d = push(toc, sess->number, ADR_MODE5, ctl, POINT_LEADIN_START);
		set_pmsf(d, LEADIN_START_LBA);
	}
}

int rawcd_toc_from_disc(struct rawcd_toc *out, const struct rawcd_disc *disc)
{
	if (out == NULL || disc == NULL || !disc_is_sane(disc))
		return RAWCD_E_ARG;

	memset(out, 0, sizeof(*out));
	out->first_track = disc->tracks[0].number;
	out->last_track = disc->tracks[disc->track_count - 1].number;
	out->first_session = disc->sessions[0].number;
	out->last_session = disc->sessions[disc->session_count - 1].number;
	out->leadout_lba = disc->sessions[disc->session_count - 1].leadout_lba;
	memcpy(out->mcn, disc->mcn, sizeof(out->mcn));
	out->mcn[sizeof(out->mcn) - 1] = '\0';

	for (size_t s = 0; s < disc->session_count; s++) {
		const struct rawcd_session *sess = &disc->sessions[s];
		for (size_t i = 0; i < sess->track_count; i++) {
			const struct rawcd_track *t = &disc->tracks[sess->first_track + i];
			struct rawcd_toc_track *tt = &out->tracks[out->track_count++];
			/* The length READ TOC implies: to the next start in the session, else to its lead-out. */
			int32_t end = i + 1 < sess->track_count ? t[1].start_lba : sess->leadout_lba;
			tt->number = t->number;
			tt->session = sess->number;
			tt->adr = ADR_POSITION;
			tt->control = rawcd_track_control(t);
			tt->start_lba = t->start_lba;
			tt->length = end > t->start_lba ? (uint32_t)(end - t->start_lba) : 0;
			memcpy(tt->isrc, t->isrc, sizeof(tt->isrc));
			tt->isrc[sizeof(tt->isrc) - 1] = '\0';
		}
		add_session_points(out, disc, sess);
		if (s + 1 < disc->session_count || disc->last_session_open)
			add_multisession_points(out, disc, s);
	}
	return RAWCD_OK;
}
