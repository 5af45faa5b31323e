/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Layout: the LBA of every index, pregap, track end and lead-out.
 *
 * The image is the files' contents in sheet order, with generated sectors (PREGAP, POSTGAP) and the gap
 * between sessions inserted where they stand. file_lba[f] is the LBA of sector 0 of file f; inserting a
 * gap inside a file moves the rest of that file, so file_lba[f] grows by the gap. Generated sectors wait
 * in `pending` until the next piece of file content is placed. Each run of file content or generated
 * sectors is recorded as an extent, which is what the sector stream reads. CDRWin semantics, as cdrdao and
 * libcdio read them: PREGAP and POSTGAP are not in the file; INDEX 00 in a file is a pregap that is. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "rawcd/disc.h"
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "util/diag.h"

#define PREGAP_SECTORS 150  /* the 2-second pause before a track of another kind (IEC 60908 §18) */
#define MIN_TRACK_SECTORS 300 /* 4 seconds (ECMA-130 §22.3.3.1; IMAPI2 AddTrack) */

struct placer {
	struct rawcd_disc *disc;
	int64_t *file_lba;   /* per file: LBA of its sector 0 */
	size_t cur_file;     /* the open file, SIZE_MAX when none is (before the first, after closing) */
	uint32_t ext_offset; /* first sector of the open file not yet recorded as an extent */
	int64_t tail;        /* with no open file: the LBA where the next sector goes */
	int64_t pending;     /* generated sectors waiting to go in before the next file content */
	size_t next_file;    /* the first file not yet entered: files are entered in order */
	size_t ext_cap;
	bool nomem;
};

static void add_extent(struct placer *p, int64_t lba, int64_t sectors, size_t file, uint32_t offset)
{
	struct rawcd_disc *d = p->disc;
	if (sectors <= 0)
		return;
	if (d->extent_count == p->ext_cap) {
		size_t cap = p->ext_cap ? p->ext_cap * 2 : 16;
		struct rawcd_extent *e = realloc(d->extents, cap * sizeof(*e));
		if (!e) {
			p->nomem = true;
			return;
		}
		d->extents = e;
		p->ext_cap = cap;
	}
	d->extents[d->extent_count++] = (struct rawcd_extent){
		.lba = (int32_t)lba, .sectors = (uint32_t)sectors, .file = file, .offset = offset};
}

/* Record the open file's content up to @p offset. */
static void record_file(struct placer *p, uint32_t offset)
{
	size_t f = p->cur_file;
	add_extent(p, p->file_lba[f] + p->ext_offset, (int64_t)offset - p->ext_offset, f, p->ext_offset);
	p->ext_offset = offset;
}

/* The rest of the open file belongs to the track before whatever comes next. */
static void close_file(struct placer *p)
{
	if (p->cur_file == SIZE_MAX)
		return;
	record_file(p, p->disc->files[p->cur_file].sectors);
	p->tail = p->file_lba[p->cur_file] + p->disc->files[p->cur_file].sectors;
	p->cur_file = SIZE_MAX;
}

/* Insert @p n sectors before sector @p offset of the open file, or at the tail: generated ones become an
 * extent, the others (the gap between sessions) are in no extent. Returns the LBA of the first. */
static int64_t insert(struct placer *p, uint32_t offset, int64_t n, bool generated)
{
	int64_t at;
	if (p->cur_file != SIZE_MAX) {
		at = p->file_lba[p->cur_file] + offset;
		if (n == 0)
			return at;
		record_file(p, offset);
		p->file_lba[p->cur_file] += n;
	} else {
		at = p->tail;
		p->tail += n;
	}
	if (generated)
		add_extent(p, at, n, RAWCD_NO_FILE, 0);
	return at;
}

static int64_t place(struct placer *p, size_t file, uint32_t offset);

/* Files before @p upto that no index names go in whole, in order: a cdrdao TOC track made of several
 * pieces (SILENCE, then FILE, ...) has indexes in some of them only. A CUE sheet's files all have one. */
