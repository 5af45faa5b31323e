/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Raw DAO burning (IMAPI2 IDiscFormat2RawCD; DESIGN.md §5, research/burn.md §1.1): after the preflight
 * and the write mode, WRITE(10) of strictly consecutive blocks from the ATIP lead-in start through the
 * pregap, the program area and 6750 lead-out sectors (the count all of cdrdao, libburn and wodim write
 * after a first session), then SYNCHRONIZE CACHE with Immed and TEST UNIT READY until the drive is done.
 * Raw mode sends no cue sheet and no CLOSE TRACK/SESSION.
 *
 * The blocks come from the sector stream with its subcode: the main channel with data sectors scrambled
 * (ECMA-130 Annex B; a drive writing raw records what it is given, so the host scrambles: libburn does
 * it for the sectors it builds, wodim's clone mode for already-raw data sectors; audio never is), then
 * 96 bytes of raw interleaved P-W (data block type 3) or 16 bytes of P and Q (type 1).
 *
 * SAO (burn_sao.c) shares this write loop: what is written is a list of runs of LBAs, each with its block
 * size and the way a block is made from a sector (struct rcd_run); raw writing is one run, SAO one per
 * data form of its cue sheet, and no WRITE(10) crosses the end of a run.
 */
#include "burn_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/stream.h"
#include "util/diag.h"

#define MAX_BLOCKS_PER_WRITE 65535u /* WRITE(10)'s transfer length field */
#define BUFFER_POLL_EVERY 16u       /* READ BUFFER CAPACITY after this many WRITE commands */
#define SYNC_BUDGET_MS 3600000u     /* libburn waits up to an hour for a flush to end */

const char *rawcd_write_mode_name(enum rawcd_write_mode mode)
{
	switch (mode) {
	case RAWCD_WRITE_AUTO: return "auto";
	case RAWCD_WRITE_RAW96R: return "raw96r";
	case RAWCD_WRITE_RAW16: return "raw16";
	case RAWCD_WRITE_SAO: return "sao";
	}
	return "unknown";
}

static void report(struct rcd_burn *b, enum rawcd_burn_phase phase, int32_t next_lba)
{
	if (!b->progress)
		return;
	struct rawcd_burn_progress p = {.phase = phase, .next_lba = next_lba, .done = b->r.written,
					.total = b->r.total, .buffer_fill = b->buffer_fill};
	b->progress(b->progress_user, &p);
}

static enum rawcd_burn_phase phase_of(const struct rcd_burn *b, int32_t lba)
{
	if (lba < -RAWCD_MSF_LBA_OFFSET)
		return RAWCD_BURN_LEADIN;
	return lba < b->r.leadout_lba ? RAWCD_BURN_PROGRAM : RAWCD_BURN_LEADOUT;
}

/* ---- how a block is made ---- */

static void encode_raw96(const uint8_t *main, const struct rawcd_subchannels *sub, uint8_t *block)
{
	memcpy(block, main, RAWCD_SECTOR_SIZE);
	rawcd_subcode_raw96(sub, block + RAWCD_SECTOR_SIZE);
}

static void encode_pq16(const uint8_t *main, const struct rawcd_subchannels *sub, uint8_t *block)
{
	memcpy(block, main, RAWCD_SECTOR_SIZE);
	rawcd_subcode_pq16(sub, block + RAWCD_SECTOR_SIZE);
}

void rcd_burn_raw_runs(struct rcd_burn *b)
{
	bool pw = b->r.data_block_type == RAWCD_MMC_DBT_RAW_PW;
	b->runs[0] = (struct rcd_run){.start = b->r.first_lba, .end = b->r.first_lba + (int32_t)b->r.total,
				      .size = b->r.block_size, .encode = pw ? encode_raw96 : encode_pq16};
	b->run_count = 1;
}

/* The buffers of the write loop: a batch of main-channel sectors and their subchannels from the
 * stream, and the blocks sent with one WRITE(10). */
struct batch {
	size_t limit;                  /* bytes a WRITE may move */
	size_t max;                    /* sectors a batch may hold: blocks of the smallest run */
	uint8_t *main;                 /* max * 2352 */
	struct rawcd_subchannels *sub; /* max */
	uint8_t *blocks;               /* max * the largest block */
};

static int batch_init(struct batch *w, struct rcd_burn *b)
{
	size_t smallest = SIZE_MAX, largest = 0;
	for (size_t i = 0; i < b->run_count; i++) {
		smallest = b->runs[i].size < smallest ? b->runs[i].size : smallest;
		largest = b->runs[i].size > largest ? b->runs[i].size : largest;
	}
	w->limit = rawcd_transport_max_transfer(b->d.t);
	w->max = b->run_count ? w->limit / smallest : 0;
	if (w->max > MAX_BLOCKS_PER_WRITE)
		w->max = MAX_BLOCKS_PER_WRITE;
	if (w->max == 0 || w->limit < largest)
		return rcd_error(b->d.diag, RAWCD_E_IO, b->d.name, 0, "the device takes at most %zu bytes a command, "
				 "less than one %zu-byte block; nothing was written", w->limit, largest);
	w->main = malloc(w->max * RAWCD_SECTOR_SIZE);
	w->sub = malloc(w->max * sizeof(*w->sub));
	w->blocks = malloc(w->max * largest);
	return w->main && w->sub && w->blocks ? RAWCD_OK : RAWCD_E_NOMEM;
}

static void batch_free(struct batch *w)
{
	free(w->main);
	free(w->sub);
	free(w->blocks);
}

/* Fill up to @p want sectors from the stream (its batches stop at track and extent boundaries, a WRITE
 * need not), checking that they continue at @p next, and make them into blocks of @p run. *count 0 at
 * the end of the disc. */
static int fill(struct rcd_burn *b, rawcd_stream *st, struct batch *w, const struct rcd_run *run, int32_t next,
		size_t want, size_t *count)
{
	size_t have = 0;
	while (have < want) {
		size_t n = 0;
		int32_t lba = 0;
		uint8_t *main = w->main + have * RAWCD_SECTOR_SIZE;
		int rc = b->stream_subcode
			? rawcd_stream_read_subcode(st, main, w->sub + have, want - have, &n, &lba)
			: rawcd_stream_read(st, main, want - have, &n, &lba);
		if (rc)
			return rc;
		if (n == 0)
			break;
		if (lba != next + (int32_t)have)
			return rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the sector stream jumped from "
					 "LBA %d to %d", next + (int32_t)have, lba);
		have += n;
	}
	for (size_t i = 0; i < have; i++)
		run->encode(w->main + i * RAWCD_SECTOR_SIZE, b->stream_subcode ? &w->sub[i] : NULL,
			    w->blocks + i * run->size);
	*count = have;
	return RAWCD_OK;
}

