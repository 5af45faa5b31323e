/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The sector stream: walks the disc's segments (the extents of the layout, plus a generated head before
 * LBA 0 and a generated lead-out when asked for) and turns each run of input into 2352-byte sectors, with
 * their subcode when asked for. */
#include "rawcd/stream.h"

#include <stdlib.h>
#include <string.h>

#include "image/recorded_subcode.h"
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/sector.h"
#include "image/stream_ext.h"
#include "source/source.h"
#include "util/diag.h"

#define STAGING_SECTORS 64 /* input of other sizes (2048, 2336, 2448) is read this many sectors at a time */

#define BY_LBA SIZE_MAX /* segment.track: the track that holds the LBA */

/* A run of LBAs: file content, or generated sectors of a track's kind. */
struct segment {
	int32_t lba;
	uint32_t sectors;
	size_t file;    /* RAWCD_NO_FILE: generated */
	uint32_t offset;
	size_t track;   /* whose kind generated sectors take: BY_LBA, or a track index (before LBA 0, the
	                   lead-outs, a lead-in between sessions) */
};

struct rawcd_stream {
	const struct rawcd_disc *disc;
	struct rawcd_stream_options opts;
	rawcd_diag *diag;
	struct rcd_source **sources; /* per file, opened up front */
	struct segment *segs;
	size_t seg_count;
	size_t seg;                  /* current segment */
	uint32_t done;               /* sectors of it already yielded */
	size_t track;                /* track of the last batch: the next one is at or after it */
	uint8_t *staging;            /* STAGING_SECTORS * 2448 bytes */
	rawcd_subcode *subcode;      /* NULL unless opts.subcode */
	struct rcd_recsub *recorded; /* the image's own subcode, with opts.subcode unless regenerated */
	unsigned raw_warnings;       /* raw sectors with a wrong sync or header so far */
	uint64_t total;
	void *ext;                   /* what stream_records.c keeps (record layout, R-W source), or NULL */
	void (*ext_free)(void *);
};

void rcd_stream_set_ext(rawcd_stream *s, void *ext, void (*ext_free)(void *))
{
	s->ext = ext;
	s->ext_free = ext_free;
}

void *rcd_stream_ext(const rawcd_stream *s)
{
	return s->ext;
}

const struct rawcd_disc *rcd_stream_disc(const rawcd_stream *s)
{
	return s->disc;
}

rawcd_diag *rcd_stream_diag(const rawcd_stream *s)
{
	return s->diag;
}

int32_t rcd_stream_first_lba(const rawcd_stream *s)
{
	return s->opts.first_lba;
}

bool rcd_stream_started(const rawcd_stream *s)
{
	return s->seg > 0 || s->done > 0;
}

void rawcd_stream_free(rawcd_stream *s)
{
	if (!s)
		return;
	if (s->raw_warnings > RAWCD_STREAM_MAX_SECTOR_WARNINGS)
		rcd_warn(s->diag, s->disc->sheet_path, 0, "%u more raw sectors with a wrong sync or header",
			 s->raw_warnings - RAWCD_STREAM_MAX_SECTOR_WARNINGS);
	for (size_t i = 0; s->sources && i < s->disc->file_count; i++)
		rcd_source_close(s->sources[i]);
	rcd_recsub_free(s->recorded, s->diag);
	rawcd_subcode_free(s->subcode);
	if (s->ext_free)
		s->ext_free(s->ext);
	free(s->sources);
	free(s->segs);
	free(s->staging);
	free(s);
}

static void add_generated(rawcd_stream *s, int64_t lba, int64_t end, size_t track)
{
	if (end > lba)
		s->segs[s->seg_count++] = (struct segment){
			.lba = (int32_t)lba, .sectors = (uint32_t)(end - lba), .file = RAWCD_NO_FILE, .track = track};
}

/* Between two sessions: the first one's lead-out in its last track's kind, then the next one's lead-in
 * and any pregap the sheet did not store, in its first track's kind (cdrdao's raw writer does the same). */
static void add_session_gap(rawcd_stream *s, size_t session, int64_t end)
{
	const struct rawcd_disc *d = s->disc;
	const struct rawcd_session *ses = &d->sessions[session];
	int64_t leadout_end = (int64_t)ses->leadout_lba + ses->leadout_length;
	if (leadout_end > end)
		leadout_end = end;
	add_generated(s, ses->leadout_lba, leadout_end, ses->first_track + ses->track_count - 1);
	add_generated(s, leadout_end, end, d->sessions[session + 1].first_track);
}

