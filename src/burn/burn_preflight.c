/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Before the first WRITE of a raw DAO burn (DESIGN.md §5): is this a recorder with a blank CD-R/RW that
 * the disc fits on, where does its lead-in start, and which write mode does it accept. Nothing here
 * writes to the medium; a failure leaves the disc blank.
 */
#include "burn_internal.h"

#include <stdio.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

static const char *const disc_status_name[] = {"blank", "appendable (written, not closed)",
					       "complete (closed)", "in another state"};

static int check_profile(struct rcd_burn *b)
{
	const struct rawcd_drive_info *in = &b->info;
	struct rcd_drive *d = &b->d;
	if (!in->has_profiles)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the drive gave no profile list (GET "
				 "CONFIGURATION): it cannot tell what the medium is; nothing was written");
	if (!in->can_write_cd)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "%s %s cannot write CDs (its profiles list no "
				 "CD-R or CD-RW): a read-only drive; nothing was written", in->inquiry.vendor,
				 in->inquiry.product);
	uint16_t p = in->profiles.current_profile;
	if (p == RAWCD_MMC_PROFILE_NONE)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the drive reports no current medium; put in "
				 "a blank CD-R or CD-RW");
	if (p != RAWCD_MMC_PROFILE_CD_R && p != RAWCD_MMC_PROFILE_CD_RW)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the disc in the drive is a %s (profile %04Xh), "
				 "not a CD-R or CD-RW; nothing was written", rawcd_mmc_profile_name(p), p);
	return RAWCD_OK;
}

static int check_medium(struct rcd_burn *b)
{
	struct rcd_drive *d = &b->d;
	int rc = rcd_probe_disc_info(d, &b->info, true);
	if (rc)
		return rc;
	uint8_t status = b->info.disc_info.disc_status & 3;
	if (status != 0)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the disc is not blank: READ DISC INFORMATION "
				 "says it is %s; use a blank CD-R, or blank a CD-RW first (rawcd blank %s --minimal)",
				 disc_status_name[status], d->name);
	rc = rcd_probe_atip(d, &b->info, true);
	if (rc)
		return rc;
	const struct rawcd_mmc_atip *a = &b->info.atip;
	if (a->leadin_start_lba < RAWCD_LBA_MIN)
		return rcd_error(d->diag, RAWCD_E_UNSUPPORTED, d->name, 0, "the ATIP lead-in starts at "
				 "%02u:%02u:%02u, before 90:00:00: rawcd cannot address such a lead-in",
				 a->leadin_start.m, a->leadin_start.s, a->leadin_start.f);
	return RAWCD_OK;
}

/* StartOfLeadout against the ATIP's last possible lead-out start (IDiscFormat2RawCD refuses an image
 * whose lead-out starts after it). */
static int check_capacity(struct rcd_burn *b)
{
	const struct rawcd_mmc_atip *a = &b->info.atip;
	int32_t leadout = rawcd_disc_leadout_lba(b->disc);
	b->r.first_lba = a->leadin_start_lba;
	b->r.leadout_lba = leadout;
	b->r.total = (uint64_t)((int64_t)leadout + RAWCD_BURN_LEADOUT_SECTORS - a->leadin_start_lba);
	if (leadout <= a->last_leadout_start_lba)
		return RAWCD_OK;
	struct rawcd_msf need = rawcd_lba_to_msf(leadout);
	return rcd_error(b->d.diag, RAWCD_E_LAYOUT, b->d.name, 0, "the disc does not fit: its lead-out starts at "
			 "LBA %d (%02u:%02u:%02u) but this medium's last possible lead-out start is LBA %d "
			 "(%02u:%02u:%02u, ATIP), %d sectors short; nothing was written", leadout, need.m, need.s,
			 need.f, a->last_leadout_start_lba, a->last_leadout_start.m, a->last_leadout_start.s,
			 a->last_leadout_start.f, leadout - a->last_leadout_start_lba);
}

int rcd_burn_preflight(struct rcd_burn *b)
{
	struct rcd_drive *d = &b->d;
	if (d->t->read_only)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the device was opened read-only: write "
				 "commands would fail (EPERM); nothing was written");
	b->info.read_only = false;
	int rc = rcd_probe_identify(d, &b->info);
	if (rc)
		return rc;
	if (!b->info.medium_present)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "no disc in the drive (sense 2/3A): put in a "
				 "blank CD-R or CD-RW");
	rcd_probe_config(d, &b->info);
	rc = check_profile(b);
	if (rc)
		return rc;
	rcd_probe_capabilities(d, &b->info);
	rc = check_medium(b);
	return rc ? rc : check_capacity(b);
}

/* ---- write mode ---- */

struct variant {
	enum rawcd_write_mode mode;
	uint8_t block_type;
	const char *what;
};

static const struct variant variants[] = {
	{RAWCD_WRITE_RAW96R, RAWCD_MMC_DBT_RAW_PW, "2448-byte blocks with raw P-W: Q, CD-TEXT and CD+G as generated"},
	{RAWCD_WRITE_RAW16, RAWCD_MMC_DBT_RAW_PQ, "2368-byte blocks with P and Q only: no CD-TEXT, no CD+G graphics"},
};

static bool disc_has_rw(const struct rcd_burn *b)
{
	if (b->cdtext.count > 0)
		return true;
	for (size_t i = 0; i < b->disc->track_count; i++)
		if (b->disc->tracks[i].mode == RAWCD_MODE_CDG)
			return true;
	return false;
}

