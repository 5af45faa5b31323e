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
 * The write loop, the flush and what a failure leaves are burn_write.c's: SAO (burn_sao.c) and
 * rawcd_writer (src/api/writer.c) share them.
 */
#include "burn_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/stream.h"
#include "util/diag.h"


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

static int check_args(const rawcd_transport *t, const struct rawcd_disc *disc, const struct rawcd_burn_options *o)
{
	if (!t || !disc || !disc->laid_out || disc->session_count == 0 || disc->track_count == 0)
		return RAWCD_E_ARG;
	return o && o->version != RAWCD_BURN_OPTIONS_VERSION ? RAWCD_E_ARG : RAWCD_OK;
}

/* What does not need the drive: the mode asked for, the CD-TEXT. */
static int check_disc(struct rcd_burn *b)
{
	if (b->o.write_mode > RAWCD_WRITE_SAO)
		return RAWCD_E_ARG;
	if (b->o.write_mode == RAWCD_WRITE_SAO && rcd_burn_multisession(b, 0))
		return rcd_error(b->d.diag, RAWCD_E_UNSUPPORTED, b->disc->sheet_path, 0, "%s in SAO is not supported "
				 "yet: burn it in raw96r or raw16", b->disc->session_count > 1 ? "a multisession disc" : "--multi");
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
	so.session_gaps = !sao; /* a multisession burn writes the lead-outs and lead-ins between sessions */
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
		rc = rcd_burn_image_open(b);
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
		rc = rcd_burn_recorded_losses(b);
	if (rc == RAWCD_OK)
		rc = rcd_burn_set_speed(b);
	if (rc == RAWCD_OK && b->r.mode == RAWCD_WRITE_SAO)
		rc = rcd_burn_send_cue_sheet(b);
	if (rc == RAWCD_OK && rcd_burn_canceled(b))
		rc = RAWCD_E_CANCELED;
	if (rc == RAWCD_OK) {
		rcd_burn_report(b, RAWCD_BURN_PREPARING, b->r.first_lba);
		rc = rcd_burn_write_sessions(b, st);
	}
	rawcd_stream_free(st);
	rcd_burn_image_close(b);
	return rcd_burn_conclude(b, rc);
}

static void after(struct rcd_burn *b)
{
	if (b->o.verify && b->o.simulate) {
		rcd_warn(b->d.diag, b->d.name, 0, "--verify skipped: a simulation leaves the disc blank");
	} else if (b->o.verify) {
		rcd_burn_report(b, RAWCD_BURN_VERIFYING, b->r.first_lba + (int32_t)b->r.written);
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
			       .progress_user = progress_user, .cancel = cancel, .buffer_fill = -1, .may_append = true};
	struct rawcd_disc open_copy; /* --multi: the same disc, its last session's lead-in with B0 (disc.h) */
	if (b->o.multi) {
		open_copy = *disc;
		open_copy.last_session_open = true;
		b->disc = &open_copy;
	}
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
	rcd_burn_append_free(b->append);
	free(b->cue);
	free(b);
	return rc;
}
