/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The sector stream: walks the disc's extents and turns each run of input into 2352-byte sectors. */
#include "rawcd/stream.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/sector.h"
#include "source/source.h"
#include "util/diag.h"

#define STAGING_SECTORS 64 /* input of other sizes (2048, 2336, 2448) is read this many sectors at a time */

struct rawcd_stream {
	const struct rawcd_disc *disc;
	struct rawcd_stream_options opts;
	rawcd_diag *diag;
	struct rcd_source **sources; /* per file, opened up front */
	size_t extent;               /* current extent */
	uint32_t done;               /* sectors of it already yielded */
	size_t track;                /* track of the last batch: the next one is at or after it */
	uint8_t *staging;            /* STAGING_SECTORS * 2448 bytes */
	unsigned raw_warnings;       /* raw sectors with a wrong sync or header so far */
	uint64_t total;
};

void rawcd_stream_free(rawcd_stream *s)
{
	if (!s)
		return;
	if (s->raw_warnings > RAWCD_STREAM_MAX_SECTOR_WARNINGS)
		rcd_warn(s->diag, s->disc->sheet_path, 0, "%u more raw sectors with a wrong sync or header",
			 s->raw_warnings - RAWCD_STREAM_MAX_SECTOR_WARNINGS);
	for (size_t i = 0; s->sources && i < s->disc->file_count; i++)
		rcd_source_close(s->sources[i]);
	free(s->sources);
	free(s->staging);
	free(s);
}

int rawcd_stream_new(rawcd_stream **out, const struct rawcd_disc *disc, const struct rawcd_stream_options *opts,
		     rawcd_diag *diag)
{
	struct rawcd_stream_options defaults = RAWCD_STREAM_OPTIONS_INIT;
	if (!out || !disc || !disc->laid_out || (opts && opts->version != RAWCD_STREAM_OPTIONS_VERSION))
		return RAWCD_E_ARG;
	rawcd_stream *s = calloc(1, sizeof(*s));
	if (!s)
		return RAWCD_E_NOMEM;
	s->disc = disc;
	s->opts = opts ? *opts : defaults;
	s->diag = diag;
	s->sources = calloc(disc->file_count ? disc->file_count : 1, sizeof(*s->sources));
	s->staging = malloc(STAGING_SECTORS * 2448);
	if (!s->sources || !s->staging) {
		rawcd_stream_free(s);
		return RAWCD_E_NOMEM;
	}
	for (size_t i = 0; i < disc->file_count; i++) {
		int rc = rcd_source_open(&s->sources[i], disc, i, diag);
		if (rc) {
			rawcd_stream_free(s);
			return rc;
		}
	}
	for (size_t i = 0; i < disc->extent_count; i++)
		s->total += disc->extents[i].sectors;
	*out = s;
	return RAWCD_OK;
}

uint64_t rawcd_stream_total(const rawcd_stream *s)
{
	return s ? s->total : 0;
}

/* The track holding @p lba: from its pregap to its end (POSTGAP included). */
static size_t track_at(rawcd_stream *s, int32_t lba)
{
	const struct rawcd_disc *d = s->disc;
	size_t t = s->track;
	while (t + 1 < d->track_count && lba >= d->tracks[t + 1].pregap_lba)
		t++;
	return t;
}

/* Raw data sectors are copied as they are; a wrong sync or header is reported, never rewritten. */
static void check_raw(rawcd_stream *s, const uint8_t *sectors, int32_t lba, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t want[RAWCD_DATA_OFFSET];
		const uint8_t *got = sectors + i * RAWCD_SECTOR_SIZE;
		rawcd_sector_header(want, lba + (int32_t)i, got[15]);
		if (memcmp(want, got, 15) == 0)
			continue;
		if (++s->raw_warnings <= RAWCD_STREAM_MAX_SECTOR_WARNINGS)
			rcd_warn(s->diag, s->disc->sheet_path, 0, "LBA %d: the raw data sector has a wrong %s; "
				 "copied as it is", lba + (int32_t)i, memcmp(want, got, 12) ? "sync" : "header address");
	}
}