/* Head (opts.first_lba .. -1), the layout's extents (with what lies between sessions when asked for),
 * and the lead-out tail. */
static int make_segments(rawcd_stream *s)
{
	const struct rawcd_disc *d = s->disc;
	s->segs = calloc(3 * d->extent_count + 2, sizeof(*s->segs)); /* each extent, the two of a session gap before it */
	if (!s->segs)
		return RAWCD_E_NOMEM;
	add_generated(s, s->opts.first_lba, 0, 0);
	size_t session = 0;
	for (size_t i = 0; i < d->extent_count; i++) {
		const struct rawcd_extent *e = &d->extents[i];
		if (i > 0 && e->lba > d->extents[i - 1].lba + (int64_t)d->extents[i - 1].sectors) {
			if (s->opts.session_gaps)
				add_session_gap(s, session, e->lba);
			session++;
		}
		s->segs[s->seg_count++] = (struct segment){.lba = e->lba, .sectors = e->sectors, .file = e->file,
							   .offset = e->offset, .track = BY_LBA};
	}
	int64_t leadout = rawcd_disc_leadout_lba(d);
	add_generated(s, leadout, leadout + s->opts.leadout_sectors, d->track_count - 1);
	for (size_t i = 0; i < s->seg_count; i++)
		s->total += s->segs[i].sectors;
	return RAWCD_OK;
}

static int open_inputs(rawcd_stream *s)
{
	const struct rawcd_disc *d = s->disc;
	s->sources = calloc(d->file_count ? d->file_count : 1, sizeof(*s->sources));
	s->staging = malloc(STAGING_SECTORS * 2448);
	if (!s->sources || !s->staging)
		return RAWCD_E_NOMEM;
	for (size_t i = 0; i < d->file_count; i++) {
		int rc = rcd_source_open(&s->sources[i], d, i, s->diag);
		if (rc)
			return rc;
	}
	if (!s->opts.subcode)
		return RAWCD_OK;
	struct rawcd_subcode_options so = RAWCD_SUBCODE_OPTIONS_INIT;
	if (s->opts.first_lba < -RAWCD_MSF_LBA_OFFSET)
		so.leadin_lba = s->opts.first_lba;
	int rc = rawcd_subcode_new(&s->subcode, d, s->opts.cdtext, &so);
	if (rc == RAWCD_OK && !s->opts.regenerate_subcode)
		rc = rcd_recsub_open(&s->recorded, d, s->diag);
	return rc;
}

int rawcd_stream_new(rawcd_stream **out, const struct rawcd_disc *disc, const struct rawcd_stream_options *opts,
		     rawcd_diag *diag)
{
	struct rawcd_stream_options defaults = RAWCD_STREAM_OPTIONS_INIT;
	if (!out || !disc || !disc->laid_out || (opts && opts->version != RAWCD_STREAM_OPTIONS_VERSION))
		return RAWCD_E_ARG;
	if (opts && (opts->first_lba > 0 || opts->first_lba < RAWCD_LBA_MIN))
		return RAWCD_E_ARG;
	rawcd_stream *s = calloc(1, sizeof(*s));
	if (!s)
		return RAWCD_E_NOMEM;
	s->disc = disc;
	s->opts = opts ? *opts : defaults;
	s->diag = diag;
	int rc = make_segments(s);
	if (rc == RAWCD_OK)
		rc = open_inputs(s);
	if (rc) {
		rawcd_stream_free(s);
		return rc;
	}
	*out = s;
	return RAWCD_OK;
}

uint64_t rawcd_stream_total(const rawcd_stream *s)
{
	return s ? s->total : 0;
}

uint64_t rawcd_stream_recorded_q_differences(const rawcd_stream *s, uint64_t *compared, int32_t *first_lba)
{
	return rcd_recsub_differences(s ? s->recorded : NULL, compared, first_lba);
}

/* The track holding @p lba: from its pregap to its end (POSTGAP included); the first track before LBA 0,
 * the last one in the lead-out. */
static size_t track_at(rawcd_stream *s, int32_t lba)
{
	const struct rawcd_disc *d = s->disc;
	size_t t = s->track;
	while (t + 1 < d->track_count && lba >= d->tracks[t + 1].pregap_lba)
		t++;
	return t;
}