static int write_blocks(struct rcd_burn *b, const struct batch *w, int32_t lba, size_t count, size_t size)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_write10(cdb, lba, (unsigned)count);
	size_t len = count * size;
	struct rawcd_cmd_result res;
	int rc = rcd_exec(&b->d, cdb, (size_t)n, RAWCD_XFER_TO_DEVICE, w->blocks, len, RAWCD_TIMEOUT_WRITE_MS, true,
			  &res);
	/* Once a WRITE reached the drive the disc may have changed; one the system refused did not. */
	if (rc == RAWCD_OK || res.os_error == 0)
		b->r.started = true;
	if (rc) {
		char what[80];
		snprintf(what, sizeof(what), "WRITE(10) of %zu blocks at LBA %d", count, lba);
		return rcd_cmd_error(&b->d, what, &res, RAWCD_TIMEOUT_WRITE_MS);
	}
	b->r.write_commands++;
	b->r.written += count;
	return RAWCD_OK;
}

static bool canceled(const struct rcd_burn *b)
{
	return b->cancel && *b->cancel;
}

/* The run @p next falls in (the last one past the end: the stream then ends too). */
static const struct rcd_run *run_at(const struct rcd_burn *b, int32_t next)
{
	size_t i = 0;
	while (i + 1 < b->run_count && next >= b->runs[i].end)
		i++;
	return &b->runs[i];
}

/* Blocks of the run at @p next one WRITE(10) takes: what the transfer limit allows, up to the run's end. */
static size_t blocks_per_write(const struct batch *w, const struct rcd_run *run, int32_t next)
{
	size_t n = w->limit / run->size;
	if (n > w->max)
		n = w->max;
	if (next < run->end && (size_t)(run->end - next) < n)
		n = (size_t)(run->end - next);
	return n;
}

/* Every block of every run: from the lead-in start to the end of the lead-out (raw), from LBA -150 or
 * the lead-in start to the lead-out (SAO). */
