/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Appending a session to an appendable disc (IMAPI2 StartOfNextSession, cdrecord -multi; MMC-6 §6.22
 * READ DISC INFORMATION bytes 17-19, §6.26 READ TOC format 2; Orange Book part II multisession). The
 * disc in the drive is read back (its full TOC: per session A0, A1, A2, the tracks and B0) and a disc
 * model is built that holds those sessions as they are (their tracks generated, never sent) followed by
 * the sheet's sessions, moved so that the first new track number follows the disc's last and the first
 * new session's lead-in starts at the drive's next lead-in (its program area leadin_length sectors on,
 * INDEX 01 150 sectors after that, as rawcd_disc_layout() lays out a later session). The subcode of the
 * new lead-in then carries that session's A0/A1/A2 and tracks (and B0 with --multi); C0 stays in the
 * first session's lead-in, which is not written again. Only the new sessions are written
 * (burn_session.c from the first of them).
 */
#include "burn_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/toc.h"
#include "util/diag.h"

#define PREGAP 150

struct rcd_burn_append {
	struct rawcd_disc disc; /* files shared with the sheet's disc; arrays below owned */
	struct rawcd_index *indexes; /* the old tracks' INDEX 01 */
	size_t old_tracks;
};

/* The lead-out (A2) of session @p s in the full TOC, or INT32_MIN. */
static int32_t session_leadout(const struct rawcd_toc *toc, unsigned s)
{
	for (size_t i = 0; i < toc->full_count; i++) {
		const struct rawcd_toc_descriptor *x = &toc->full[i];
		if (x->session == s && x->adr == 1 && x->point == 0xA2)
			return rawcd_msf_to_lba((struct rawcd_msf){x->pmin, x->psec, x->pframe});
	}
	return INT32_MIN;
}

static uint8_t session_disc_type(const struct rawcd_toc *toc, unsigned s)
{
	for (size_t i = 0; i < toc->full_count; i++)
		if (toc->full[i].session == s && toc->full[i].adr == 1 && toc->full[i].point == 0xA0)
			return toc->full[i].psec;
	return 0;
}

/* The tracks of session @p s in the TOC: INDEX 01 only, generated content. */
static void add_old_tracks(struct rcd_burn_append *a, const struct rawcd_toc *toc, struct rawcd_session *ses)
{
	struct rawcd_disc *d = &a->disc;
	for (size_t i = 0; i < toc->track_count; i++) {
		const struct rawcd_toc_track *tt = &toc->tracks[i];
		if (tt->session != ses->number)
			continue;
		struct rawcd_track *t = &d->tracks[d->track_count];
		struct rawcd_index *x = &a->indexes[d->track_count++];
		*x = (struct rawcd_index){.number = 1, .file = RAWCD_NO_FILE, .lba = tt->start_lba};
		*t = (struct rawcd_track){.number = tt->number, .session = ses->number, .indexes = x, .index_count = 1,
					  .mode = tt->control & 4 ? RAWCD_MODE_MODE1_2048 : RAWCD_MODE_AUDIO,
					  .start_lba = tt->start_lba, .pregap_lba = tt->start_lba};
		ses->track_count++;
	}
}

/* The disc's sessions as they are: tracks of generated content, one extent a session; the last one's
 * lead-out lasts up to the drive's next lead-in. RAWCD_E_FORMAT when the TOC does not allow that. */
static int add_old(struct rcd_burn_append *a, const struct rawcd_toc *toc, int32_t next_leadin)
{
	struct rawcd_disc *d = &a->disc;
	for (unsigned s = 1; s <= toc->last_session; s++) {
		struct rawcd_session *ses = &d->sessions[d->session_count++];
		*ses = (struct rawcd_session){.number = s, .first_track = d->track_count,
					      .disc_type = session_disc_type(toc, s), .leadin_length = 4500};
		add_old_tracks(a, toc, ses);
		ses->leadout_lba = session_leadout(toc, s);
		if (!ses->track_count || ses->leadout_lba == INT32_MIN)
			return RAWCD_E_FORMAT;
		struct rawcd_track *first = &d->tracks[ses->first_track], *last = first + ses->track_count - 1;
		if (s == 1)
			first->pregap_lba = 0;
		for (struct rawcd_track *t = first; t <= last; t++) {
			t->end_lba = t < last ? t[1].pregap_lba : ses->leadout_lba;
			t->length = (uint32_t)((t < last ? t[1].start_lba : ses->leadout_lba) - t->start_lba);
		}
		int32_t from = s == 1 ? 0 : first->start_lba;
		d->extents[d->extent_count++] = (struct rawcd_extent){.lba = from, .file = RAWCD_NO_FILE,
			.sectors = (uint32_t)(ses->leadout_lba - from)};
		if (s > 1) /* the lead-in before this session ends PREGAP sectors before its first INDEX 01 */
			ses[-1].leadout_length = first->start_lba - PREGAP - 4500 > ses[-1].leadout_lba ?
				(uint32_t)(first->start_lba - PREGAP - 4500 - ses[-1].leadout_lba) : 6750;
	}
	struct rawcd_session *lastses = &d->sessions[d->session_count - 1];
	if (next_leadin <= lastses->leadout_lba)
		return RAWCD_E_FORMAT;
	lastses->leadout_length = (uint32_t)(next_leadin - lastses->leadout_lba);
	return RAWCD_OK;
}

