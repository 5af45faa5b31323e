/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The sessions of a CloneCD image (ccd_internal.h). The full TOC has A0 (first track, disc type), A1
 * (last track) and A2 (lead-out) for every session (ECMA-130 §22.3.4.2; Orange Book part II), and B0/C0
 * (ADR 5) that the reader does not need: the gap between two sessions is the distance from one A2 to the
 * next session's first track. The .img holds the sessions one after the other, as libmirage's parser reads
 * it (each track's fragment follows the previous one's in the file), and a [TRACK n]'s INDEX values count
 * from its session's first stored sector ("relative to session start", libmirage's words).
 */
#include <stdlib.h>

#include "ccd/ccd_internal.h"
#include "rawcd/error.h"
#include "util/diag.h"

#define POINT_A0 0xA0
#define POINT_A1 0xA1
#define POINT_A2 0xA2
#define PREGAP_SECTORS 150          /* a session's first track's pregap (Orange Book part II) */
#define LEADOUT_SECTORS 6750        /* 1:30, the first session's lead-out (Orange Book part II) */

static int32_t msf_lba(const long p[3])
{
	return (int32_t)((p[0] * 60 + p[1]) * 75 + p[2]) - 150;
}

int rcd_ccd_session_point(struct rcd_ccd_sessions *ss, const struct rcd_ccd_doc *doc, unsigned line,
			  long session, long point, const long p[3])
{
	struct rcd_ccd_session *s = &ss->s[session];
	bool *have = point == POINT_A0 ? &s->have_a0 : point == POINT_A1 ? &s->have_a1 : &s->have_a2;
	if (*have)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, line, "Point=0x%02lx: session %ld has it "
				 "twice; remove one of the entries", point, session);
	*have = true;
	if (point == POINT_A0) {
		s->first = p[0];
		s->disc_type = p[1];
		s->line = line;
	} else if (point == POINT_A1) {
		s->last = p[0];
	} else {
		s->leadout = msf_lba(p);
	}
	return RAWCD_OK;
}

int rcd_ccd_sessions_check(const struct rcd_ccd_sessions *ss, const struct rcd_ccd_doc *doc, unsigned disc_line)
{
	for (long k = 1; k <= ss->count; k++) {
		const struct rcd_ccd_session *s = &ss->s[k];
		if (!s->have_a0 || !s->have_a1 || !s->have_a2)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, disc_line, "the TOC has no entry "
					 "with Point=0x%s (ADR 1, %s) in session %ld: a CloneCD TOC holds A0, A1 and A2 "
					 "for each session", !s->have_a0 ? "a0" : !s->have_a1 ? "a1" : "a2",
					 !s->have_a0 ? "first track" : !s->have_a1 ? "last track" : "lead-out start", k);
		if (s->first < 1 || s->last > RAWCD_MAX_TRACKS || s->first > s->last)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, s->line, "the TOC's first and last "
					 "track of session %ld (A0 PMin=%ld, A1 PMin=%ld) must be 1 to 99, first <= last",
					 k, s->first, s->last);
		if (k > 1 && s->first != ss->s[k - 1].last + 1)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, s->line, "session %ld starts with "
					 "track %ld, but session %ld ended with track %ld: a session's tracks follow the "
					 "previous session's", k, s->first, k - 1, ss->s[k - 1].last);
	}
	return RAWCD_OK;
}

long rcd_ccd_session_of(const struct rcd_ccd_sessions *ss, unsigned number)
{
	for (long k = 1; k <= ss->count; k++)
		if ((long)number >= ss->s[k].first && (long)number <= ss->s[k].last)
			return k;
	return 0;
}

int rcd_ccd_sessions_place(struct rcd_ccd_sessions *ss, const struct rcd_ccd_doc *doc, const int32_t *toc_lba,
			   const int32_t *index1, const unsigned *index1_line)
{
	ss->s[1].base = 0;
	ss->s[1].img_pos = 0;
	for (long k = 2; k <= ss->count; k++) {
		struct rcd_ccd_session *s = &ss->s[k];
		const struct rcd_ccd_session *prev = &ss->s[k - 1];
		s->base = toc_lba[s->first] - index1[s->first];
		/* Its stored sectors start after the previous lead-out, its first track 150 or more after it. */
		if (s->base <= prev->leadout || toc_lba[s->first] < prev->leadout + PREGAP_SECTORS)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, index1_line[s->first], "track %ld "
					 "(INDEX 1=%d, TOC LBA %d) starts session %ld too close to session %ld's lead-out "
					 "at LBA %d (its A2): INDEX values count from the session's first stored sector, "
					 "and a session's first track starts 150 or more sectors after the lead-out",
					 s->first, index1[s->first], toc_lba[s->first], k, k - 1, prev->leadout);
		s->img_pos = prev->img_pos + (uint32_t)(prev->leadout - prev->base);
	}
	return RAWCD_OK;
}

int rcd_ccd_sessions_build(const struct rcd_ccd_sessions *ss, const struct rcd_ccd_doc *doc, struct rawcd_disc *d,
			   const int32_t *toc_lba, uint32_t *img_sectors)
{
	(void)doc;
	d->sessions = calloc((size_t)ss->count, sizeof(*d->sessions));
	if (!d->sessions)
		return RAWCD_E_NOMEM;
	size_t next = 0;
	for (long k = 1; k <= ss->count; k++) {
		const struct rcd_ccd_session *s = &ss->s[k];
		uint32_t lo = LEADOUT_SECTORS, li = 4500;
		if (k > 1) {
			/* rawcd_disc_layout() puts INDEX 01 lead-out + lead-in + 150 after the previous lead-out. */
			int64_t gap = (int64_t)toc_lba[s->first] - ss->s[k - 1].leadout - PREGAP_SECTORS;
			d->sessions[k - 2].leadout_length = gap < LEADOUT_SECTORS ? (uint32_t)gap : LEADOUT_SECTORS;
			li = (uint32_t)(gap - d->sessions[k - 2].leadout_length);
		}
		size_t count = (size_t)(s->last - s->first + 1);
		d->sessions[k - 1] = (struct rawcd_session){.number = (unsigned)k, .first_track = next,
							    .track_count = count, .disc_type = (uint8_t)s->disc_type,
							    .leadout_length = lo, .leadin_length = li};
		next += count;
	}
	d->session_count = (size_t)ss->count;
	const struct rcd_ccd_session *last = &ss->s[ss->count];
	*img_sectors = last->img_pos + (uint32_t)(last->leadout - last->base);
	return RAWCD_OK;
}
