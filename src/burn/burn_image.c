/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Burning an image's own blocks (IMAPI2 IDiscFormat2RawCD::WriteMedia2, research/imapi.md §4): a raw
 * image (2448-byte raw96, 2368-byte pq16: src/rawimage/) written in raw DAO sends each record's main
 * channel as the image holds it, its lead-in and lead-out included, with the record's subcode (the
 * stream's recorded subcode, src/image/recorded_subcode.c). The records before the ATIP lead-in start are
 * not sent (IMAPI skips them); an image whose lead-in starts after the medium's is refused with both
 * LBAs before anything is sent (E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT); an image without a lead-in gets
 * the generated one (the TOC recovered from its Q), and LBAs after its last record the generated lead-out.
 *
 * rawcd's raw images hold data sectors unscrambled (as a BIN does): a data sector of the image is
 * scrambled on the way exactly where the sector stream scrambles the sheet's (a sector of a data track,
 * its lead-in and lead-out counting as the first and last track's; ECMA-130 Annex B), so that a raw96
 * image made by `rawcd convert --format raw96 --lead-in=N --lead-out` burns to the blocks its sheet burns to.
 *
 * Also here, for images with recorded subcode (a CloneCD .sub, a raw image): a .sub shorter than the disc
 * is refused before the first WRITE (its missing frames would be invented); and in a mode that cannot keep
 * what was recorded (raw16: no R-W; SAO: the drive writes its own P and Q, R-W only over a CD-TEXT
 * lead-in) a warning names the frames whose Q will be regenerated or whose R-W is dropped.
 */
#include "burn_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/recorded_subcode.h"
#include "rawcd/error.h"
#include "rawcd/sector.h"
#include "util/diag.h"

#define CHUNK 64        /* records read at a time */
#define NAMED_FRAMES 10 /* LBAs a loss warning names before it counts the rest */

struct rcd_burn_image {
	FILE *f;
	const char *path;
	int32_t first, end;  /* the LBAs the image's records cover: [first, end) */
	unsigned record_size;
	uint64_t main_offset; /* bytes from the file's start to the main channel of LBA first */
	uint8_t *buf;         /* CHUNK records */
};

static bool is_raw_image(const struct rawcd_disc *d)
{
	return d->input_kind == RAWCD_INPUT_RAW && d->recorded_subcode.store != RAWCD_SUBSTORE_NONE &&
	       d->recorded_subcode.record_size > RAWCD_SECTOR_SIZE;
}

/* The image starts before track 1's pregap: it holds a lead-in of its own. */
static bool has_leadin(const struct rawcd_disc *d)
{
	return is_raw_image(d) && d->recorded_subcode.first_lba < -RAWCD_MSF_LBA_OFFSET;
}

static int check_leadin(struct rcd_burn *b)
{
	const struct rawcd_recorded_subcode *r = &b->disc->recorded_subcode;
	int32_t need = b->info.atip.leadin_start_lba;
	if (!has_leadin(b->disc) || r->first_lba <= need)
		return RAWCD_OK;
	struct rawcd_msf at = rawcd_lba_to_msf(r->first_lba);
	return rcd_error(b->d.diag, RAWCD_E_LAYOUT, r->path, 0, "the image's lead-in starts at LBA %d (%02u:%02u:%02u, "
			 "%d sectors before LBA 0) but this medium's starts at LBA %d (ATIP, %d sectors): %d lead-in "
			 "sectors are missing (IMAPI: E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT); make the image with "
			 "--lead-in=%d or more, or without a lead-in to have it generated; nothing was written",
			 r->first_lba, at.m, at.s, at.f, -r->first_lba, need, -need, r->first_lba - need, -need);
}

/* A CloneCD .sub that ends before the disc's lead-out: its last frames would be generated, silently
 * mixing recorded and invented subcode on the disc. */
static int check_short_sub(struct rcd_burn *b)
{
	const struct rawcd_disc *d = b->disc;
	const struct rawcd_recorded_subcode *r = &d->recorded_subcode;
	if (d->input_kind != RAWCD_INPUT_CCD || r->store == RAWCD_SUBSTORE_NONE || b->o.regenerate_subcode ||
	    d->session_count != 1)
		return RAWCD_OK;
	int32_t leadout = rawcd_disc_leadout_lba(d);
	if ((int64_t)r->first_lba + r->sectors >= leadout)
		return RAWCD_OK;
	return rcd_error(b->d.diag, RAWCD_E_INPUT, r->path, 0, "the subchannel file holds %u frames but the disc "
			 "has %d sectors before its lead-out: it is cut (%d frames missing); use the whole .sub, or "
			 "burn with --regenerate-subcode to generate all of it; nothing was written", r->sectors,
			 leadout, leadout - (int32_t)(r->first_lba + (int32_t)r->sectors));
}

