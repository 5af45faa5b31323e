/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Before the first WRITE of a burn (DESIGN.md §5): is this a recorder with a blank CD-R/RW that the disc
 * fits on, and where does its lead-in start; then the write speed, and the drive's buffer while writing.
 * Nothing here writes to the medium; a failure leaves the disc blank. The write mode is burn_mode.c's.
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
	const struct rawcd_mmc_disc_info *di = &b->info.disc_info;
	if (status == 1 && di->leadin_valid && b->may_append) {
		rc = rcd_burn_append_prepare(b);
		if (rc)
			return rc;
	} else if (status == 1 && di->leadin_valid) {
		return rcd_error(d->diag, RAWCD_E_UNSUPPORTED, d->name, 0, "the disc is appendable (%u session%s, "
				 "the next lead-in at LBA %d): a raw image is written whole from the ATIP lead-in, "
				 "it cannot be appended; burn a disc description (rawcd burn) to append, use a blank "
				 "CD-R, or blank a CD-RW first (rawcd blank %s --minimal); nothing was written",
				 di->sessions, di->sessions == 1 ? "" : "s", di->leadin_start_lba, d->name);
	}
	if (status != 0 && !b->append)
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

int rcd_burn_check_drive(struct rcd_burn *b)
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
	return check_medium(b);
}

int rcd_burn_preflight(struct rcd_burn *b)
{
	int rc = rcd_burn_check_drive(b);
	return rc ? rc : check_capacity(b);
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