/* Raw data sectors are copied as they are; a wrong sync or header is reported, never rewritten. */
static void check_raw(rawcd_stream *s, const struct rawcd_track *t, const uint8_t *sectors, int32_t lba, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t want[RAWCD_DATA_OFFSET];
		const uint8_t *got = sectors + i * RAWCD_SECTOR_SIZE;
		rawcd_sector_header(want, lba + (int32_t)i, got[15]);
		if (memcmp(want, got, 15) == 0)
			continue;
		if (++s->raw_warnings <= RAWCD_STREAM_MAX_SECTOR_WARNINGS)
			rcd_warn(s->diag, s->disc->sheet_path, t->line, "LBA %d of track %02u: the raw data sector has "
				 "a wrong %s; copied as it is", lba + (int32_t)i, t->number,
				 memcmp(want, got, 12) ? "sync" : "header address");
	}
}

/* The sector mode a track's file data is encoded in (MODE2/2336 chooses the Form by each subheader). */
static enum rawcd_sector_mode encode_mode(enum rawcd_track_mode mode)
{
	switch (mode) {
	case RAWCD_MODE_MODE1_2048: return RAWCD_SECTOR_MODE1;
	case RAWCD_MODE_MODE0: return RAWCD_SECTOR_MODE0;
	case RAWCD_MODE_MODE2_FORMLESS: return RAWCD_SECTOR_MODE2;
	case RAWCD_MODE_MODE2_FORM1: return RAWCD_SECTOR_MODE2_FORM1;
	case RAWCD_MODE_MODE2_FORM2: return RAWCD_SECTOR_MODE2_FORM2;
	default: return RAWCD_SECTOR_MODE2_AUTO;
	}
}

/* cdrdao MODE2_FORM1 / MODE2_FORM2 files hold the user data only (2048 / 2324 bytes): the subheader (file
 * 0, channel 0, submode, coding 0, given twice: CD-ROM XA §4.1) goes before it, submode 08h (data) for Form
 * 1 and 20h (Form 2) for Form 2. */
static void encode_xa_user(uint8_t *dst, const uint8_t *src, enum rawcd_sector_mode sm, int32_t lba, size_t n)
{
	size_t user = sm == RAWCD_SECTOR_MODE2_FORM1 ? 2048 : 2324;
	uint8_t in[8 + 2324];
	for (size_t i = 0; i < n; i++) {
		memset(in, 0, 8);
		in[2] = in[6] = sm == RAWCD_SECTOR_MODE2_FORM1 ? 0x08 : RAWCD_SUBMODE_FORM2;
		memcpy(in + 8, src + i * user, user);
		rawcd_sector_encode(dst + i * RAWCD_SECTOR_SIZE, in, sm, lba + (int32_t)i, 1);
	}
}

/* Input of a size other than 2352: read into the staging buffer, then encode. CD+G sectors carry 96 raw
 * R–W bytes after their 2352 audio bytes: they go into the subcode. */
static int read_encoded(rawcd_stream *s, const struct segment *g, uint32_t off, int32_t lba, size_t n,
			enum rawcd_track_mode mode, uint8_t *out, struct rawcd_subchannels *sub)
{
	size_t size = rawcd_track_mode_file_sector_size(mode);
	for (size_t k = 0; k < n; k += STAGING_SECTORS) {
		size_t m = n - k < STAGING_SECTORS ? n - k : STAGING_SECTORS;
		int rc = rcd_source_read(s->sources[g->file], g->offset + off + (uint32_t)k, m, size, s->staging, s->diag);
		if (rc)
			return rc;
		uint8_t *dst = out + k * RAWCD_SECTOR_SIZE;
		enum rawcd_sector_mode sm = encode_mode(mode);
		if (sm == RAWCD_SECTOR_MODE2_FORM1 || sm == RAWCD_SECTOR_MODE2_FORM2) {
			encode_xa_user(dst, s->staging, sm, lba + (int32_t)k, m);
			continue;
		}
		if (mode != RAWCD_MODE_CDG) {
			rawcd_sector_encode(dst, s->staging, sm, lba + (int32_t)k, m);
			continue;
		}
		for (size_t i = 0; i < m; i++) {
			const uint8_t *src = s->staging + i * 2448;
			memcpy(dst + i * RAWCD_SECTOR_SIZE, src, RAWCD_SECTOR_SIZE);
			if (sub)
				rawcd_subcode_sector(s->subcode, lba + (int32_t)(k + i), src + RAWCD_SECTOR_SIZE, &sub[k + i]);
		}
	}
	return RAWCD_OK;
}