static void note_mode(struct rcd_burn *b, const struct variant *v, const char *refused)
{
	char extra[160];
	snprintf(extra, sizeof(extra), "; BUFE %s; Test Write %s",
		 b->r.bufe ? "on" : b->o.no_bufe ? "off (--no-bufe)" : "off (the drive reports no BUF)",
		 b->r.test_write ? "on (simulation: the laser stays off)" : "off");
	const char *name = rawcd_write_mode_name(v->mode);
	if (b->o.write_mode != RAWCD_WRITE_AUTO)
		rcd_note(b->d.diag, b->d.name, 0, "write mode %s (write type RAW, data block type %u, %s), as "
			 "--write-mode asked%s", name, v->block_type, v->what, extra);
	else if (!refused)
		rcd_note(b->d.diag, b->d.name, 0, "write mode %s (write type RAW, data block type %u, %s): the "
			 "first the drive accepted%s", name, v->block_type, v->what, extra);
	else
		rcd_warn(b->d.diag, b->d.name, 0, "write mode %s (write type RAW, data block type %u, %s): the "
			 "drive refused data block type 3 (%s)%s", name, v->block_type, v->what, refused, extra);
	if (v->block_type == RAWCD_MMC_DBT_RAW_PQ && disc_has_rw(b))
		rcd_warn(b->d.diag, b->d.name, 0, "the sheet has CD-TEXT or CD+G, which %s cannot write: the disc "
			 "will not have it", name);
}

static void set_result_mode(struct rcd_burn *b, const struct variant *v)
{
	b->r.mode = v->mode;
	b->r.write_type = RAWCD_MMC_WRITE_RAW;
	b->r.data_block_type = v->block_type;
	b->r.block_size = rawcd_mmc_block_size(v->block_type);
}

int rcd_burn_select_mode(struct rcd_burn *b)
{
	struct rcd_drive *d = &b->d;
	b->r.bufe = !b->o.no_bufe && b->info.buf;
	b->r.test_write = b->o.simulate;
	if (b->o.simulate && b->info.has_cd_mastering && !b->info.cd_mastering.test_write)
		rcd_warn(d->diag, d->name, 0, "the drive does not report Test Write (feature 002Eh): the "
			 "simulation may be refused");
	struct rawcd_mmc_write_params base;
	bool have_base = rcd_read_write_params(d, &base) == RAWCD_OK;
	char why[2][RAWCD_SENSE_MESSAGE_MAX + 64] = {"", ""};
	size_t tried = 0;
	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		const struct variant *v = &variants[i];
		if (b->o.write_mode != RAWCD_WRITE_AUTO && b->o.write_mode != v->mode)
			continue;
		struct rawcd_mmc_write_setup setup = {
			.write_type = RAWCD_MMC_WRITE_RAW,
			.data_block_type = v->block_type,
			.test_write = b->r.test_write,
			.bufe = b->r.bufe,
			.multisession = 0,
			.track_mode = 0,
			.session_format = b->disc->sessions[0].disc_type,
		};
		int rc = rcd_select_write_params(d, &setup, have_base ? &base : NULL, why[i], sizeof(why[i]));
		if (rc == RAWCD_OK) {
			set_result_mode(b, v);
			note_mode(b, v, tried ? why[0] : NULL);
			return RAWCD_OK;
		}
		if (rc == RAWCD_E_IO)
			return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "MODE SELECT page 05h (write type RAW, data "
					 "block type %u) failed: %s; nothing was written", v->block_type, why[i]);
		tried++;
	}
	if (b->o.write_mode != RAWCD_WRITE_AUTO)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the drive refused write mode %s (%s); nothing "
				 "was written", rawcd_write_mode_name(b->o.write_mode),
				 why[b->o.write_mode == RAWCD_WRITE_RAW16]);
	return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the drive accepted no raw write mode: RAW with data "
			 "block type 3 (%s), with data block type 1 (%s); nothing was written (SAO with a cue sheet "
			 "is not implemented yet)", why[0], why[1]);
}

int rcd_burn_set_speed(struct rcd_burn *b)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	uint16_t speed = b->o.write_speed ? b->o.write_speed : 0xFFFF;
	int n = rawcd_mmc_cdb_set_cd_speed(cdb, 0xFFFF, speed);
	struct rawcd_cmd_result res;
	if (rcd_exec(&b->d, cdb, (size_t)n, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_DEFAULT_MS, true, &res) ==
	    RAWCD_OK)
		return RAWCD_OK;
	enum rawcd_sense_class cls = rcd_cmd_class(&res);
	if (cls == RAWCD_SENSE_NOT_SUPPORTED || cls == RAWCD_SENSE_REFUSED) {
		char asked[32] = "the fastest";
		if (speed != 0xFFFF)
			snprintf(asked, sizeof(asked), "%u kB/s", speed);
		rcd_warn(b->d.diag, b->d.name, 0, "SET CD SPEED (%s) was refused (%s): the drive writes at the "
			 "speed it chooses", asked, res.sense.message);
		return RAWCD_OK;
	}
	return rcd_cmd_error(&b->d, "SET CD SPEED", &res, RAWCD_TIMEOUT_DEFAULT_MS);
}

void rcd_burn_update_buffer(struct rcd_burn *b)
{
	if (b->buffer_unanswered)
		return;
	uint8_t cdb[RAWCD_CDB_MAX], buf[RAWCD_MMC_BUFFER_CAPACITY_LEN];
	struct rawcd_cmd_result res;
	struct rawcd_mmc_buffer_capacity cap;
	size_t got;
	int n = rawcd_mmc_cdb_read_buffer_capacity(cdb, sizeof(buf));
	if (rcd_read_cmd(&b->d, cdb, (size_t)n, buf, sizeof(buf), &got, &res) == RAWCD_OK &&
	    rawcd_mmc_parse_buffer_capacity(&cap, buf, got) == RAWCD_OK && cap.length > 0) {
		b->buffer_fill = (int)cap.fill_percent;
		return;
	}
	b->buffer_unanswered = true;
	b->buffer_fill = -1;
}
