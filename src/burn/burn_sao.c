/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SAO with a cue sheet (research/burn.md §1.5; MMC-6 §6.40 SEND CUE SHEET): the cue sheet of the disc
 * (rawcd_mmc_build_cue_sheet()) tells the drive every track, index, the MCN and ISRCs and the data form
 * of each stretch; the host then writes the main channel of each block from LBA -150 to the lead-out,
 * as the sector stream makes it without scrambling (the drive scrambles data sectors and generates P,
 * Q, the lead-in and the lead-out itself). With CD-TEXT the host first writes the R-W of the lead-in,
 * 96 bytes a block from the ATIP lead-in start (data form 41h of the lead-in entry; cdrdao does the
 * same). The write loop is burn.c's: here are the runs it writes, one per data form, so that no
 * WRITE(10) crosses a change of data form.
 */
#include "burn_internal.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

#define PREGAP_LBA (-150)
#define MSF_OFFSET 150
#define ADR_POSITION 1
#define RW_BITS 0x3F /* a raw P-W byte: bit 7 P, bit 6 Q, bits 5-0 R-W */

static void encode_main(const uint8_t *main, const struct rawcd_subchannels *sub, uint8_t *block)
{
	(void)sub;
	memcpy(block, main, RAWCD_SECTOR_SIZE);
}

/* The lead-in's R-W laid out as raw P-W (data form sub-channel bits 01b), P and Q left 0: the drive
 * writes them from the cue sheet. */
static void encode_leadin_rw(const uint8_t *main, const struct rawcd_subchannels *sub, uint8_t *block)
{
	(void)main;
	rawcd_subcode_raw96(sub, block);
	for (size_t i = 0; i < RAWCD_SUBCODE_SIZE; i++)
		block[i] &= RW_BITS;
}

/* Where each data form of the cue sheet starts, from the first track's INDEX 00: one run a form, the
 * lead-out entry closing the last. */
static int runs_from_sheet(struct rcd_burn *b)
{
	uint8_t form = 0;
	for (size_t at = 0; at + RAWCD_MMC_CUE_ENTRY_SIZE <= b->cue_len; at += RAWCD_MMC_CUE_ENTRY_SIZE) {
		const uint8_t *e = b->cue + at;
		if ((e[0] & 0x0F) != ADR_POSITION || e[1] == 0)
			continue; /* MCN, ISRC, the lead-in */
		int32_t lba = ((int32_t)e[5] * 60 + e[6]) * RAWCD_FRAMES_PER_SECOND + e[7] - MSF_OFFSET;
		bool open = b->run_count > 0 && b->runs[b->run_count - 1].end == INT32_MAX;
		if (open && (e[1] == RAWCD_MMC_CUE_LEADOUT_TNO || e[3] != form))
			b->runs[b->run_count - 1].end = lba;
		if (e[1] == RAWCD_MMC_CUE_LEADOUT_TNO)
			return RAWCD_OK;
		if (open && e[3] == form)
			continue;
		int size = rawcd_mmc_data_form_size(e[3]);
		if (size <= 0 || b->run_count == RCD_MAX_RUNS)
			break;
		form = e[3];
		b->runs[b->run_count++] = (struct rcd_run){lba, INT32_MAX, (size_t)size, encode_main};
	}
	return rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the cue sheet built has no lead-out "
			 "entry or a data form without data");
}

int rcd_burn_sao_setup(struct rcd_burn *b, bool cdtext_leadin)
{
	size_t len = rawcd_mmc_cue_sheet_length(b->disc);
	free(b->cue);
	b->cue = malloc(len ? len : 1);
	b->cue_len = 0;
	if (!b->cue)
		return RAWCD_E_NOMEM;
	int rc = rawcd_mmc_build_cue_sheet(b->cue, len, &b->cue_len, b->disc, cdtext_leadin);
	if (rc)
		return rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "the cue sheet cannot be built (%s)",
				 rawcd_strerror(rc));
	b->sao_cdtext = cdtext_leadin;
	b->run_count = 0;
	int32_t first = PREGAP_LBA;
	if (cdtext_leadin) {
		first = b->info.atip.leadin_start_lba;
		b->runs[b->run_count++] = (struct rcd_run){first, PREGAP_LBA, RAWCD_SUBCODE_SIZE, encode_leadin_rw};
	}
	rc = runs_from_sheet(b);
	if (rc)
		return rc;
	b->r.first_lba = first;
	b->r.total = (uint64_t)((int64_t)b->r.leadout_lba - first);
	b->r.cue_sheet_length = b->cue_len;
	return RAWCD_OK;
}

int rcd_burn_send_cue_sheet(struct rcd_burn *b)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	struct rawcd_cmd_result res;
	int n = rawcd_mmc_cdb_send_cue_sheet(cdb, b->cue_len);
	if (n < 0)
		return rcd_error(b->d.diag, RAWCD_E_INTERNAL, b->d.name, 0, "a cue sheet of %zu bytes cannot be sent",
				 b->cue_len);
	if (rcd_exec(&b->d, cdb, (size_t)n, RAWCD_XFER_TO_DEVICE, b->cue, b->cue_len, RAWCD_TIMEOUT_DEFAULT_MS, true,
		     &res) == RAWCD_OK)
		return RAWCD_OK;
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, why, sizeof(why));
	enum rawcd_sense_class cls = rcd_cmd_class(&res);
	size_t entries = b->cue_len / RAWCD_MMC_CUE_ENTRY_SIZE;
	if (cls == RAWCD_SENSE_REFUSED || cls == RAWCD_SENSE_NOT_SUPPORTED)
		return rcd_error(b->d.diag, RAWCD_E_IO, b->d.name, 0, "the drive refused the cue sheet (SEND CUE "
				 "SHEET of %zu entries, %zu bytes): %s; nothing was written", entries, b->cue_len, why);
	return rcd_error(b->d.diag, RAWCD_E_IO, b->d.name, 0, "SEND CUE SHEET (%zu entries, %zu bytes) failed: %s; "
			 "nothing was written", entries, b->cue_len, why);
}