static int write_all(struct rcd_burn *b, rawcd_stream *st)
{
	struct batch w = {0};
	int rc = batch_init(&w, b);
	int32_t next = b->r.first_lba;
	while (rc == RAWCD_OK) {
		size_t count = 0;
		const struct rcd_run *run = run_at(b, next);
		rc = fill(b, st, &w, run, next, blocks_per_write(&w, run, next), &count);
		if (rc || count == 0)
			break;
		if (canceled(b)) {
			rc = RAWCD_E_CANCELED;
			break;
		}
		rc = write_blocks(b, &w, next, count, run->size);
		next += (int32_t)count;
		if (rc == RAWCD_OK && b->r.write_commands % BUFFER_POLL_EVERY == 1)
			rcd_burn_update_buffer(b);
		if (rc == RAWCD_OK)
			report(b, phase_of(b, next - 1), next);
	}
	batch_free(&w);
	if (rc == RAWCD_OK && b->r.written != b->r.total)
		rc = rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the sector stream ended after %llu of %llu "
			       "sectors", (unsigned long long)b->r.written, (unsigned long long)b->r.total);
	return rc;
}

/* SYNCHRONIZE CACHE with Immed, then TEST UNIT READY while the drive says it is still writing. */
static int finish(struct rcd_burn *b)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_synchronize_cache(cdb, true);
	struct rawcd_cmd_result res;
	report(b, RAWCD_BURN_FINISHING, b->r.first_lba + (int32_t)b->r.written);
	if (rcd_exec(&b->d, cdb, (size_t)n, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_SYNC_MS, true, &res))
		return rcd_cmd_error(&b->d, "SYNCHRONIZE CACHE", &res, RAWCD_TIMEOUT_SYNC_MS);
	return rcd_wait_ready(&b->d, "the drive to write its buffer to the disc", SYNC_BUDGET_MS);
}

/* After a failure or a cancel once writing started: flush what the drive holds (libburn and cdrdao do
 * so too) and say what became of the disc. */
static void abandon(struct rcd_burn *b, int rc)
{
	if (!b->r.started) {
		if (rc == RAWCD_E_CANCELED)
			rcd_warn(b->d.diag, b->d.name, 0, "canceled before the first WRITE: the disc is still blank");
		return;
	}
	finish(b);
	b->r.disc_unusable = !b->o.simulate;
	const char *how = rc == RAWCD_E_CANCELED ? "canceled" : "stopped";
	if (b->o.simulate)
		rcd_warn(b->d.diag, b->d.name, 0, "%s after %llu of %llu sectors; this was a simulation (Test "
			 "Write): the disc is untouched", how, (unsigned long long)b->r.written,
			 (unsigned long long)b->r.total);
	else
		rcd_error(b->d.diag, rc, b->d.name, 0, "%s after %llu of %llu sectors: the disc is unusable (%s "
			  "write cannot be resumed)%s", how, (unsigned long long)b->r.written,
			  (unsigned long long)b->r.total, b->r.mode == RAWCD_WRITE_SAO ? "an SAO" : "a raw DAO",
			  b->info.atip.disc_is_rw ? "; blank the CD-RW to use it again" : "");
}

static int check_args(const rawcd_transport *t, const struct rawcd_disc *disc, const struct rawcd_burn_options *o)
{
	if (!t || !disc || !disc->laid_out || disc->session_count == 0 || disc->track_count == 0)
		return RAWCD_E_ARG;
	return o && o->version != RAWCD_BURN_OPTIONS_VERSION ? RAWCD_E_ARG : RAWCD_OK;
}

/* What does not need the drive: the mode asked for, one session, the CD-TEXT. */
static int check_disc(struct rcd_burn *b)
{
	if (b->o.write_mode > RAWCD_WRITE_SAO)
		return RAWCD_E_ARG;
	if (b->disc->session_count != 1)
		return rcd_error(b->d.diag, RAWCD_E_UNSUPPORTED, b->disc->sheet_path, 0, "a multisession disc "
				 "cannot be burned yet (%zu sessions)", b->disc->session_count);
	return rawcd_cdtext_for_disc(&b->cdtext, b->disc, b->d.diag);
}

/* The sector stream of the mode: raw, data sectors scrambled with the subcode (the image's own unless
 * regenerated) and the 6750-sector lead-out; SAO, unscrambled main channel without lead-out, subcode only
 * for the CD-TEXT lead-in's R-W. Before a mode is chosen: raw's (input files open before the drive changes). */
