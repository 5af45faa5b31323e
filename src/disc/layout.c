/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Layout: the LBA of every index, pregap, track end and lead-out.
 *
 * The image is the files' contents in sheet order, with generated sectors (PREGAP, POSTGAP, the gap
 * between sessions) inserted where they stand. file_lba[f] is the LBA of sector 0 of file f; inserting a
 * gap inside a file moves the rest of that file, so file_lba[f] grows by the gap. All generated sectors
 * wait in `pending` until the next piece of file content is placed. CDRWin semantics, as cdrdao and
 * libcdio read them: PREGAP and POSTGAP are not in the file; INDEX 00 in a file is a pregap that is. */
#include <stdint.h>
#include <stdlib.h>

#include "rawcd/disc.h"
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "util/diag.h"

#define PREGAP_SECTORS 150  /* the 2-second pause before a track of another kind (IEC 60908 §18) */
#define MIN_TRACK_SECTORS 300 /* 4 seconds (ECMA-130 §22.3.3.1; IMAPI2 AddTrack) */

struct placer {
	const struct rawcd_disc *disc;
	int64_t *file_lba;   /* per file; INT64_MIN until the file is first used */
	size_t cur_file;     /* the file last placed from, SIZE_MAX before any */
	int64_t pending;     /* generated sectors waiting to be inserted before the next content */
};

/* Where the next piece of file content would start if nothing more were inserted. */
static int64_t insertion_point(const struct placer *p, size_t file)
{
	if (p->cur_file == SIZE_MAX)
		return 0;
	if (file == p->cur_file)
		return -1; /* inside the current file: depends on the offset */
	return p->file_lba[p->cur_file] + p->disc->files[p->cur_file].sectors;
}

/* LBA of sector @p offset of @p file as it would be placed now, without the pending gap. */
static int64_t position(const struct placer *p, size_t file, uint32_t offset)
{
	int64_t at = insertion_point(p, file);
	return at < 0 ? p->file_lba[file] + offset : at + offset;
}

/* Place content at (file, offset): insert the pending gap first. */
static int64_t place(struct placer *p, size_t file, uint32_t offset)
{
	if (file != p->cur_file) {
		p->file_lba[file] = insertion_point(p, file) + p->pending;
		p->cur_file = file;
	} else {
		p->file_lba[file] += p->pending;
	}
	p->pending = 0;
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
	int64_t at = insertion_point(p, first->file);
	if (at < 0)
		at = p->file_lba[first->file] + first->offset;
	prev->leadout_lba = (int32_t)(at + p->pending);
	int64_t target = prev->leadout_lba + (int64_t)prev->leadout_length + ses->leadin_length + PREGAP_SECTORS;
	int64_t before = at + p->pending + t->pregap + (position(p, one->file, one->offset) - position(p, first->file, first->offset));
	if (target > before)
		p->pending += target - before;
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
		p->pending += t->pregap;
		for (size_t j = 0; j < t->index_count; j++) {
			struct rawcd_index *x = &t->indexes[j];
			x->lba = (int32_t)place(p, x->file, x->offset);
		}
		t->start_lba = index1(t)->lba;
		t->pregap_lba = i == 0 ? 0 : (int32_t)(t->indexes[0].lba - (int32_t)t->pregap);
		p->pending += t->postgap;
	}
	d->sessions[d->session_count - 1].leadout_lba =
		(int32_t)(p->file_lba[p->cur_file] + d->files[p->cur_file].sectors + p->pending);
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
	int rc = check_offsets(disc, diag);
	if (rc)
		return rc;
	struct placer p = {.disc = disc, .cur_file = SIZE_MAX};
	p.file_lba = calloc(disc->file_count, sizeof(*p.file_lba));
	if (!p.file_lba)
		return RAWCD_E_NOMEM;
	place_tracks(&p, disc);
	free(p.file_lba);
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