/* Where the new session's program area starts: where the last session's B0 says (MIN/SEC/FRAME, the
 * next possible program area: its lead-out + lead-out length + lead-in length, Orange Book part II),
 * if it says so past the next lead-in, else @p leadin sectors (4500 when 0) after the next lead-in. */
static int32_t program_area(const struct rawcd_toc *toc, int32_t next_leadin, uint32_t leadin)
{
	for (size_t i = 0; i < toc->full_count; i++) {
		const struct rawcd_toc_descriptor *x = &toc->full[i];
		if (x->session != toc->last_session || x->adr != 5 || x->point != 0xB0)
			continue;
		int32_t b0 = rawcd_msf_to_lba((struct rawcd_msf){x->min, x->sec, x->frame});
		if (b0 > next_leadin && b0 - next_leadin <= 2 * 4500)
			return b0;
	}
	return next_leadin + (int32_t)(leadin ? leadin : 4500);
}

/* The sheet's sessions after them, every LBA moved by @p delta and every track number by @p tno. */
static void add_new(struct rcd_burn_append *a, const struct rawcd_disc *in, int32_t delta, unsigned tno)
{
	struct rawcd_disc *d = &a->disc;
	size_t t0 = d->track_count, s0 = d->session_count;
	for (size_t i = 0; i < in->track_count; i++) {
		struct rawcd_track *t = &d->tracks[t0 + i];
		*t = in->tracks[i];
		t->indexes = NULL; /* move_indexes() */
		t->number += tno;
		t->session += (unsigned)s0;
		t->start_lba += delta;
		t->pregap_lba = i == 0 ? delta - PREGAP : t->pregap_lba + delta; /* the program area */
		t->end_lba += delta;
	}
	for (size_t s = 0; s < in->session_count; s++) {
		struct rawcd_session *ses = &d->sessions[s0 + s];
		*ses = in->sessions[s];
		ses->number += (unsigned)s0;
		ses->first_track += t0;
		ses->leadout_lba += delta;
		if (!ses->leadin_length)
			ses->leadin_length = 4500;
	}
	for (size_t i = 0; i < in->extent_count; i++) {
		struct rawcd_extent *e = &d->extents[d->extent_count++];
		*e = in->extents[i];
		e->lba += delta;
	}
	d->track_count += in->track_count;
	d->session_count += in->session_count;
}

/* The new tracks' indexes, moved too. */
static int move_indexes(struct rcd_burn_append *a, const struct rawcd_disc *in, int32_t delta)
{
	struct rawcd_track *t = &a->disc.tracks[a->disc.track_count - in->track_count];
	for (size_t i = 0; i < in->track_count; i++, t++) {
		struct rawcd_index *x = malloc((in->tracks[i].index_count ? in->tracks[i].index_count : 1) * sizeof(*x));
		if (!x)
			return RAWCD_E_NOMEM;
		memcpy(x, in->tracks[i].indexes, in->tracks[i].index_count * sizeof(*x));
		for (size_t j = 0; j < in->tracks[i].index_count; j++)
			x[j].lba += delta;
		t->indexes = x;
	}
	return RAWCD_OK;
}

void rcd_burn_append_free(struct rcd_burn_append *a)
{
	if (!a)
		return;
	for (size_t i = a->old_tracks; a->disc.tracks && i < a->disc.track_count; i++)
		free(a->disc.tracks[i].indexes); /* the new tracks' (move_indexes()) */
	free(a->disc.tracks);
	free(a->disc.sessions);
	free(a->disc.extents);
	free(a->indexes);
	free(a);
}