static int open_stream(struct rcd_burn *b, rawcd_stream **st)
{
	bool sao = b->r.mode == RAWCD_WRITE_SAO;
	struct rawcd_stream_options so = RAWCD_STREAM_OPTIONS_INIT;
	so.scramble = !sao;
	so.regenerate_subcode = sao || b->o.regenerate_subcode; /* SAO: the drive makes P and Q itself */
	so.first_lba = b->r.first_lba;
	so.leadout_sectors = sao ? 0 : RAWCD_BURN_LEADOUT_SECTORS;
	so.subcode = !sao || b->sao_cdtext;
	so.cdtext = b->cdtext.count && so.subcode ? &b->cdtext : NULL;
	b->stream_subcode = so.subcode;
	int rc = rawcd_stream_new(st, b->disc, &so, b->d.diag);
	if (rc == RAWCD_OK && rawcd_stream_total(*st) != b->r.total)
		rc = rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the stream holds %llu sectors, %llu "
			       "expected", (unsigned long long)rawcd_stream_total(*st), (unsigned long long)b->r.total);
	return rc;
}

/* The drive-facing part, once the disc checked out. */
static int run(struct rcd_burn *b)
{
	int rc = rcd_burn_preflight(b);
	rawcd_stream *st = NULL;
	if (rc == RAWCD_OK)
		rc = open_stream(b, &st); /* input files opened before the drive is changed */
	if (rc == RAWCD_OK)
		rc = rcd_burn_select_mode(b);
	if (rc == RAWCD_OK && b->r.mode == RAWCD_WRITE_SAO) {
		rawcd_stream_free(st);
		st = NULL;
		rc = open_stream(b, &st);
	}
	if (rc == RAWCD_OK)
		rc = rcd_burn_set_speed(b);
	if (rc == RAWCD_OK && b->r.mode == RAWCD_WRITE_SAO)
		rc = rcd_burn_send_cue_sheet(b);
	if (rc == RAWCD_OK && canceled(b))
		rc = RAWCD_E_CANCELED;
	if (rc == RAWCD_OK) {
		report(b, RAWCD_BURN_PREPARING, b->r.first_lba);
		rc = write_all(b, st);
	}
	rawcd_stream_free(st);
	if (rc == RAWCD_OK) {
		rc = finish(b);
		if (rc)
			b->r.disc_unusable = !b->o.simulate;
	} else {
		abandon(b, rc);
	}
	return rc;
}

static void after(struct rcd_burn *b)
{
	if (b->o.verify && b->o.simulate) {
		rcd_warn(b->d.diag, b->d.name, 0, "--verify skipped: a simulation leaves the disc blank");
	} else if (b->o.verify) {
		report(b, RAWCD_BURN_VERIFYING, b->r.first_lba + (int32_t)b->r.written);
		struct rawcd_verify_report v = {0};
		/* A disc whose TOC cannot be read back does not match the sheet either, and nothing of it was
		 * checked. */
		if (rawcd_burn_verify(b->d.t, b->disc, &v, b->d.diag) != RAWCD_OK)
			v = (struct rawcd_verify_report){.mismatches = 1, .unchecked = RAWCD_VERIFY_TOC | RAWCD_VERIFY_MCN |
					RAWCD_VERIFY_ISRC | (b->cdtext.count ? RAWCD_VERIFY_CDTEXT : 0)};
		b->r.verified = true;
		b->r.verify_mismatches = v.mismatches;
		b->r.verify_unchecked = v.unchecked;
	}
	if (b->o.eject)
		rcd_eject(&b->d);
}

int rawcd_burn(rawcd_transport *t, const struct rawcd_disc *disc, const struct rawcd_burn_options *opts,
	       rawcd_burn_progress_fn progress, void *progress_user, const volatile sig_atomic_t *cancel,
	       struct rawcd_burn_result *result, rawcd_diag *diag)
{
	int rc = check_args(t, disc, opts);
	if (rc)
		return rc;
	struct rcd_burn *b = calloc(1, sizeof(*b));
	if (!b)
		return RAWCD_E_NOMEM;
	struct rawcd_burn_options defaults = RAWCD_BURN_OPTIONS_INIT;
	struct rcd_drive d;
	rcd_drive_init(&d, t, diag);
	*b = (struct rcd_burn){.d = d, .disc = disc, .o = opts ? *opts : defaults, .progress = progress,
			       .progress_user = progress_user, .cancel = cancel, .buffer_fill = -1};
	rc = check_disc(b);
	if (rc == RAWCD_OK)
		rc = run(b);
	if (rc == RAWCD_OK)
		after(b);
	b->r.retries = b->d.retries;
	b->r.recovered = b->d.recovered;
	if (result)
		*result = b->r;
	rawcd_cdtext_packs_finish(&b->cdtext);
	free(b->cue);
	free(b);
	return rc;
}