static void enter_unindexed(struct placer *p, size_t upto)
{
	while (p->next_file < upto)
		place(p, p->next_file, 0);
}

/* Place the content at (file, offset), the pending generated sectors first. */
static int64_t place(struct placer *p, size_t file, uint32_t offset)
{
	if (file > p->next_file)
		enter_unindexed(p, file);
	if (file >= p->next_file)
		p->next_file = file + 1;
	if (file != p->cur_file)
		close_file(p);
	insert(p, offset, p->pending, true);
	p->pending = 0;
	if (file != p->cur_file) {
		p->file_lba[file] = p->tail;
		p->cur_file = file;
		p->ext_offset = 0;
	}
	return p->file_lba[file] + offset;
}

static int check_offsets(const struct rawcd_disc *d, rawcd_diag *diag)
{
	for (size_t i = 0; i < d->track_count; i++) {
		const struct rawcd_track *t = &d->tracks[i];
		for (size_t j = 0; j < t->index_count; j++) {
			const struct rawcd_index *x = &t->indexes[j];
			const struct rawcd_file *f = &d->files[x->file];
			if (x->offset >= f->sectors) {
				char a[10], b[10];
				return rcd_error(diag, RAWCD_E_LAYOUT, d->sheet_path, x->line,
						 "INDEX %02u of track %02u at %s is beyond the end of \"%s\", which "
						 "holds %s (%u sectors): check the time or the file",
						 x->number, t->number, rawcd_msf_format(x->offset, a), f->name,
						 rawcd_msf_format(f->sectors, b), f->sectors);
			}
		}
	}
	return RAWCD_OK;
}

static const struct rawcd_index *index1(const struct rawcd_track *t)
{
	for (size_t i = 0; i < t->index_count; i++)
		if (t->indexes[i].number == 1)
			return &t->indexes[i];
	return NULL;
}

/* The first track of session n > 1: INDEX 01 lands lead-out + lead-in + 150 after the last lead-out. */
static void open_session(struct placer *p, struct rawcd_session *prev, const struct rawcd_session *ses,
			 const struct rawcd_track *t)
{
	const struct rawcd_index *first = &t->indexes[0], *one = index1(t);
	enter_unindexed(p, first->file);
	if (first->file != p->cur_file)
		close_file(p);
	insert(p, first->offset, p->pending, true);
	p->pending = 0;
	prev->leadout_lba = (int32_t)insert(p, first->offset, 0, false);
	/* Sectors the sheet puts before INDEX 01: PREGAP, then file content from the first index on. */
	int64_t before = t->pregap + (one->file == first->file
		? (int64_t)one->offset - first->offset
		: (int64_t)p->disc->files[first->file].sectors - first->offset + one->offset);
	int64_t gap = (int64_t)prev->leadout_length + ses->leadin_length + PREGAP_SECTORS - before;
	if (gap > 0)
		insert(p, first->offset, gap, false);
}

static void place_tracks(struct placer *p, struct rawcd_disc *d)
{
	size_t s = 0;
	for (size_t i = 0; i < d->track_count; i++) {
		struct rawcd_track *t = &d->tracks[i];
		if (i > 0 && t->session != d->tracks[i - 1].session) {
			open_session(p, &d->sessions[s], &d->sessions[s + 1], t);
			s++;
		}
		enter_unindexed(p, t->indexes[0].file); /* the last pieces of the track before */
		p->pending += t->pregap;
		for (size_t j = 0; j < t->index_count; j++) {
			struct rawcd_index *x = &t->indexes[j];
			x->lba = (int32_t)place(p, x->file, x->offset);
		}
		t->start_lba = index1(t)->lba;
		t->pregap_lba = i == 0 ? 0 : (int32_t)(t->indexes[0].lba - (int32_t)t->pregap);
		p->pending += t->postgap;
	}
	enter_unindexed(p, d->file_count);
	close_file(p);
	insert(p, 0, p->pending, true);
	d->sessions[d->session_count - 1].leadout_lba = (int32_t)p->tail;
}

