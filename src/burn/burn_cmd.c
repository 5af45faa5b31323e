/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Running MMC commands for the burn module: resending a command the drive answers "busy", counting a
 * recovered error as success, turning any other outcome into one sentence, and waiting for a drive that
 * works on after an Immed command. The sense classes are mmc.h's (DESIGN.md §5, research/burn.md §1.6):
 * cdrdao resends a WRITE after 40 ms, wodim after 60 ms, libburn after 0 + 2 ms·n up to 25 ms; the short
 * growing wait here follows libburn's idea, bounded by a count so that a drive stuck "busy" ends the burn.
 */
#include "burn_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "rawcd/error.h"
#include "util/diag.h"

#define RETRY_WAIT_MAX_MS 20u  /* longest wait between two sends of a command the drive called busy */
#define POLL_WAIT_FIRST_MS 10u /* first wait of a TEST UNIT READY poll; doubles up to the next value */
#define POLL_WAIT_MAX_MS 500u  /* libburn polls twice a second */

void rcd_drive_init(struct rcd_drive *d, rawcd_transport *t, rawcd_diag *diag)
{
	*d = (struct rcd_drive){.t = t, .diag = diag, .name = t && t->name ? t->name : "drive"};
}

void rcd_sleep_ms(unsigned ms)
{
	struct timespec ts = {.tv_sec = ms / 1000u, .tv_nsec = (long)(ms % 1000u) * 1000000L};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

enum rawcd_sense_class rcd_cmd_class(const struct rawcd_cmd_result *res)
{
	if (res->ok)
		return RAWCD_SENSE_SUCCESS;
	if (res->timed_out || !res->check_condition || res->sense.response_code == 0)
		return RAWCD_SENSE_FATAL;
	return res->sense.sense_class;
}

int rcd_exec(struct rcd_drive *d, const uint8_t *cdb, size_t cdb_len, enum rawcd_xfer dir, void *buf,
	     size_t len, unsigned timeout_ms, bool retry, struct rawcd_cmd_result *res)
{
	unsigned wait = 1;
	for (unsigned attempt = 0;; attempt++) {
		*res = (struct rawcd_cmd_result){0};
		int rc = rawcd_transport_execute(d->t, cdb, cdb_len, dir, buf, len, timeout_ms, res);
		if (rc != RAWCD_OK)
			return RAWCD_E_IO;
		if (res->timed_out)
			return RAWCD_E_IO;
		enum rawcd_sense_class cls = rcd_cmd_class(res);
		if (cls == RAWCD_SENSE_SUCCESS) {
			/* ok with CHECK CONDITION is a recovered error (key 1): the command did its work. */
			if (res->check_condition)
				d->recovered++;
			return RAWCD_OK;
		}
		if (cls != RAWCD_SENSE_RETRY || !retry || attempt >= RAWCD_BURN_MAX_RETRIES)
			return RAWCD_E_IO;
		d->retries++;
		rcd_sleep_ms(wait);
		if (wait < RETRY_WAIT_MAX_MS)
			wait++;
	}
}

void rcd_cmd_describe(const struct rawcd_cmd_result *res, unsigned timeout_ms, char *buf, size_t n)
{
	if (res->os_error == EPERM || res->os_error == EACCES)
		snprintf(buf, n, "the system refused the command (%s): write commands need the device opened "
			 "read-write (or CAP_SYS_RAWIO)", strerror(res->os_error));
	else if (res->os_error == EINVAL || res->os_error == ENOMEM)
		snprintf(buf, n, "the system refused the command (%s): a transfer over the device's queue "
			 "limit (max_sectors_kb) is refused this way", strerror(res->os_error));
	else if (res->os_error)
		snprintf(buf, n, "the command could not be delivered (%s)", strerror(res->os_error));
	else if (res->timed_out)
		snprintf(buf, n, "the drive did not answer within %u s (timed out)", timeout_ms / 1000u);
	else if (res->check_condition && res->sense.response_code != 0 && res->sense.sense_class == RAWCD_SENSE_RETRY)
		snprintf(buf, n, "%s (the drive stayed busy)", res->sense.message);
	else if (res->check_condition && res->sense.message[0])
		snprintf(buf, n, "%s", res->sense.message);
	else if (res->check_condition)
		snprintf(buf, n, "CHECK CONDITION without readable sense data");
	else
		snprintf(buf, n, "SCSI status %02Xh, host status %02Xh, driver status %02Xh", res->status,
			 res->host_status, res->driver_status);
}

int rcd_cmd_error(struct rcd_drive *d, const char *what, const struct rawcd_cmd_result *res,
		  unsigned timeout_ms)
{
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	rcd_cmd_describe(res, timeout_ms, why, sizeof(why));
	return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "%s failed: %s", what, why);
}

int rcd_read_cmd(struct rcd_drive *d, const uint8_t *cdb, size_t cdb_len, uint8_t *buf, size_t len, size_t *got,
		 struct rawcd_cmd_result *res)
{
	memset(buf, 0, len);
	int rc = rcd_exec(d, cdb, cdb_len, RAWCD_XFER_FROM_DEVICE, buf, len, RAWCD_TIMEOUT_DEFAULT_MS, true, res);
	if (rc == RAWCD_OK)
		*got = res->transferred <= len ? res->transferred : len;
	return rc;
}

int rcd_wait_ready(struct rcd_drive *d, const char *what, unsigned budget_ms)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	int len = rawcd_mmc_cdb_test_unit_ready(cdb);
	unsigned waited = 0, wait = POLL_WAIT_FIRST_MS;
	for (;;) {
		struct rawcd_cmd_result res;
		if (rcd_exec(d, cdb, (size_t)len, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_DEFAULT_MS, false, &res) ==
		    RAWCD_OK)
			return RAWCD_OK;
		enum rawcd_sense_class cls = rcd_cmd_class(&res);
		if (cls != RAWCD_SENSE_RETRY) {
			char why[RAWCD_SENSE_MESSAGE_MAX + 64];
			rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, why, sizeof(why));
			return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "waiting for %s: TEST UNIT READY failed: %s",
					 what, why);
		}
		if (waited >= budget_ms)
			return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "waiting for %s: the drive was still busy "
					 "after %u s (%s)", what, budget_ms / 1000u, res.sense.message);
		rcd_sleep_ms(wait);
		waited += wait;
		wait = wait * 2 > POLL_WAIT_MAX_MS ? POLL_WAIT_MAX_MS : wait * 2;
	}
}
