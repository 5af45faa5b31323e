/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Index positions of TOC tracks → rawcd indexes. A TOC track is a run of pieces (one rawcd_file each);
 * START, PREGAP and INDEX give positions in sectors from the track's first piece (START, PREGAP) or from
 * its index 1 (INDEX, "relative to the real track start, not counting an existing pre-gap", cdrdao(1)).
 * Before the files are measured every piece gets a provisional index, so that each file is measured in
 * its track's sector size; once they are, the positions become (piece, sector offset) indexes. */
#include "tocfile/tocfile_internal.h"

#include <stdlib.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "util/diag.h"

/* One provisional index per piece: file_measure.c takes a file's sector size from the tracks whose
 * indexes name it. Tracks with RW / RW_RAW sub-channel data read 96 more bytes a sector from files. */
int rcd_toc_provisional_indexes(struct rawcd_disc *d, const struct rcd_toc_track_extra *extra, rawcd_diag *diag)
{
	for (size_t i = 0; i < d->track_count; i++) {
		struct rawcd_track *t = &d->tracks[i];
		const struct rcd_toc_track_extra *x = &extra[i];
		free(t->indexes);
		t->indexes = calloc(x->file_count, sizeof(*t->indexes));
		if (!t->indexes)
			return RAWCD_E_NOMEM;
		t->index_count = x->file_count;
		bool dropped = false;
		for (size_t k = 0; k < x->file_count; k++) {
			struct rawcd_file *f = &d->files[x->first_file + k];
			t->indexes[k] = (struct rawcd_index){.number = 1, .file = x->first_file + k, .line = f->line};
			if (x->sub_mode && t->mode != RAWCD_MODE_CDG && f->type != RAWCD_FILE_ZERO) {
				f->record_size = rawcd_track_mode_file_sector_size(t->mode) + x->sub_mode;
				dropped = true;
			}
		}
		if (dropped)
			rcd_warn(diag, d->sheet_path, t->line, "track %02u: the %s sub-channel data in its files is "
				 "skipped; rawcd records its own subcode (only AUDIO RW_RAW keeps R-W, as CD+G)",
				 t->number, x->rw_raw ? "RW_RAW" : "RW");
	}
	return RAWCD_OK;
}

/* The piece and sector offset of position @p at in the track; false past its end. */
static bool locate(const struct rawcd_disc *d, const struct rcd_toc_track_extra *x, uint64_t at,
		   struct rawcd_index *out)
{
	uint64_t cum = 0;
	for (size_t k = 0; k < x->file_count; k++) {
		uint32_t n = d->files[x->first_file + k].sectors;
		if (at < cum + n) {
			out->file = x->first_file + k;
			out->offset = (uint32_t)(at - cum);
			return true;
		}
		cum += n;
	}
	return false;
}

static uint64_t pieces_sectors(const struct rawcd_disc *d, const struct rcd_toc_track_extra *x, size_t count)
{
	uint64_t n = 0;
	for (size_t k = 0; k < count && k < x->file_count; k++)
		n += d->files[x->first_file + k].sectors;
	return n;
}

/* MSF text of a sector count, clamped to what mm:ss:ff can show. */
static const char *msf_text(uint64_t sectors, char buf[12])
{
	return rawcd_msf_format((uint32_t)(sectors > 449999 ? 449999 : sectors), buf);
}

static int place_track(struct rawcd_disc *d, size_t i, const struct rcd_toc_track_extra *x, rawcd_diag *diag)
{
	struct rawcd_track *t = &d->tracks[i];
	uint64_t total = pieces_sectors(d, x, x->file_count);
	uint64_t start = x->start_at_end ? pieces_sectors(d, x, x->start_pieces) : x->start_sector;
	char a[12], b[12];
	if (total == 0)
		return rcd_error(diag, RAWCD_E_LAYOUT, d->sheet_path, t->line, "track %02u has no data (its pieces "
				 "are empty): give it a length", t->number);
	if (start >= total)
		return rcd_error(diag, RAWCD_E_LAYOUT, d->sheet_path, x->start_line ? x->start_line : t->line,
				 "track %02u: its pregap (START or PREGAP) of %s takes all of its %s of data, leaving "
				 "none for the track: give a shorter pregap or more data", t->number,
				 msf_text(start, a), msf_text(total, b));
	size_t n = (start > 0) + 1 + x->pos_count;
	struct rawcd_index *ix = calloc(n, sizeof(*ix));
	if (!ix)
		return RAWCD_E_NOMEM;
	size_t k = 0;
	if (start > 0)
		ix[k++] = (struct rawcd_index){.number = 0, .line = t->line};
	ix[k++] = (struct rawcd_index){.number = 1, .line = x->start_line ? x->start_line : t->line};
	for (size_t j = 0; j < x->pos_count; j++)
		ix[k++] = (struct rawcd_index){.number = x->pos[j].number, .line = x->pos[j].line};
	for (size_t j = 0; j < n; j++) {
		uint64_t at = ix[j].number == 0 ? 0 : ix[j].number == 1 ? start : start + x->pos[j - (n - x->pos_count)].sector;
		if (!locate(d, x, at, &ix[j])) {
			unsigned line = ix[j].line, number = ix[j].number;
			free(ix);
			return rcd_error(diag, RAWCD_E_LAYOUT, d->sheet_path, line, "track %02u: INDEX %02u at %s from "
					 "the track's start is past its end (%s): give a position inside the track",
					 t->number, number, msf_text(at - start, a), msf_text(total - start, b));
		}
	}
	free(t->indexes);
	t->indexes = ix;
	t->index_count = n;
	return RAWCD_OK;
}

int rcd_toc_place_indexes(struct rawcd_disc *d, struct rcd_toc_track_extra *extra, rawcd_diag *diag)
{
	for (size_t i = 0; i < d->track_count; i++) {
		int rc = place_track(d, i, &extra[i], diag);
		if (rc)
			return rc;
	}
	return RAWCD_OK;
}
