/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The .ccd of a CloneCD image: INI text with [CloneCD], [Disc], [CDText], [Session n], one [Entry n] per
 * full-TOC descriptor (READ TOC format 2, A0/A1/A2 first, as IsoBuster wants) and [TRACK n] with its
 * indexes. Keys as libmirage's parser, Aaru and BizHawk read and write them (research/subcode.md §6).
 *
 * Multisession: the [Entry n] list is the full TOC of every session (A0, A1, A2, the tracks, then B0 and,
 * in session 1, C0), the .img and .sub hold each session's readable sectors back to back (the lead-out,
 * lead-in and unstored pregap between them are not there: libmirage's reader takes each track's data
 * right after the previous track's), and a [TRACK n]'s INDEX values count from its session's first stored
 * sector ("relative to session start", as libmirage reads them: the first track of a later session has
 * INDEX 1=0 when its pregap is not stored). The disc addresses are in the entries' PLBA. */
#include <stdlib.h>

#include "image/session_map.h"
#include "image/sinks.h"
#include "rawcd/error.h"
#include "rawcd/toc.h"
#include "util/strbuf.h"

/* ALBA/PLBA: the MSF as an LBA without the lead-in wrap (0:0:0 is -150, A0's PMin 1 is 4350). */
static int32_t ccd_lba(uint8_t m, uint8_t s, uint8_t f)
{
	return ((int32_t)m * 60 + s) * 75 + f - 150;
}

static void put_entries(struct rcd_strbuf *sb, const struct rawcd_toc *toc)
{
	for (size_t i = 0; i < toc->full_count; i++) {
		const struct rawcd_toc_descriptor *e = &toc->full[i];
		rcd_strbuf_printf(sb, "[Entry %zu]\nSession=%u\nPoint=0x%02x\nADR=0x%02x\nControl=0x%02x\nTrackNo=%u\n"
				  "AMin=%u\nASec=%u\nAFrame=%u\nALBA=%d\nZero=%u\nPMin=%u\nPSec=%u\nPFrame=%u\nPLBA=%d\n",
				  i, e->session, e->point, e->adr, e->control, e->tno, e->min, e->sec, e->frame,
				  ccd_lba(e->min, e->sec, e->frame), e->zero, e->pmin, e->psec, e->pframe,
				  ccd_lba(e->pmin, e->psec, e->pframe));
	}
}

static void put_cdtext(struct rcd_strbuf *sb, const struct rawcd_cdtext_packs *cdtext)
{
	if (!cdtext || !cdtext->count)
		return;
	rcd_strbuf_printf(sb, "[CDText]\nEntries=%zu\n", cdtext->count);
	for (size_t i = 0; i < cdtext->count; i++) {
		rcd_strbuf_printf(sb, "Entry %zu=", i);
		for (int b = 0; b < 16; b++) /* CloneCD keeps the pack without its CRC */
			rcd_strbuf_printf(sb, "%02x%s", cdtext->pack[i][b], b == 15 ? "\n" : " ");
	}
}

/* MODE= 0 audio, 1 Mode 1, 2 Mode 2 (CD-i included). */
static unsigned ccd_mode(enum rawcd_track_mode m)
{
	if (rawcd_track_mode_is_audio(m))
		return 0;
	return m == RAWCD_MODE_MODE1_2048 || m == RAWCD_MODE_MODE1_2352 ? 1 : 2;
}

static void put_tracks(struct rcd_strbuf *sb, const struct rawcd_disc *d)
{
	for (size_t i = 0; i < d->track_count; i++) {
		const struct rawcd_track *t = &d->tracks[i];
		int32_t base = rcd_session_first_stored(d, rcd_session_of_lba(d, t->start_lba));
		rcd_strbuf_printf(sb, "[TRACK %u]\nMODE=%u\n", t->number, ccd_mode(t->mode));
		if (t->isrc[0])
			rcd_strbuf_printf(sb, "ISRC=%s\n", t->isrc);
		if (t->pregap_lba < t->start_lba)
			rcd_strbuf_printf(sb, "INDEX 0=%d\n", t->pregap_lba - base);
		for (size_t j = 0; j < t->index_count; j++)
			if (t->indexes[j].number > 0)
				rcd_strbuf_printf(sb, "INDEX %u=%d\n", t->indexes[j].number, t->indexes[j].lba - base);
	}
}

int rcd_ccd_text(char **out, const struct rawcd_disc *d, const struct rawcd_cdtext_packs *cdtext)
{
	struct rawcd_toc *toc = malloc(sizeof(*toc));
	if (!toc)
		return RAWCD_E_NOMEM;
	int rc = rawcd_toc_from_disc(toc, d);
	if (rc) {
		free(toc);
		return rc;
	}
	struct rcd_strbuf sb = {0};
	rcd_strbuf_printf(&sb, "[CloneCD]\nVersion=3\n[Disc]\nTocEntries=%zu\nSessions=%zu\nDataTracksScrambled=0\n"
			  "CDTextLength=%zu\n", toc->full_count, d->session_count,
			  cdtext ? cdtext->count * RAWCD_CDTEXT_PACK_SIZE : 0);
	if (d->mcn[0])
		rcd_strbuf_printf(&sb, "CATALOG=%s\n", d->mcn);
	put_cdtext(&sb, cdtext);
	for (size_t s = 0; s < d->session_count; s++)
		rcd_strbuf_printf(&sb, "[Session %u]\nPreGapMode=%u\nPreGapSubC=0\n", d->sessions[s].number,
				  ccd_mode(d->tracks[d->sessions[s].first_track].mode));
	put_entries(&sb, toc);
	put_tracks(&sb, d);
	free(toc);
	*out = rcd_strbuf_finish(&sb);
	return *out ? RAWCD_OK : RAWCD_E_NOMEM;
}
