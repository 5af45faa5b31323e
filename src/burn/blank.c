/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Blanking a CD-RW (MMC-6 §6.2 BLANK with Immed, then TEST UNIT READY until done: libburn polls the same
 * way; cdrdao first sends page 05h again with Test Write off so that a blank is not simulated), and
 * ejecting a disc (START STOP UNIT).
 */
#include "burn_internal.h"

#include <stdio.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

#define BLANK_BUDGET_MS (2u * 3600u * 1000u) /* a full blank of a slow CD-RW takes tens of minutes */
#define EJECT_LOEJ 0x02                      /* byte 4: LoEj = 1, Start = 0: eject */

/* A drive left with Test Write set would only pretend to blank. */
static int clear_test_write(struct rcd_drive *d)
{
	struct rawcd_mmc_write_params page;
	if (rcd_read_write_params(d, &page) != RAWCD_OK || !page.test_write)
		return RAWCD_OK;
	struct rawcd_mmc_write_setup setup = {
		.write_type = page.write_type,
		.data_block_type = page.data_block_type,
		.test_write = false,
		.bufe = page.bufe,
		.multisession = page.multisession,
		.track_mode = page.track_mode,
		.session_format = page.session_format,
	};
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	if (rcd_select_write_params(d, &setup, &page, why, sizeof(why)) == RAWCD_OK)
		return RAWCD_OK;
	return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "Test Write is set in page 05h and could not be "
			 "cleared (%s): the blank would only be simulated", why);
}

static int blank_preflight(struct rcd_drive *d)
{
	if (d->t->read_only)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the device was opened read-only: BLANK would fail "
				 "(EPERM)");
	struct rawcd_drive_info info = {0};
	int rc = rcd_probe_identify(d, &info);
	if (rc)
		return rc;
	if (!info.medium_present)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "no disc in the drive: put in a CD-RW");
	rcd_probe_config(d, &info);
	if (!info.has_profiles)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the drive gave no profile list (GET "
				 "CONFIGURATION): it cannot tell whether the disc is a CD-RW; nothing was blanked");
	uint16_t p = info.profiles.current_profile;
	if (p != RAWCD_MMC_PROFILE_CD_RW)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the disc is a %s (profile %04Xh), not a CD-RW: "
				 "only a CD-RW can be blanked", rawcd_mmc_profile_name(p), p);
	return clear_test_write(d);
}

int rawcd_blank(rawcd_transport *t, enum rawcd_blank_type type, rawcd_diag *diag)
{
	if (!t || (type != RAWCD_BLANK_ALL && type != RAWCD_BLANK_MINIMAL))
		return RAWCD_E_ARG;
	struct rcd_drive d;
	rcd_drive_init(&d, t, diag);
	int rc = blank_preflight(&d);
	if (rc)
		return rc;
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_blank(cdb, (unsigned)type, true, 0);
	struct rawcd_cmd_result res;
	if (rcd_exec(&d, cdb, (size_t)n, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_DEFAULT_MS, true, &res))
		return rcd_cmd_error(&d, type == RAWCD_BLANK_ALL ? "BLANK (whole disc)" : "BLANK (minimal)", &res,
				     RAWCD_TIMEOUT_DEFAULT_MS);
	return rcd_wait_ready(&d, "the blank to end", BLANK_BUDGET_MS);
}

/* mmc.h has no builder for START STOP UNIT (it builds what a burn needs); the 6-byte CDB is
 * `1B 00 00 00 02 00`: LoEj with Start clear ejects. */
int rcd_eject(struct rcd_drive *d)
{
	uint8_t cdb[RAWCD_CDB_MAX] = {RAWCD_MMC_OP_START_STOP_UNIT, 0, 0, 0, EJECT_LOEJ, 0};
	struct rawcd_cmd_result res;
	if (rcd_exec(d, cdb, 6, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_DEFAULT_MS, true, &res) == RAWCD_OK)
		return RAWCD_OK;
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, why, sizeof(why));
	rcd_warn(d->diag, d->name, 0, "the disc could not be ejected (START STOP UNIT: %s); take it out by hand", why);
	return RAWCD_E_IO;
}