/* Generated sectors (PREGAP, POSTGAP, before LBA 0, lead-out): silence, or zero-data sectors of the track's
 * mode (Mode 2 with an all-zero subheader, which is Form 1 with EDC and parity; Mode 0 for MODE0). */
static void generate(const struct rawcd_track *t, int32_t lba, size_t n, uint8_t *out)
{
	if (rawcd_track_mode_is_audio(t->mode)) {
		memset(out, 0, n * RAWCD_SECTOR_SIZE);
		return;
	}
	bool mode1 = t->mode == RAWCD_MODE_MODE1_2048 || t->mode == RAWCD_MODE_MODE1_2352;
	enum rawcd_sector_mode sm = mode1 ? RAWCD_SECTOR_MODE1 : RAWCD_SECTOR_MODE2_FORM1;
	if (t->mode == RAWCD_MODE_MODE0)
		sm = RAWCD_SECTOR_MODE0;
	rawcd_sector_encode(out, NULL, sm, lba, n);
}

static int produce(rawcd_stream *s, const struct segment *g, uint32_t off, int32_t lba, size_t n,
		   const struct rawcd_track *t, uint8_t *out, struct rawcd_subchannels *sub)
{
	if (g->file == RAWCD_NO_FILE) {
		generate(t, lba, n, out);
		return RAWCD_OK;
	}
	if (rawcd_track_mode_file_sector_size(t->mode) != RAWCD_SECTOR_SIZE)
		return read_encoded(s, g, off, lba, n, t->mode, out, sub);
	int rc = rcd_source_read(s->sources[g->file], g->offset + off, n, RAWCD_SECTOR_SIZE, out, s->diag);
	if (rc || rawcd_track_mode_is_audio(t->mode))
		return rc;
	if (s->disc->files[g->file].scrambled) /* stored as on the disc: the same XOR undoes it (Annex B) */
		rawcd_scramble_sectors(out, n);
	check_raw(s, t, out, lba, n);
	return RAWCD_OK;
}

int rawcd_stream_read_subcode(rawcd_stream *s, uint8_t *out, struct rawcd_subchannels *sub, size_t max_sectors,
			      size_t *out_count, int32_t *out_lba)
{
	const struct rawcd_disc *d = s->disc;
	if (sub && !s->subcode)
		return RAWCD_E_ARG;
	while (s->seg < s->seg_count && s->done == s->segs[s->seg].sectors) {
		s->seg++;
		s->done = 0;
	}
	*out_count = 0;
	if (s->seg == s->seg_count || max_sectors == 0)
		return RAWCD_OK;
	const struct segment *g = &s->segs[s->seg];
	int32_t lba = g->lba + (int32_t)s->done;
	size_t n = g->sectors - s->done;
	if (n > max_sectors)
		n = max_sectors;
	const struct rawcd_track *t;
	if (g->track == BY_LBA) {
		s->track = track_at(s, lba);
		t = &d->tracks[s->track];
		if (s->track + 1 < d->track_count && lba + (int64_t)n > t[1].pregap_lba)
			n = (size_t)(t[1].pregap_lba - lba);
	} else {
		t = &d->tracks[g->track];
	}
	int rc = produce(s, g, s->done, lba, n, t, out, sub);
	if (rc)
		return rc;
	if (sub && !(t->mode == RAWCD_MODE_CDG && g->file != RAWCD_NO_FILE))
		for (size_t i = 0; i < n; i++)
			rawcd_subcode_sector(s->subcode, lba + (int32_t)i, NULL, &sub[i]);
	if (sub && s->recorded && (rc = rcd_recsub_apply(s->recorded, lba, n, sub, s->diag)) != RAWCD_OK)
		return rc;
	if (s->opts.scramble && !rawcd_track_mode_is_audio(t->mode))
		rawcd_scramble_sectors(out, n);
	s->done += (uint32_t)n;
	*out_count = n;
	*out_lba = lba;
	return RAWCD_OK;
}

int rawcd_stream_read(rawcd_stream *s, uint8_t *out, size_t max_sectors, size_t *out_count, int32_t *out_lba)
{
	return rawcd_stream_read_subcode(s, out, NULL, max_sectors, out_count, out_lba);
}
