/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli/toc_text.h"


static void addr(FILE *out, int32_t lba)
{
	struct rawcd_msf m = rawcd_lba_to_msf(lba);
	fprintf(out, "%02u:%02u:%02u %6d", m.m, m.s, m.f, lba);
}

static void model_columns(FILE *out, const struct rawcd_track *t)
{
	char flags[RAWCD_FLAGS_TEXT_SIZE];
	rawcd_track_flags_text(t->flags, flags);
	fprintf(out, "  %-10s  %-14s  %-12s  %6d", rawcd_track_mode_name(t->mode), flags[0] ? flags : "-",
		t->isrc[0] ? t->isrc : "-", t->start_lba - t->pregap_lba);
}

static void indexes(FILE *out, const struct rawcd_track *t)
{
	fputs(" ", out);
	for (size_t i = 0; i < t->index_count; i++)
		fprintf(out, " %02u@%d", t->indexes[i].number, t->indexes[i].lba);
}

/* Without a disc model: an ISRC column when the TOC has one (read from a drive). */
static bool toc_has_isrc(const struct rawcd_toc *toc)
{
	for (size_t i = 0; i < toc->track_count; i++)
		if (toc->tracks[i].isrc[0])
			return true;
	return false;
}

static void print_tracks(FILE *out, const struct rawcd_toc *toc, const struct rawcd_disc *disc)
{
	bool isrc_column = !disc && toc_has_isrc(toc);
	fprintf(out, "TNO SES CTL");
	if (disc)
		fprintf(out, "  %-10s  %-14s  %-12s  %6s", "MODE", "FLAGS", "ISRC", "PREGAP");
	else if (isrc_column)
		fprintf(out, "  %-12s", "ISRC");
	fprintf(out, "  %-15s  %-15s%s\n", "START  MSF  LBA", "LENGTH MSF  SEC", disc ? "  INDEXES (number@LBA)" : "");
	for (size_t i = 0; i < toc->track_count; i++) {
		const struct rawcd_toc_track *t = &toc->tracks[i];
		fprintf(out, " %02u %3u  %2u", t->number, t->session, t->control);
		if (disc)
			model_columns(out, &disc->tracks[i]);
		else if (isrc_column)
			fprintf(out, "  %-12s", t->isrc[0] ? t->isrc : "-");
		fputs("  ", out);
		addr(out, t->start_lba);
		struct rawcd_msf len = rawcd_frames_msf(t->length);
		fprintf(out, "  %02u:%02u:%02u %6u", len.m, len.s, len.f, t->length);
		if (disc)
			indexes(out, &disc->tracks[i]);
		fputs("\n", out);
	}
	fputs("lead-out     ", out);
	if (disc)
		fprintf(out, "%*s", 52, "");
	else if (isrc_column)
		fprintf(out, "%*s", 14, "");
	addr(out, toc->leadout_lba);
	fputs("\n", out);
}

static void print_full(FILE *out, const struct rawcd_toc *toc)
{
	if (!toc->full_count)
		return;
	fputs("\nFull TOC (READ TOC format 2)\nSES ADR CTL POINT  MIN SEC FRM  ZERO  PMIN PSEC PFRM\n", out);
	for (size_t i = 0; i < toc->full_count; i++) {
		const struct rawcd_toc_descriptor *d = &toc->full[i];
		fprintf(out, "%3u %3u %3u   %02X  %3u %3u %3u  %4u  %4u %4u %4u\n", d->session, d->adr, d->control,
			d->point, d->min, d->sec, d->frame, d->zero, d->pmin, d->psec, d->pframe);
	}
}

void toc_text_print(FILE *out, const struct rawcd_toc *toc, const struct rawcd_disc *disc, bool msf)
{
	(void)msf;
	fprintf(out, "Tracks %02u-%02u in %u session%s, lead-out at LBA %d", toc->first_track, toc->last_track,
		toc->last_session, toc->last_session == 1 ? "" : "s", toc->leadout_lba);
	const char *mcn = disc ? disc->mcn : toc->mcn;
	if (mcn[0])
		fprintf(out, ", MCN %s", mcn);
	fputs("\n", out);
	struct rawcd_disc_ids ids;
	if (rawcd_toc_disc_ids(&ids, toc) == RAWCD_OK)
		fprintf(out, "freedb %s  MusicBrainz %s  AccurateRip %s\n", ids.freedb,
			ids.musicbrainz[0] ? ids.musicbrainz : "-", ids.accuraterip[0] ? ids.accuraterip : "-");
	fputs("\n", out);
	print_tracks(out, toc, disc);
	print_full(out, toc);
}
