/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A multisession burn in raw DAO (Orange Book multisession; MMC-6 §7.5.4 page 05h Multi-session field;
 * research/burn.md): one recording a session. Session 1 runs from the ATIP lead-in start to the end of
 * its lead-out (sessions[0].leadout_length sectors, 6750 unless the sheet says otherwise), session n from
 * there (its lead-in, sessions[n].leadin_length) to the end of its lead-out; the last session's lead-out
 * is the burn's 6750 sectors. The blocks are the sector stream's, which runs on through every lead-out
 * and lead-in, so each lead-in carries its session's TOC with B0 pointing at the next program area and
 * C0 in the first (src/codec/). Every session but the last is written with page 05h's Multi-session
 * field 11b and flushed; READ DISC INFORMATION must then say the disc is appendable (disc status 01b)
 * with the next lead-in where the layout puts it (bytes 17-19, IMAPI's StartOfNextSession), else the
 * burn stops there with the numbers. --multi leaves the last session open too. Appending to a written
 * disc (burn_append.c) starts at the first new session, the stream read past the sessions on the disc.
 */
#include "burn_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "rawcd/error.h"
#include "util/diag.h"

uint8_t rcd_burn_multisession(const struct rcd_burn *b, size_t i)
{
	return i + 1 < b->disc->session_count || b->o.multi ? 3 : 0;
}

/* Where the recording of session @p i starts; the last one ends at the burn's end. */
static int32_t session_start(const struct rcd_burn *b, size_t i)
{
	if (i == 0)
		return b->r.first_lba;
	const struct rawcd_session *prev = &b->disc->sessions[i - 1];
	return prev->leadout_lba + (int32_t)(prev->leadout_length ? prev->leadout_length : RAWCD_BURN_LEADOUT_SECTORS);
}

/* The disc after session @p i: appendable, its next lead-in at @p next. */
static int check_appendable(struct rcd_burn *b, size_t i, int32_t next)
{
	struct rawcd_drive_info info = b->info;
	int rc = rcd_probe_disc_info(&b->d, &info, true);
	if (rc)
		return rc;
	const struct rawcd_mmc_disc_info *di = &info.disc_info;
	if (di->disc_status != 1)
		return rcd_error(b->d.diag, RAWCD_E_IO, b->d.name, 0, "after session %zu the drive says the disc is "
				 "%s, not appendable (READ DISC INFORMATION disc status %u): session %zu cannot follow",
				 i + 1, di->disc_status == 2 ? "complete" : "not written", di->disc_status, i + 2);
	if (!di->leadin_valid || di->leadin_start_lba != next)
		return rcd_error(b->d.diag, RAWCD_E_IO, b->d.name, 0, "after session %zu the drive's next lead-in "
				 "starts at LBA %d, but session %zu's lead-in is laid out at LBA %d: stopped before "
				 "writing it", i + 1, di->leadin_valid ? di->leadin_start_lba : -1, i + 2, next);
	return RAWCD_OK;
}

/* Page 05h again for the next session (the chosen write type and data block type). */
static int select_again(struct rcd_burn *b, size_t i)
{
	struct rawcd_mmc_write_setup setup = {.write_type = b->r.write_type, .data_block_type = b->r.data_block_type,
					      .test_write = b->r.test_write, .bufe = b->r.bufe,
					      .multisession = rcd_burn_multisession(b, i),
					      .session_format = b->disc->sessions[i].disc_type};
	struct rawcd_mmc_write_params base;
	bool have = rcd_read_write_params(&b->d, &base) == RAWCD_OK;
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	if (rcd_select_write_params(&b->d, &setup, have ? &base : NULL, why, sizeof(why)) == RAWCD_OK)
		return RAWCD_OK;
	return rcd_error(b->d.diag, RAWCD_E_IO, b->d.name, 0, "MODE SELECT page 05h for session %zu failed: %s",
			 i + 1, why);
}

/* Appending: the sessions already on the disc are in the stream but not sent; read past them. */
static int skip_to(struct rcd_burn *b, rawcd_stream *st, int32_t start)
{
	enum { CHUNK = 64 };
	uint8_t *main = malloc((size_t)CHUNK * RAWCD_SECTOR_SIZE);
	struct rawcd_subchannels *sub = malloc(CHUNK * sizeof(*sub));
	int rc = main && sub ? RAWCD_OK : RAWCD_E_NOMEM;
	for (int32_t next = b->r.first_lba; rc == RAWCD_OK && next < start;) {
		size_t want = (size_t)(start - next) < CHUNK ? (size_t)(start - next) : CHUNK, n = 0;
		int32_t lba = 0;
		rc = b->stream_subcode ? rawcd_stream_read_subcode(st, main, sub, want, &n, &lba)
			: rawcd_stream_read(st, main, want, &n, &lba);
		if (rc == RAWCD_OK && (n == 0 || lba != next))
			rc = rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the sector stream ended or jumped "
				       "at LBA %d before the appended session's lead-in at LBA %d", next, start);
		next += (int32_t)n;
	}
	free(main);
	free(sub);
	return rc;
}

static int write_session(struct rcd_burn *b, rawcd_stream *st, int32_t start, int32_t end)
{
	b->runs[0].start = start;
	b->runs[0].end = end;
	b->run_count = 1;
	b->r.first_lba = start;
	b->r.total = b->r.written + (uint64_t)(end - start);
	return rcd_burn_write_all(b, st);
}

int rcd_burn_write_sessions(struct rcd_burn *b, rawcd_stream *st)
{
	size_t n = b->disc->session_count;
	if (n == 1 && !b->o.multi)
		return rcd_burn_write_all(b, st);
	if (b->r.mode == RAWCD_WRITE_SAO)
		return rcd_error(b->d.diag, RAWCD_E_UNSUPPORTED, b->d.name, 0, "%s in SAO is not supported yet: "
				 "burn it in raw96r or raw16 (--write-mode); nothing was written", n > 1 ?
				 "a multisession disc" : "--multi");
	int32_t first = b->r.first_lba, end_all = first + (int32_t)b->r.total;
	uint64_t total = b->r.total;
	int rc = RAWCD_OK;
	size_t from = b->append_from;
	if (from)
		rc = skip_to(b, st, session_start(b, from));
	for (size_t i = from; i < n && rc == RAWCD_OK; i++) {
		int32_t start = session_start(b, i), end = i + 1 < n ? session_start(b, i + 1) : end_all;
		if (i > from && !b->o.simulate)
			rc = check_appendable(b, i - 1, start);
		if (rc == RAWCD_OK && i > 0)
			rc = select_again(b, i);
		if (rc == RAWCD_OK)
			rc = write_session(b, st, start, end);
		if (rc == RAWCD_OK && i + 1 < n)
			rc = rcd_burn_finish(b);
		if (rc == RAWCD_OK && i + 1 < n)
			rcd_note(b->d.diag, b->d.name, 0, "session %zu of %zu written (LBA %d to %d), the disc left "
				 "appendable", i + 1, n, start, end - 1);
	}
	b->r.first_lba = from ? session_start(b, from) : first;
	if (rc == RAWCD_OK)
		b->r.total = from ? b->r.written : total; /* appending: only the new sessions */
	return rc;
}
