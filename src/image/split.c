/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --split: one file per track, named as Redump names them. Redump's own dumper, redumper (superg/redumper,
 * cd/toc.ixx: TOC::printCUE writes `FILE "NAME (Track N).bin"` only when getTracksCount() > 1, and
 * getTrackString() pads N with zeros to getTrackNumberWidth(), the digits of the highest track number):
 * a single-track disc gets `NAME.bin`; `(Track 1)` … `(Track 9)` on a disc of fewer than 10 tracks,
 * `(Track 01)` … `(Track 12)` on a disc of 10 or more, as the file names in the Redump database are.
 * Track i's file holds the sectors from its INDEX 00 (else INDEX 01; LBA 0 for the first track) to the
 * next track's, so the files joined are the one-file BIN byte for byte. */
#include "image/split.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/image.h"
#include "util/path.h"

int32_t rcd_split_first_lba(const struct rawcd_disc *d, size_t i)
{
	return i == 0 ? 0 : d->tracks[i].pregap_lba;
}

int32_t rcd_split_end_lba(const struct rawcd_disc *d, size_t i)
{
	return i + 1 < d->track_count ? rcd_split_first_lba(d, i + 1) : rawcd_disc_leadout_lba(d);
}

int rawcd_image_split_path(char **out, const struct rawcd_disc *disc, const char *out_path, size_t track)
{
	if (!out || !disc || !out_path || track >= disc->track_count)
		return RAWCD_E_ARG;
	const char *base = rcd_path_base(out_path);
	const char *dot = strrchr(base, '.');
	int stem = (int)(dot && dot != base ? (size_t)(dot - out_path) : strlen(out_path));
	int rc;
	if (disc->track_count == 1)
		rc = asprintf(out, "%.*s.bin", stem, out_path);
	else
		rc = asprintf(out, "%.*s (Track %0*u).bin", stem, out_path, rawcd_disc_last_track(disc) >= 10 ? 2 : 1,
			      disc->tracks[track].number);
	if (rc < 0) {
		*out = NULL;
		return RAWCD_E_NOMEM;
	}
	return RAWCD_OK;
}

int rcd_split_name(struct rcd_split *s, const struct rawcd_disc *d, const char *out_path)
{
	*s = (struct rcd_split){.disc = d};
	s->path = calloc(d->track_count, sizeof(*s->path));
	s->out = calloc(d->track_count, sizeof(*s->out));
	if (!s->path || !s->out)
		return RAWCD_E_NOMEM;
	s->count = d->track_count;
	for (size_t i = 0; i < s->count; i++)
		s->out[i].fd = -1;
	for (size_t i = 0; i < s->count; i++)
		if (rawcd_image_split_path(&s->path[i], d, out_path, i) != RAWCD_OK)
			return RAWCD_E_NOMEM;
	return RAWCD_OK;
}

int rcd_split_write(struct rcd_split *s, const uint8_t *main, size_t n, rawcd_diag *diag)
{
	while (n) {
		while (s->current + 1 < s->count && s->lba >= rcd_split_end_lba(s->disc, s->current))
			s->current++;
		int32_t end = rcd_split_end_lba(s->disc, s->current);
		size_t take = s->current + 1 < s->count && (int64_t)s->lba + (int64_t)n > end ? (size_t)(end - s->lba) : n;
		int rc = rcd_outfile_write(&s->out[s->current], main, take * RAWCD_SECTOR_SIZE, diag);
		if (rc != RAWCD_OK)
			return rc;
		main += take * RAWCD_SECTOR_SIZE;
		n -= take;
		s->lba += (int32_t)take;
	}
	return RAWCD_OK;
}

void rcd_split_free(struct rcd_split *s)
{
	for (size_t i = 0; s->out && i < s->count; i++)
		rcd_outfile_discard(&s->out[i]);
	for (size_t i = 0; s->path && i < s->count; i++)
		free(s->path[i]);
	free(s->path);
	free(s->out);
	*s = (struct rcd_split){0};
}
