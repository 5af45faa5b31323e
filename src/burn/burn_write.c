/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The WRITE phase of a burn (DESIGN.md §5): WRITE(10) of strictly consecutive blocks, each command at
 * most the transport's max_transfer bytes, with a READ BUFFER CAPACITY now and then and a progress
 * report after each; then SYNCHRONIZE CACHE with Immed and TEST UNIT READY until the drive is done; and
 * after a failure or a cancel once writing started, the same flush and what became of the disc.
 *
 * What is written is a list of runs of LBAs, each with its block size and the way a block is made from a
 * sector (struct rcd_run): raw writing is one run, SAO one per data form of its cue sheet, and no
 * WRITE(10) crosses the end of a run. The blocks come from the sector stream of a disc (rawcd_burn()),
 * or, for rawcd_writer (IDiscFormat2RawCD::WriteMedia), from the records of a raw image stream
 * (rawcd_stream_read_records()) as they are, with data sectors scrambled.
 */
#include "burn_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/sector.h"
#include "rawcd/stream.h"
#include "util/diag.h"

#define MAX_BLOCKS_PER_WRITE 65535u /* WRITE(10)'s transfer length field */
#define BUFFER_POLL_EVERY 16u       /* READ BUFFER CAPACITY after this many WRITE commands */
#define SYNC_BUDGET_MS 3600000u     /* libburn waits up to an hour for a flush to end */

void rcd_burn_report(struct rcd_burn *b, enum rawcd_burn_phase phase, int32_t next_lba)
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

/* A record of a raw image holds the main channel as a BIN image does, unscrambled: a drive writing raw
 * records what it is given, so a data sector (one with the sync field, ECMA-130 §14.1) is scrambled here,
 * as wodim's clone mode does with raw images (research/burn.md §1.1); audio has no sync field. */
static void scramble_data_record(uint8_t *record)
{
	static const uint8_t sync[RAWCD_SYNC_SIZE] = {0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
						       0xFF, 0x00};
	if (memcmp(record, sync, sizeof(sync)) == 0)
		rawcd_scramble_sectors(record, 1);
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
		int rc = b->records ? rawcd_stream_read_records(st, w->blocks + have * run->size, want - have, &n, &lba)
			: b->stream_subcode ? rawcd_stream_read_subcode(st, main, w->sub + have, want - have, &n, &lba)
			: rawcd_stream_read(st, main, want - have, &n, &lba);
		if (rc == RAWCD_OK && !b->records)
			rc = rcd_burn_image_main(b, lba, n, main);
		if (rc)
			return rc;
		if (n == 0)
			break;
		if (lba != next + (int32_t)have)
			return rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the sector stream jumped from "
					 "LBA %d to %d", next + (int32_t)have, lba);
		have += n;
	}
	for (size_t i = 0; i < have && b->records; i++)
		scramble_data_record(w->blocks + i * run->size);
	for (size_t i = 0; i < have && !b->records; i++)
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

bool rcd_burn_canceled(const struct rcd_burn *b)
{
	return (b->cancel && *b->cancel) || (b->cancel_flag && atomic_load(b->cancel_flag));
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
int rcd_burn_write_all(struct rcd_burn *b, rawcd_stream *st)
{
	struct batch w = {0};
	int rc = batch_init(&w, b);
	int32_t next = b->r.first_lba;
	while (rc == RAWCD_OK && b->r.written < b->r.total) { /* a session of several ends before the stream */
		size_t count = 0;
		const struct rcd_run *run = run_at(b, next);
		rc = fill(b, st, &w, run, next, blocks_per_write(&w, run, next), &count);
		if (rc || count == 0)
			break;
		if (rcd_burn_canceled(b)) {
			rc = RAWCD_E_CANCELED;
			break;
		}
		rc = write_blocks(b, &w, next, count, run->size);
		next += (int32_t)count;
		if (rc == RAWCD_OK && b->r.write_commands % BUFFER_POLL_EVERY == 1)
			rcd_burn_update_buffer(b);
		if (rc == RAWCD_OK)
			rcd_burn_report(b, phase_of(b, next - 1), next);
	}
	batch_free(&w);
	if (rc == RAWCD_OK && b->r.written != b->r.total)
		rc = rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the sector stream ended after %llu of %llu "
			       "sectors", (unsigned long long)b->r.written, (unsigned long long)b->r.total);
	return rc;
}

/* SYNCHRONIZE CACHE with Immed, then TEST UNIT READY while the drive says it is still writing. */
int rcd_burn_finish(struct rcd_burn *b)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_synchronize_cache(cdb, true);
	struct rawcd_cmd_result res;
	rcd_burn_report(b, RAWCD_BURN_FINISHING, b->r.first_lba + (int32_t)b->r.written);
	if (rcd_exec(&b->d, cdb, (size_t)n, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_SYNC_MS, true, &res))
		return rcd_cmd_error(&b->d, "SYNCHRONIZE CACHE", &res, RAWCD_TIMEOUT_SYNC_MS);
	return rcd_wait_ready(&b->d, "the drive to write its buffer to the disc", SYNC_BUDGET_MS);
}

int rcd_burn_conclude(struct rcd_burn *b, int rc)
{
	if (rc != RAWCD_OK) {
		rcd_burn_abandon(b, rc);
		return rc;
	}
	rc = rcd_burn_finish(b);
	if (rc)
		b->r.disc_unusable = !b->o.simulate;
	return rc;
}

/* After a failure or a cancel once writing started: flush what the drive holds (libburn and cdrdao do
 * so too) and say what became of the disc. */
void rcd_burn_abandon(struct rcd_burn *b, int rc)
{
	if (!b->r.started) {
		if (rc == RAWCD_E_CANCELED)
			rcd_warn(b->d.diag, b->d.name, 0, "canceled before the first WRITE: the disc is still blank");
		return;
	}
	rcd_burn_finish(b);
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


/* Records before @p first_lba are not written: read and dropped (IMAPI reads and discards up to the start
 * sector when the stream cannot seek). */
static int skip_records(struct rcd_burn *b, rawcd_stream *image, int32_t first_lba)
{
	size_t size = rawcd_stream_record_size(image);
	uint8_t *buf = malloc(64 * size);
	int rc = buf ? RAWCD_OK : RAWCD_E_NOMEM;
	int32_t lba = first_lba;
	for (int32_t at = b->image_first_lba; rc == RAWCD_OK && at < first_lba; at = lba) {
		size_t n = 0, want = (size_t)(first_lba - at) < 64 ? (size_t)(first_lba - at) : 64;
		rc = rawcd_stream_read_records(image, buf, want, &n, &lba);
		if (rc == RAWCD_OK && (n == 0 || lba != at))
			rc = rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the image stream ended or jumped "
				       "at LBA %d before the lead-in start %d", at, first_lba);
		lba += (int32_t)n;
	}
	free(buf);
	return rc;
}

int rcd_burn_write_records(struct rcd_burn *b, rawcd_stream *image)
{
	b->records = true;
	b->runs[0] = (struct rcd_run){.start = b->r.first_lba, .end = b->r.first_lba + (int32_t)b->r.total,
				      .size = b->r.block_size, .encode = NULL};
	b->run_count = 1;
	int rc = skip_records(b, image, b->r.first_lba);
	if (rc == RAWCD_OK && rcd_burn_canceled(b))
		rc = RAWCD_E_CANCELED;
	if (rc == RAWCD_OK) {
		rcd_burn_report(b, RAWCD_BURN_PREPARING, b->r.first_lba);
		rc = rcd_burn_write_all(b, image);
	}
	return rcd_burn_conclude(b, rc);
}