static int build(struct rcd_burn_append *a, const struct rawcd_disc *in, const struct rawcd_toc *toc,
		 int32_t next_leadin)
{
	struct rawcd_disc *d = &a->disc;
	*d = *in;
	d->tracks = calloc(RAWCD_MAX_TRACKS + 1, sizeof(*d->tracks));
	d->sessions = calloc(toc->last_session + in->session_count, sizeof(*d->sessions));
	d->extents = calloc(toc->last_session + in->extent_count, sizeof(*d->extents));
	a->indexes = calloc(RAWCD_MAX_TRACKS, sizeof(*a->indexes));
	d->track_count = d->session_count = d->extent_count = 0;
	d->cdtext_pack_count = 0;
	d->cdtext_pack = NULL;
	if (!d->tracks || !d->sessions || !d->extents || !a->indexes)
		return RAWCD_E_NOMEM;
	a->old_tracks = SIZE_MAX; /* none of the indexes are move_indexes()' yet */
	int rc = add_old(a, toc, next_leadin);
	if (rc)
		return rc;
	a->old_tracks = d->track_count;
	int32_t program = program_area(toc, next_leadin, in->sessions[0].leadin_length);
	int32_t delta = program + PREGAP; /* the sheet's LBA 0 becomes the new first track's INDEX 01 */
	size_t first_new = d->session_count;
	add_new(a, in, delta, toc->last_track);
	d->sessions[first_new].leadin_length = (uint32_t)(program - next_leadin);
	rc = move_indexes(a, in, delta);
	d->last_used_user_sector = rawcd_disc_leadout_lba(d) - 1;
	return rc;
}

int rcd_burn_append_prepare(struct rcd_burn *b)
{
	const struct rawcd_disc *in = b->disc;
	const struct rawcd_mmc_disc_info *di = &b->info.disc_info;
	if (in->recorded_subcode.store != RAWCD_SUBSTORE_NONE)
		return rcd_error(b->d.diag, RAWCD_E_UNSUPPORTED, b->d.name, 0, "the disc is appendable (next lead-in "
				 "at LBA %d), but an image with recorded subcode cannot be appended: its lead-in and "
				 "addresses are those of a first session; burn it to a blank disc; nothing was written",
				 di->leadin_start_lba);
	struct rawcd_toc *toc = calloc(1, sizeof(*toc));
	if (!toc)
		return RAWCD_E_NOMEM;
	int rc = rawcd_drive_read_toc(b->d.t, toc, b->d.diag);
	if (rc == RAWCD_OK && (toc->full_count == 0 || toc->last_track + in->track_count > 99 ||
				    toc->track_count + in->track_count > 99))
		rc = rcd_error(b->d.diag, RAWCD_E_UNSUPPORTED, b->d.name, 0, toc->full_count == 0 ? "the drive "
			       "gave no full TOC (READ TOC format 2) of the appendable disc: cannot append to it; "
			       "nothing was written" : "the disc holds %u tracks and the sheet %zu: more than 99; "
			       "nothing was written", toc->last_track, in->track_count);
	struct rcd_burn_append *a = rc == RAWCD_OK ? calloc(1, sizeof(*a)) : NULL;
	if (rc == RAWCD_OK && !a)
		rc = RAWCD_E_NOMEM;
	if (rc == RAWCD_OK) {
		rc = build(a, in, toc, di->leadin_start_lba);
		if (rc == RAWCD_E_FORMAT)
			rc = rcd_error(b->d.diag, RAWCD_E_IO, b->d.name, 0, "the appendable disc's TOC does not "
				       "make sense (a session without tracks or lead-out, or the next lead-in at LBA "
				       "%d before the last lead-out): cannot append; nothing was written",
				       di->leadin_start_lba);
	}
	if (rc == RAWCD_OK) {
		b->append = a;
		b->append_from = toc->last_session;
		b->disc = &a->disc;
		if (b->cdtext.count)
			rcd_warn(b->d.diag, in->sheet_path, 0, "the sheet's CD-TEXT is not written: a disc's CD-TEXT is "
				 "in its first session's lead-in, which is already on the disc (players read no other)");
		rcd_note(b->d.diag, b->d.name, 0, "the disc is appendable (%u session%s, tracks %u-%u): session %u "
			 "is appended at LBA %d (its lead-in), its first track numbered %u", toc->last_session,
			 toc->last_session == 1 ? "" : "s", toc->first_track, toc->last_track,
			 toc->last_session + 1, di->leadin_start_lba, toc->last_track + 1);
	} else {
		rcd_burn_append_free(a);
	}
	free(toc);
	return rc;
}
