/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The disc of a scanned raw image. Its runs (rawimage_map.c) give, in order: a lead-in (TNO 0, optional),
 * the tracks' index runs, a lead-out (TNO AAh; absent when the image ends at it), and for each later
 * session a lead-in, the first track's pregap and its tracks and lead-out again.
 *
 * The model is the one the CUE reader builds, so that rawcd_disc_layout() places every LBA: each session
 * is one BINARY file, the image itself from that session's first program sector on (byte_offset), up to
 * its lead-out (byte_length), read as 2352 bytes of each 2448- or 2368-byte record. Session 1's file
 * starts at LBA 0 (the 150 sectors before it are track 1's pregap, which a sheet never holds either), a
 * later session's at its first track's INDEX 01 (the pregap before it is the 150 sectors the layout
 * always leaves there, INDEX 00 in the sheet or not: the image cannot tell them apart). INDEX 00 runs of
 * other tracks are INDEX 00 in the file. The lengths of the lead-outs and lead-ins between sessions
 * are the image's, and every index is checked after the layout against where the image has it.
 */
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawimage/rawimage_internal.h"
#include "util/diag.h"
#include "util/path.h"

#define PREGAP_SECTORS 150
#define NONE INT32_MIN

struct ses {
	int32_t leadin;        /* first LBA of its lead-in in the image, NONE */
	size_t leadin_toc;     /* into map->leadin */
	int32_t leadout;       /* its lead-out LBA */
	bool has_leadout;
	size_t first_track, track_count;
	int32_t file_start;    /* LBA of its file's sector 0 */
};

struct builder {
	const struct rcd_raw_map *map;
	const char *name;
	rawcd_diag *diag;
	struct rawcd_disc *d;
	struct ses ses[RCD_RAW_MAX_SESSIONS];
	size_t ses_count;
	int32_t pending0;      /* LBA of an INDEX 00 run waiting for its track's INDEX 01, NONE */
};

static int refuse(struct builder *b, const struct rcd_raw_run *r, const char *what)
{
	return rcd_error(b->diag, RAWCD_E_INPUT, b->name, 0, "record %llu (LBA %d): %s", (unsigned long long)r->record,
			 r->first, what);
}

static struct ses *cur_ses(struct builder *b)
{
	return &b->ses[b->ses_count - 1];
}

static int new_session(struct builder *b)
{
	if (b->ses_count == RCD_RAW_MAX_SESSIONS)
		return RAWCD_E_INPUT;
	b->ses[b->ses_count++] = (struct ses){.leadin = NONE, .first_track = b->d->track_count};
	return RAWCD_OK;
}

static int on_leadin(struct builder *b, const struct rcd_raw_run *r, size_t *leadins)
{
	struct ses *s = cur_ses(b);
	if (s->track_count && !s->has_leadout)
		return refuse(b, r, "a lead-in (TNO 0 in Q) follows a track without a lead-out between them: the "
			      "image is damaged or spliced");
	if (s->track_count && new_session(b))
		return refuse(b, r, "too many sessions");
	s = cur_ses(b);
	if (b->ses_count == 1 && r->first >= -RAWCD_MSF_LBA_OFFSET)
		return refuse(b, r, "a lead-in (TNO 0 in Q) after LBA -150, where track 1's pregap is: the image "
			      "is damaged");
	s->leadin = r->first;
	s->leadin_toc = (*leadins)++;
	return RAWCD_OK;
}

static int add_index(struct builder *b, unsigned number, int32_t lba)
{
	struct rawcd_track *t = &b->d->tracks[b->d->track_count - 1];
	struct rawcd_index *x = realloc(t->indexes, (t->index_count + 1) * sizeof(*x));
	if (!x)
		return RAWCD_E_NOMEM;
	t->indexes = x;
	x[t->index_count++] = (struct rawcd_index){.number = number, .file = b->ses_count - 1,
						   .offset = (uint32_t)(lba - cur_ses(b)->file_start), .lba = lba};
	return RAWCD_OK;
}

static int open_track(struct builder *b, const struct rcd_raw_run *r)
{
	struct rawcd_disc *d = b->d;
	struct ses *s = cur_ses(b);
	if (s->has_leadout)
		return refuse(b, r, "a track follows the lead-out without a lead-in between them: the image is "
			      "damaged or spliced");
	if (d->track_count && !d->tracks[d->track_count - 1].index_count)
		return refuse(b, r, "a track begins, but the one before it has no INDEX 01 in Q: the image is damaged");
	struct rawcd_track *t = &d->tracks[d->track_count++];
	*t = (struct rawcd_track){.number = r->tno, .session = (unsigned)b->ses_count};
	s->track_count++;
	b->pending0 = NONE;
	return RAWCD_OK;
}

/* INDEX 01: the track's control, and an INDEX 00 before it where the model has one. */
static int index_one(struct builder *b, const struct rcd_raw_run *r)
{
	struct ses *s = cur_ses(b);
	struct rawcd_track *t = &b->d->tracks[b->d->track_count - 1];
	bool first = s->track_count == 1;
	t->flags = r->control; /* CONTROL for now: turned into flags and a mode by finish_tracks() */
	if (first && b->ses_count == 1 && r->first < 0)
		return refuse(b, r, "track 1's INDEX 01 lies before LBA 0: the image's times are wrong");
	if (first && b->ses_count == 1)
		s->file_start = 0;
	else if (first)
		s->file_start = r->first;
	int rc = RAWCD_OK;
	if (b->pending0 != NONE && !(first && b->ses_count > 1)) {
		int32_t at = b->pending0 < s->file_start ? s->file_start : b->pending0;
		if (at < r->first)
			rc = add_index(b, 0, at);
	}
	return rc ? rc : add_index(b, 1, r->first);
}

static int on_track(struct builder *b, const struct rcd_raw_run *r)
{
	struct rawcd_disc *d = b->d;
	int rc = RAWCD_OK;
	if (!d->track_count || d->tracks[d->track_count - 1].number != r->tno || cur_ses(b)->has_leadout)
		rc = open_track(b, r);
	if (rc)
		return rc;
	struct rawcd_track *t = &d->tracks[d->track_count - 1];
	if (r->index == 0) {
		b->pending0 = r->first;
		return RAWCD_OK;
	}
	if (r->index == 1)
		return index_one(b, r);
	if (!t->index_count)
		return refuse(b, r, "a track has INDEX 02 or above in Q before INDEX 01: the image is damaged");
	return add_index(b, r->index, r->first);
}

static int on_leadout(struct builder *b, const struct rcd_raw_run *r)
{
	struct ses *s = cur_ses(b);
	if (!s->track_count)
		return refuse(b, r, "a lead-out (TNO AAh in Q) comes before any track of its session");
	struct rawcd_track *t = &b->d->tracks[b->d->track_count - 1];
	if (!t->index_count)
		return refuse(b, r, "the lead-out follows a track that has no INDEX 01 in Q");
	s->leadout = r->first;
	s->has_leadout = true;
	return RAWCD_OK;
}

static int walk(struct builder *b)
{
	const struct rcd_raw_map *m = b->map;
	size_t leadins = 0;
	int rc = new_session(b);
	for (size_t i = 0; i < m->run_count && rc == RAWCD_OK; i++) {
		const struct rcd_raw_run *r = &m->runs[i];
		if (r->kind == RCD_RUN_LEADIN)
			rc = on_leadin(b, r, &leadins);
		else if (r->kind == RCD_RUN_TRACK)
			rc = on_track(b, r);
		else if (!cur_ses(b)->has_leadout)
			rc = on_leadout(b, r);
	}
	if (rc)
		return rc;
	struct ses *s = cur_ses(b);
	int32_t end = m->first_lba + (int32_t)m->records;
	if (!s->track_count)
		return rcd_error(b->diag, RAWCD_E_INPUT, b->name, 0, "ends at LBA %d %s: the image is cut short", end,
				 b->ses_count > 1 || s->leadin != NONE ? "inside a lead-in, before the tracks of its session"
								       : "before any track");
	if (!b->d->tracks[b->d->track_count - 1].index_count)
		return rcd_error(b->diag, RAWCD_E_INPUT, b->name, 0, "ends at LBA %d inside the pregap of track %02u, "
				 "before its INDEX 01: the image is cut short", end, b->d->tracks[b->d->track_count - 1].number);
	if (!s->has_leadout)
		s->leadout = end;
	return RAWCD_OK;
}

/* CONTROL (kept in flags by index_one()) → flags and mode: audio by CONTROL bit 2, data as the sectors say. */
static void finish_tracks(struct builder *b)
{
	for (size_t i = 0; i < b->d->track_count; i++) {
		struct rawcd_track *t = &b->d->tracks[i];
		unsigned control = t->flags;
		bool audio = !(control & 0x04);
		t->flags = (control & 0x02 ? RAWCD_FLAG_DCP : 0) |
			   (audio ? (control & 0x01 ? RAWCD_FLAG_PRE : 0) | (control & 0x08 ? RAWCD_FLAG_4CH : 0) : 0);
		uint8_t dm = b->map->data_mode[t->number];
		t->mode = audio ? RAWCD_MODE_AUDIO : dm == 2 ? RAWCD_MODE_MODE2_2352 : RAWCD_MODE_MODE1_2352;
		if (!audio && !dm)
			rcd_warn(b->diag, b->name, 0, "data track %02u has no sector with a sync and mode byte 1 or 2: "
				 "taken as MODE1/2352", t->number);
		memcpy(t->isrc, b->map->isrc[t->number], sizeof(t->isrc));
	}
}

static int make_files(struct builder *b, const struct rcd_raw_in *in, const char *path)
{
	struct rawcd_disc *d = b->d;
	d->files = calloc(b->ses_count, sizeof(*d->files));
	if (!d->files)
		return RAWCD_E_NOMEM;
	d->file_count = b->ses_count;
	for (size_t k = 0; k < b->ses_count; k++) {
		const struct ses *s = &b->ses[k];
		struct rawcd_file *f = &d->files[k];
		f->path = strdup(path);
		f->name = strdup(rcd_path_base(path));
		if (!f->path || !f->name)
			return RAWCD_E_NOMEM;
		f->type = RAWCD_FILE_BINARY;
		f->record_size = in->record_size;
		f->sectors = (uint32_t)(s->leadout - s->file_start);
		f->byte_offset = (uint64_t)(s->file_start - b->map->first_lba) * in->record_size;
		f->byte_length = (uint64_t)f->sectors * in->record_size;
		f->bytes = f->byte_length;
		f->loaded = true;
	}
	return RAWCD_OK;
}

static uint8_t disc_type(const struct builder *b, const struct ses *s)
{
	if (s->leadin != NONE && b->map->leadin[s->leadin_toc].seen[0xA0])
		return b->map->leadin[s->leadin_toc].f[0xA0][5];
	for (size_t i = 0; i < s->track_count; i++)
		if (b->d->tracks[s->first_track + i].mode == RAWCD_MODE_MODE2_2352)
			return 0x20;
	return 0x00;
}

static int make_sessions(struct builder *b)
{
	struct rawcd_disc *d = b->d;
	d->sessions = calloc(b->ses_count, sizeof(*d->sessions));
	if (!d->sessions)
		return RAWCD_E_NOMEM;
	d->session_count = b->ses_count;
	for (size_t k = 0; k < b->ses_count; k++) {
		const struct ses *s = &b->ses[k];
		d->sessions[k] = (struct rawcd_session){.number = (unsigned)k + 1, .first_track = s->first_track,
							.track_count = s->track_count, .disc_type = disc_type(b, s),
							.leadout_length = RAWCD_LEADOUT_DEFAULT, .leadin_length = 4500};
		if (k == 0)
			continue;
		int64_t lo = (int64_t)s->leadin - b->ses[k - 1].leadout;
		int64_t li = (int64_t)s->file_start - PREGAP_SECTORS - s->leadin;
		if (lo <= 0 || li <= 0)
			return rcd_error(b->diag, RAWCD_E_INPUT, b->name, 0, "session %zu's lead-in (from LBA %d) and "
					 "pregap do not fit between the lead-out at LBA %d and its first track at LBA "
					 "%d: the image is damaged", k + 1, s->leadin, b->ses[k - 1].leadout,
					 s->file_start);
		d->sessions[k - 1].leadout_length = (uint32_t)lo;
		d->sessions[k].leadin_length = (uint32_t)li;
	}
	return RAWCD_OK;
}

/* Every index and lead-out where the image has it (the index's lba field held the image's LBA). */
static int verify(struct builder *b, const int32_t *want, size_t n)
{
	struct rawcd_disc *d = b->d;
	size_t k = 0;
	for (size_t i = 0; i < d->track_count; i++)
		for (size_t j = 0; j < d->tracks[i].index_count && k < n; j++, k++)
			if (d->tracks[i].indexes[j].lba != want[k])
				return rcd_error(b->diag, RAWCD_E_INPUT, b->name, 0, "track %02u INDEX %02u is at LBA %d "
						 "in the image, but a disc of these sessions has it at LBA %d: the gap "
						 "between the sessions is not one rawcd can lay out",
						 d->tracks[i].number, d->tracks[i].indexes[j].number, want[k],
						 d->tracks[i].indexes[j].lba);
	for (size_t s = 0; s < b->ses_count; s++)
		if (d->sessions[s].leadout_lba != b->ses[s].leadout)
			return rcd_error(b->diag, RAWCD_E_INPUT, b->name, 0, "session %zu's lead-out is at LBA %d in the "
					 "image, but the layout puts it at LBA %d", s + 1, b->ses[s].leadout,
					 d->sessions[s].leadout_lba);
	return RAWCD_OK;
}

static int lay_out(struct builder *b)
{
	struct rawcd_disc *d = b->d;
	size_t n = 0;
	for (size_t i = 0; i < d->track_count; i++)
		n += d->tracks[i].index_count;
	int32_t *want = malloc((n ? n : 1) * sizeof(*want));
	if (!want)
		return RAWCD_E_NOMEM;
	for (size_t i = 0, k = 0; i < d->track_count; i++)
		for (size_t j = 0; j < d->tracks[i].index_count; j++)
			want[k++] = d->tracks[i].indexes[j].lba;
	struct rawcd_layout_options lo = RAWCD_LAYOUT_OPTIONS_INIT;
	lo.capacity_lba = RAWCD_LBA_MAX;
	int rc = rawcd_disc_layout(d, &lo, b->diag);
	if (rc == RAWCD_OK)
		rc = verify(b, want, n);
	free(want);
	return rc;
}

static int copy_extras(struct builder *b, const struct rcd_raw_in *in, const char *path)
{
	struct rawcd_disc *d = b->d;
	const struct rcd_raw_map *m = b->map;
	memcpy(d->mcn, m->mcn, sizeof(d->mcn));
	if (m->pack_count) {
		d->cdtext_pack = malloc(m->pack_count * sizeof(*d->cdtext_pack));
		if (!d->cdtext_pack)
			return RAWCD_E_NOMEM;
		memcpy(d->cdtext_pack, m->packs, m->pack_count * sizeof(*d->cdtext_pack));
		d->cdtext_pack_count = m->pack_count;
	}
	struct rawcd_recorded_subcode *rs = &d->recorded_subcode;
	*rs = (struct rawcd_recorded_subcode){
		.store = in->record_size == RCD_RAW96_RECORD ? RAWCD_SUBSTORE_RAW96 : RAWCD_SUBSTORE_PQ16,
		.path = strdup(path), .byte_offset = RAWCD_SECTOR_SIZE, .record_size = in->record_size,
		.first_lba = m->first_lba, .sectors = m->records > UINT32_MAX ? UINT32_MAX : (uint32_t)m->records};
	return rs->path ? RAWCD_OK : RAWCD_E_NOMEM;
}

static int build(struct builder *b, const struct rcd_raw_in *in, const char *path)
{
	b->d->sheet_path = strdup(in->name);
	b->d->tracks = calloc(RAWCD_MAX_TRACKS, sizeof(*b->d->tracks));
	if (!b->d->sheet_path || !b->d->tracks)
		return RAWCD_E_NOMEM;
	int rc = walk(b);
	if (rc == RAWCD_OK) {
		finish_tracks(b);
		rc = make_files(b, in, path);
	}
	if (rc == RAWCD_OK)
		rc = make_sessions(b);
	if (rc == RAWCD_OK)
		rc = copy_extras(b, in, path);
	if (rc == RAWCD_OK)
		rc = lay_out(b);
	for (size_t k = 0; rc == RAWCD_OK && k < b->ses_count; k++)
		if (b->ses[k].leadin != NONE)
			rc = rcd_leadin_check(&b->map->leadin[b->ses[k].leadin_toc], (unsigned)k + 1, b->d, b->name, b->diag);
	return rc;
}

int rcd_raw_disc_build(struct rawcd_disc **out, const struct rcd_raw_map *map, const struct rcd_raw_in *in,
		       const char *path, rawcd_diag *diag)
{
	struct builder *b = calloc(1, sizeof(*b));
	struct rawcd_disc *d = calloc(1, sizeof(*d));
	int rc = RAWCD_E_NOMEM;
	if (b && d) {
		*b = (struct builder){.map = map, .name = in->name, .diag = diag, .d = d, .pending0 = NONE};
		rc = build(b, in, path);
	}
	free(b);
	if (rc) {
		rawcd_disc_free(d);
		return rc;
	}
	d->input_kind = RAWCD_INPUT_RAW;
	*out = d;
	return RAWCD_OK;
}
