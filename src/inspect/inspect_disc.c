/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inspecting a laid-out disc: the sectors come from the sector stream (so a sheet's files are read as the
 * converter reads them: raw sectors as they are, cooked ones encoded), the subcode from a CloneCD .sub.
 * Each sector is planned against the layout: its track (pregap included), what its track's mode wants
 * (either kind in a pregap, where writers put both), and its P/Q against rawcd_subcode_sector().
 */
#include "inspect/inspect_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawcd/error.h"
#include "rawcd/stream.h"
#include "util/diag.h"

#define CHANNEL_BYTES 12 /* one subchannel of one sector in the .sub: P at 0, Q at 12 */

struct disc_src {
	const struct rawcd_disc *disc;
	rawcd_stream *stream;
	rawcd_diag *stream_diag; /* its per-sector warnings repeat our findings; only errors are passed on */
	rawcd_subcode *expected; /* NULL: subcode checked without the layout */
	int sub_fd;
	uint64_t sub_sectors;
	const char *sub_path;
	size_t track, extent;    /* cursors: they only move forward */
	uint64_t sub_pos;        /* the .sub record of the next sector the stream yields */
	uint8_t raw[RCD_INSPECT_BATCH * RAWCD_SUBCODE_SIZE];
};

static enum rawcd_inspect_expect expect_of(enum rawcd_track_mode mode)
{
	switch (mode) {
	case RAWCD_MODE_AUDIO:
	case RAWCD_MODE_CDG: return RAWCD_EXPECT_AUDIO;
	case RAWCD_MODE_MODE1_2048:
	case RAWCD_MODE_MODE1_2352: return RAWCD_EXPECT_MODE1;
	default: return RAWCD_EXPECT_MODE2;
	}
}

/* Whether @p lba lies beyond the end of its BINARY/MOTOROLA file (the stream reads zeros there). */
static bool beyond_file(struct disc_src *s, int32_t lba)
{
	const struct rawcd_disc *d = s->disc;
	while (s->extent + 1 < d->extent_count && d->extents[s->extent + 1].lba <= lba)
		s->extent++;
	const struct rawcd_extent *e = &d->extents[s->extent];
	if (e->file == RAWCD_NO_FILE || lba < e->lba || lba >= e->lba + (int64_t)e->sectors)
		return false;
	const struct rawcd_file *f = &d->files[e->file];
	if (f->type != RAWCD_FILE_BINARY && f->type != RAWCD_FILE_MOTOROLA)
		return false;
	unsigned size = rawcd_track_mode_file_sector_size(d->tracks[s->track].mode);
	uint64_t have = (f->bytes + size - 1) / size;
	return (uint64_t)e->offset + (uint64_t)(lba - e->lba) >= have;
}

static void plan_main(struct disc_src *s, struct rcd_islot *slot, size_t at, size_t n, int32_t lba)
{
	const struct rawcd_disc *d = s->disc;
	for (size_t i = 0; i < n; i++) {
		int32_t l = lba + (int32_t)i;
		while (s->track + 1 < d->track_count && d->tracks[s->track + 1].pregap_lba <= l)
			s->track++;
		const struct rawcd_track *t = &d->tracks[s->track];
		slot->sec[at + i] = (struct rcd_isector){
			.lba = l, .track = (uint8_t)s->track,
			.expect = (uint8_t)(l < t->start_lba ? RAWCD_EXPECT_ANY : expect_of(t->mode)),
			.missing = beyond_file(s, l)};
	}
}

/* The .sub of sectors lba .. lba + n - 1 (CloneCD: 96 bytes a sector from LBA 0, channel after channel;
 * a multisession image holds the sessions back to back, as its .img does, so the record of a sector is its
 * place in the stream, which skips the gaps between sessions). */