int rcd_burn_image_open(struct rcd_burn *b)
{
	int rc = check_short_sub(b);
	if (rc == RAWCD_OK && b->o.write_mode != RAWCD_WRITE_SAO)
		rc = check_leadin(b);
	if (rc || !is_raw_image(b->disc))
		return rc;
	const struct rawcd_recorded_subcode *r = &b->disc->recorded_subcode;
	struct rcd_burn_image *im = calloc(1, sizeof(*im));
	if (!im || !(im->buf = malloc((size_t)CHUNK * r->record_size))) {
		free(im);
		return RAWCD_E_NOMEM;
	}
	*im = (struct rcd_burn_image){.path = r->path, .first = r->first_lba, .end = r->first_lba + (int32_t)r->sectors,
				      .record_size = r->record_size, .main_offset = r->byte_offset - RAWCD_SECTOR_SIZE,
				      .buf = im->buf};
	im->f = fopen(r->path, "rb");
	if (!im->f) {
		rc = rcd_error(b->d.diag, RAWCD_E_INPUT, r->path, 0, "cannot open the image (%s); nothing was "
			       "written", strerror(errno));
		free(im->buf);
		free(im);
		return rc;
	}
	b->image = im;
	return RAWCD_OK;
}

void rcd_burn_image_close(struct rcd_burn *b)
{
	struct rcd_burn_image *im = b->image;
	if (!im)
		return;
	fclose(im->f);
	free(im->buf);
	free(im);
	b->image = NULL;
}

/* The stream scrambles a sector of a non-audio track; the lead-in is the first track's, the lead-out the
 * last one's; between sessions the lead-out is its session's last track's, the next lead-in the next
 * session's first track's (src/image/stream.c, session_gaps). */
static bool scrambled_at(const struct rawcd_disc *d, int32_t lba)
{
	size_t t = 0;
	while (t + 1 < d->track_count && lba >= d->tracks[t + 1].pregap_lba)
		t++;
	for (size_t s = 0; s + 1 < d->session_count; s++) {
		const struct rawcd_session *ses = &d->sessions[s];
		int32_t next_leadin = ses->leadout_lba +
				      (int32_t)(ses->leadout_length ? ses->leadout_length : RAWCD_BURN_LEADOUT_SECTORS);
		if (t + 1 == ses->first_track + ses->track_count && lba >= next_leadin)
			t = d->sessions[s + 1].first_track;
	}
	return !rawcd_track_mode_is_audio(d->tracks[t].mode);
}

static int read_chunk(struct rcd_burn *b, int32_t lba, size_t n)
{
	struct rcd_burn_image *im = b->image;
	uint64_t at = im->main_offset + (uint64_t)(lba - im->first) * im->record_size;
	if (fseeko(im->f, (off_t)at, SEEK_SET) == 0 && fread(im->buf, im->record_size, n, im->f) == n)
		return RAWCD_OK;
	return rcd_error(b->d.diag, RAWCD_E_IO, im->path, 0, "cannot read record %lld of the image (%s)",
			 (long long)(lba - im->first), ferror(im->f) ? strerror(errno) : "the file got shorter");
}

int rcd_burn_image_main(struct rcd_burn *b, int32_t lba, size_t n, uint8_t *main)
{
	struct rcd_burn_image *im = b->image;
	if (!im || b->r.mode == RAWCD_WRITE_SAO)
		return RAWCD_OK;
	int32_t from = lba > im->first ? lba : im->first, to = lba + (int32_t)n < im->end ? lba + (int32_t)n : im->end;
	bool keep = b->disc->files[0].scrambled; /* stored as on the disc already */
	for (int32_t at = from; at < to; at += CHUNK) {
		size_t m = (size_t)(to - at) < CHUNK ? (size_t)(to - at) : CHUNK;
		int rc = read_chunk(b, at, m);
		if (rc)
			return rc;
		for (size_t i = 0; i < m; i++) {
			uint8_t *dst = main + (size_t)(at + (int32_t)i - lba) * RAWCD_SECTOR_SIZE;
			memcpy(dst, im->buf + i * im->record_size, RAWCD_SECTOR_SIZE);
			if (!keep && scrambled_at(b->disc, at + (int32_t)i))
				rawcd_scramble_sectors(dst, 1);
		}
	}
	return RAWCD_OK;
}

/* ---- what raw16 and SAO cannot keep of the recorded subcode ---- */