static void set_lengths(struct rawcd_disc *d)
{
	for (size_t s = 0; s < d->session_count; s++) {
		struct rawcd_session *ses = &d->sessions[s];
		for (size_t k = 0; k < ses->track_count; k++) {
			struct rawcd_track *t = &d->tracks[ses->first_track + k];
			bool last = k + 1 == ses->track_count;
			t->end_lba = last ? ses->leadout_lba : t[1].pregap_lba;
			t->length = (uint32_t)((last ? ses->leadout_lba : t[1].start_lba) - t->start_lba);
		}
	}
	d->last_used_user_sector = rawcd_disc_leadout_lba(d) - 1;
}

static void warn_short_and_gaps(const struct rawcd_disc *d, rawcd_diag *diag)
{
	for (size_t i = 0; i < d->track_count; i++) {
		const struct rawcd_track *t = &d->tracks[i];
		if (t->end_lba - t->start_lba < MIN_TRACK_SECTORS)
			rcd_warn(diag, d->sheet_path, t->line,
				 "track %02u is %d sectors long, under the 4 seconds (300 sectors) a CD track must "
				 "have; some drives and players will refuse it", t->number, t->end_lba - t->start_lba);
		if (i == 0 || t->session != t[-1].session)
			continue;
		bool was_audio = rawcd_track_mode_is_audio(t[-1].mode), audio = rawcd_track_mode_is_audio(t->mode);
		if (was_audio != audio && t->start_lba - t->pregap_lba < PREGAP_SECTORS)
			rcd_warn(diag, d->sheet_path, t->line,
				 "%s track %02u follows %s track %02u with a pregap of %d sectors; the standard "
				 "wants 150 (2 seconds): add PREGAP 00:02:00", audio ? "audio" : "data", t->number,
				 was_audio ? "an audio" : "a data", t[-1].number, t->start_lba - t->pregap_lba);
	}
}

int rawcd_disc_layout(struct rawcd_disc *disc, const struct rawcd_layout_options *opts, rawcd_diag *diag)
{
	struct rawcd_layout_options defaults = RAWCD_LAYOUT_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!disc || !disc->track_count || opts->version != RAWCD_LAYOUT_OPTIONS_VERSION)
		return RAWCD_E_ARG;
	for (size_t f = 0; f < disc->file_count; f++)
		if (!disc->files[f].loaded)
			return RAWCD_E_ARG;
	for (size_t i = 0; i < disc->track_count; i++)
		for (size_t j = 0; j < disc->tracks[i].index_count; j++)
			if (disc->tracks[i].indexes[j].file >= disc->file_count) /* an INDEX before any FILE */
				return RAWCD_E_ARG;
	int rc = check_offsets(disc, diag);
	if (rc)
		return rc;
	struct placer p = {.disc = disc, .cur_file = SIZE_MAX};
	p.file_lba = calloc(disc->file_count, sizeof(*p.file_lba));
	if (!p.file_lba)
		return RAWCD_E_NOMEM;
	free(disc->extents);
	disc->extents = NULL;
	disc->extent_count = 0;
	place_tracks(&p, disc);
	free(p.file_lba);
	if (p.nomem)
		return RAWCD_E_NOMEM;
	set_lengths(disc);
	int32_t leadout = rawcd_disc_leadout_lba(disc);
	if (leadout > opts->capacity_lba) {
		char a[10], b[10];
		return rcd_error(diag, RAWCD_E_LAYOUT, disc->sheet_path, 0,
				 "the disc needs a lead-out at %s (LBA %d), beyond the capacity %s (LBA %d): "
				 "shorten it or raise --capacity for longer media",
				 rawcd_msf_format((uint32_t)leadout + 150, a), leadout,
				 rawcd_msf_format((uint32_t)opts->capacity_lba + 150, b), opts->capacity_lba);
	}
	warn_short_and_gaps(disc, diag);
	disc->laid_out = true;
	return RAWCD_OK;
}