static int plan_sub(struct disc_src *s, struct rcd_irun *run, struct rcd_islot *slot, size_t at, size_t n, int32_t lba)
{
	uint64_t first = lba < 0 ? 0 : s->sub_pos;
	if (lba >= 0)
		s->sub_pos += n;
	size_t have = first >= s->sub_sectors ? 0 : (size_t)(s->sub_sectors - first < n ? s->sub_sectors - first : n);
	size_t bytes = have * RAWCD_SUBCODE_SIZE, got = 0;
	while (got < bytes) {
		ssize_t r = pread(s->sub_fd, s->raw + got, bytes - got, (off_t)(first * RAWCD_SUBCODE_SIZE + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return rcd_error(run->diag, RAWCD_E_IO, s->sub_path, 0, "read failed at sector %llu: %s",
					 (unsigned long long)first, r < 0 ? strerror(errno) : "the file shrank");
		got += (size_t)r;
	}
	for (size_t i = 0; i < n; i++) {
		struct rcd_isector *x = &slot->sec[at + i];
		if (lba < 0 || i >= have) {
			x->findings |= RAWCD_FINDING_MISSING;
			continue;
		}
		struct rawcd_subchannels *sc = &slot->sub[at + i];
		memcpy(sc->p, s->raw + i * RAWCD_SUBCODE_SIZE, CHANNEL_BYTES);
		memcpy(sc->q, s->raw + i * RAWCD_SUBCODE_SIZE + CHANNEL_BYTES, CHANNEL_BYTES);
		struct rawcd_inspect_subq sq;
		if (rawcd_inspect_subcode(&sq, sc, x->lba, s->expected, true) == RAWCD_OK)
			rcd_irun_subcode(run, slot, at + i, &sq);
	}
	return RAWCD_OK;
}

static void pass_errors(rawcd_diag *to, rawcd_diag *from)
{
	for (size_t i = 0; i < rawcd_diag_count(from); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(from, i);
		if (e->severity == RAWCD_SEV_ERROR)
			rcd_diag_add(to, e->severity, e->code, e->file, e->line, "%s", e->message);
	}
	rawcd_diag_clear(from);
}

static int fill(void *ctx, struct rcd_irun *run, struct rcd_islot *slot)
{
	struct disc_src *s = ctx;
	while (slot->count < RCD_INSPECT_BATCH) {
		size_t n;
		int32_t lba;
		int rc = rawcd_stream_read(s->stream, slot->main + slot->count * RAWCD_SECTOR_SIZE,
					   RCD_INSPECT_BATCH - slot->count, &n, &lba);
		if (rc == RAWCD_OK && n > 0) {
			plan_main(s, slot, slot->count, n, lba);
			if (slot->sub)
				rc = plan_sub(s, run, slot, slot->count, n, lba);
		}
		pass_errors(run->diag, s->stream_diag);
		if (rc || n == 0)
			return rc;
		slot->count += n;
	}
	return RAWCD_OK;
}

static int open_sub(struct disc_src *s, const char *path, rawcd_diag *diag)
{
	struct stat st;
	s->sub_path = path;
	s->sub_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->sub_fd < 0 || fstat(s->sub_fd, &st) != 0)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot open: %s", strerror(errno));
	posix_fadvise(s->sub_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	s->sub_sectors = (uint64_t)st.st_size / RAWCD_SUBCODE_SIZE;
	uint64_t want = rawcd_stream_total(s->stream);
	if (s->sub_sectors < want)
		rcd_warn(diag, path, 0, "holds the subcode of %llu sectors, fewer than the %llu of the image: "
			 "the rest is missing", (unsigned long long)s->sub_sectors, (unsigned long long)want);
	if (rawcd_subcode_new(&s->expected, s->disc, NULL, NULL) != RAWCD_OK)
		rcd_warn(diag, path, 0, "the layout cannot generate subcode (multisession, or an MCN/ISRC Q cannot "
			 "carry): Q is checked for CRC and positions by the LBA alone");
	return RAWCD_OK;
}

static int open_source(struct disc_src *s, const struct rawcd_inspect_options *opts, const char *sub_path,
		       rawcd_diag *diag)
{
	struct rawcd_stream_options so = RAWCD_STREAM_OPTIONS_INIT;
	so.scramble = opts->descramble; /* the same XOR both ways (ECMA-130 Annex B) */
	s->stream_diag = rawcd_diag_new();
	if (!s->stream_diag)
		return RAWCD_E_NOMEM;
	int rc = rawcd_stream_new(&s->stream, s->disc, &so, s->stream_diag);
	pass_errors(diag, s->stream_diag);
	if (rc == RAWCD_OK && sub_path)
		rc = open_sub(s, sub_path, diag);
	return rc;
}

static void close_source(struct disc_src *s)
{
	rawcd_stream_free(s->stream);
	rawcd_diag_free(s->stream_diag);
	rawcd_subcode_free(s->expected);
	if (s->sub_fd >= 0)
		close(s->sub_fd);
	free(s);
}

static int register_tracks(struct rcd_irun *run, const struct rawcd_disc *d)
{
	for (size_t i = 0; i < d->track_count; i++) {
		uint8_t idx;
		int rc = rcd_irun_track(run, d->tracks[i].number, d->tracks[i].mode, false, d->tracks[i].pregap_lba, &idx);
		if (rc)
			return rc;
	}
	return RAWCD_OK;
}

int rawcd_inspect_disc(struct rawcd_inspect_report **out, const struct rawcd_disc *disc, const char *sub_path,
		       const struct rawcd_inspect_options *opts, rawcd_diag *diag)
{
	struct rawcd_inspect_options defaults = RAWCD_INSPECT_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!out || !disc || !disc->laid_out || !disc->track_count || disc->track_count > RAWCD_MAX_TRACKS ||
	    opts->version != RAWCD_INSPECT_OPTIONS_VERSION)
		return RAWCD_E_ARG;
	struct rcd_irun run;
	int rc = rcd_irun_init(&run, disc->sheet_path ? disc->sheet_path : "", RAWCD_INSPECT_CUE, opts, diag);
	if (rc)
		return rc;
	struct disc_src *s = calloc(1, sizeof(*s));
	if (!s) {
		rcd_irun_discard(&run);
		return RAWCD_E_NOMEM;
	}
	s->disc = disc;
	s->sub_fd = -1;
	rc = register_tracks(&run, disc);
	if (rc == RAWCD_OK)
		rc = open_source(s, opts, sub_path, diag);
	if (rc == RAWCD_OK) {
		run.report->subcode = sub_path != NULL;
		struct rcd_isource src = {.fill = fill, .ctx = s, .total = rawcd_stream_total(s->stream),
					  .subcode = sub_path != NULL};
		rc = rcd_inspect_pipeline(&run, &src);
	}
	close_source(s);
	if (rc) {
		rcd_irun_discard(&run);
		return rc;
	}
	*out = rcd_irun_finish(&run);
	return *out ? RAWCD_OK : RAWCD_E_INTERNAL;
}