/* Input of a size other than 2352: read into the staging buffer, then encode. */
static int read_encoded(rawcd_stream *s, const struct rawcd_extent *e, uint32_t off, int32_t lba, size_t n,
			enum rawcd_track_mode mode, uint8_t *out)
{
	size_t size = rawcd_track_mode_file_sector_size(mode);
	for (size_t k = 0; k < n; k += STAGING_SECTORS) {
		size_t m = n - k < STAGING_SECTORS ? n - k : STAGING_SECTORS;
		int rc = rcd_source_read(s->sources[e->file], e->offset + off + (uint32_t)k, m, size, s->staging, s->diag);
		if (rc)
			return rc;
		uint8_t *dst = out + k * RAWCD_SECTOR_SIZE;
		if (mode == RAWCD_MODE_CDG) {
			for (size_t i = 0; i < m; i++) /* the 96 R-W bytes after each sector are subcode */
				memcpy(dst + i * RAWCD_SECTOR_SIZE, s->staging + i * 2448, RAWCD_SECTOR_SIZE);
			continue;
		}
		enum rawcd_sector_mode sm = mode == RAWCD_MODE_MODE1_2048 ? RAWCD_SECTOR_MODE1 : RAWCD_SECTOR_MODE2_AUTO;
		rawcd_sector_encode(dst, s->staging, sm, lba + (int32_t)k, m);
	}
	return RAWCD_OK;
}

static int produce(rawcd_stream *s, const struct rawcd_extent *e, uint32_t off, int32_t lba, size_t n,
		   enum rawcd_track_mode mode, uint8_t *out)
{
	bool data = !rawcd_track_mode_is_audio(mode);
	if (e->file == RAWCD_NO_FILE) {
		if (!data)
			memset(out, 0, n * RAWCD_SECTOR_SIZE);
		else
			rawcd_sector_encode(out, NULL, mode == RAWCD_MODE_MODE1_2048 || mode == RAWCD_MODE_MODE1_2352
						  ? RAWCD_SECTOR_MODE1 : RAWCD_SECTOR_MODE2_FORM1, lba, n);
		return RAWCD_OK;
	}
	if (rawcd_track_mode_file_sector_size(mode) != RAWCD_SECTOR_SIZE)
		return read_encoded(s, e, off, lba, n, mode, out);
	int rc = rcd_source_read(s->sources[e->file], e->offset + off, n, RAWCD_SECTOR_SIZE, out, s->diag);
	if (rc == RAWCD_OK && data)
		check_raw(s, out, lba, n);
	return rc;
}

int rawcd_stream_read(rawcd_stream *s, uint8_t *out, size_t max_sectors, size_t *out_count, int32_t *out_lba)
{
	const struct rawcd_disc *d = s->disc;
	while (s->extent < d->extent_count && s->done == d->extents[s->extent].sectors) {
		s->extent++;
		s->done = 0;
	}
	*out_count = 0;
	if (s->extent == d->extent_count || max_sectors == 0)
		return RAWCD_OK;
	const struct rawcd_extent *e = &d->extents[s->extent];
	int32_t lba = e->lba + (int32_t)s->done;
	s->track = track_at(s, lba);
	const struct rawcd_track *t = &d->tracks[s->track];
	size_t n = e->sectors - s->done;
	if (n > max_sectors)
		n = max_sectors;
	if (s->track + 1 < d->track_count && lba + (int64_t)n > t[1].pregap_lba)
		n = (size_t)(t[1].pregap_lba - lba);
	int rc = produce(s, e, s->done, lba, n, t->mode, out);
	if (rc)
		return rc;
	if (s->opts.scramble && !rawcd_track_mode_is_audio(t->mode))
		rawcd_scramble_sectors(out, n);
	s->done += (uint32_t)n;
	*out_count = n;
	*out_lba = lba;
	return RAWCD_OK;
}