struct losses {
	uint64_t count;
	int32_t named[NAMED_FRAMES];
};

static void lose(struct losses *l, int32_t lba)
{
	if (l->count < NAMED_FRAMES)
		l->named[l->count] = lba;
	l->count++;
}

static void warn_losses(struct rcd_burn *b, const struct losses *l, const char *what)
{
	if (l->count == 0)
		return;
	char list[NAMED_FRAMES * 12 + 40];
	size_t used = 0;
	for (uint64_t i = 0; i < l->count && i < NAMED_FRAMES; i++)
		used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%d", i ? ", " : "", l->named[i]);
	if (l->count > NAMED_FRAMES)
		snprintf(list + used, sizeof(list) - used, " and %llu more", (unsigned long long)(l->count - NAMED_FRAMES));
	rcd_warn(b->d.diag, b->disc->recorded_subcode.path, 0, "write mode %s: %llu recorded frame%s %s (LBA%s %s)",
		 rawcd_write_mode_name(b->r.mode), (unsigned long long)l->count, l->count == 1 ? "" : "s", what,
		 l->count == 1 ? "" : "s", list);
}

static bool rw_nonzero(const struct rawcd_subchannels *s)
{
	for (size_t i = 0; i < sizeof(s->rw); i++)
		if (s->rw[i])
			return true;
	return false;
}

/* Compare the recorded subcode of [lba, lba + n) with the generated one. */
static int scan_batch(struct rcd_recsub *rs, const rawcd_subcode *gen, int32_t lba, size_t n, bool sao,
		      struct losses *q, struct losses *rw)
{
	struct rawcd_subchannels g[CHUNK], r[CHUNK];
	for (size_t i = 0; i < n; i++) {
		rawcd_subcode_sector(gen, lba + (int32_t)i, NULL, &g[i]);
		r[i] = g[i];
		memset(r[i].rw, 0, sizeof(r[i].rw)); /* R-W the record lacks (PQ16) count as none */
	}
	int rc = rcd_recsub_apply(rs, lba, n, r, NULL);
	for (size_t i = 0; i < n && rc == RAWCD_OK; i++) {
		if (sao && memcmp(r[i].q, g[i].q, sizeof(g[i].q)) != 0)
			lose(q, lba + (int32_t)i);
		if (rw_nonzero(&r[i]) && (sao ? lba + (int32_t)i >= -RAWCD_MSF_LBA_OFFSET : true))
			lose(rw, lba + (int32_t)i);
	}
	return rc;
}

int rcd_burn_recorded_losses(struct rcd_burn *b)
{
	const struct rawcd_disc *d = b->disc;
	const struct rawcd_recorded_subcode *rec = &d->recorded_subcode;
	bool sao = b->r.mode == RAWCD_WRITE_SAO;
	if (rec->store == RAWCD_SUBSTORE_NONE || b->o.regenerate_subcode || b->r.mode == RAWCD_WRITE_RAW96R ||
	    (!sao && rec->store == RAWCD_SUBSTORE_PQ16))
		return RAWCD_OK;
	struct rcd_recsub *rs = NULL;
	rawcd_subcode *gen = NULL;
	int rc = rcd_recsub_open(&rs, d, NULL);
	struct rawcd_subcode_options so = RAWCD_SUBCODE_OPTIONS_INIT;
	so.leadin_lba = b->info.atip.leadin_start_lba; /* the burn's lead-in, as its stream generates it */
	if (rc == RAWCD_OK && rs)
		rc = rawcd_subcode_new(&gen, d, NULL, &so);
	struct losses q = {0}, rw = {0};
	int32_t end = rawcd_disc_leadout_lba(d) + RAWCD_BURN_LEADOUT_SECTORS;
	for (int32_t lba = rec->first_lba; rc == RAWCD_OK && rs && lba < end; lba += CHUNK) {
		size_t n = end - lba < CHUNK ? (size_t)(end - lba) : CHUNK;
		rc = scan_batch(rs, gen, lba, n, sao, &q, &rw);
	}
	rawcd_subcode_free(gen);
	rcd_recsub_free(rs, NULL);
	if (rc)
		return rc == RAWCD_E_NOMEM ? rc : RAWCD_OK; /* the burn's own stream reports a bad file */
	warn_losses(b, &q, "will get the Q the drive generates (SAO writes its own P and Q), not the recorded one");
	warn_losses(b, &rw, sao ? "have R-W that SAO cannot write (only a CD-TEXT lead-in's): dropped"
		    : "have R-W that raw16 cannot write (P and Q only): dropped");
	return RAWCD_OK;
}
