/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internal to the transports: judging a command's outcome from the fields SG_IO reports (shared by the
 * SG_IO transport and the emulated recorder, so both classify alike), and the words for an open() that
 * failed.
 */
#ifndef RCD_TRANSPORT_INTERNAL_H
#define RCD_TRANSPORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "rawcd/diag.h"
#include "rawcd/transport.h"

/* SCSI status (SAM-5) and the Linux host and driver codes that matter here (<scsi/sg.h> users see the
 * same values; kept here so that only sg_linux.c includes that header). */
#define RCD_SCSI_GOOD 0x00
#define RCD_SCSI_CHECK_CONDITION 0x02
#define RCD_HOST_TIME_OUT 0x03    /* DID_TIME_OUT */
#define RCD_DRIVER_TIMEOUT 0x06   /* DRIVER_TIMEOUT, low nibble of driver_status (older kernels) */
#define RCD_DRIVER_SENSE 0x08     /* DRIVER_SENSE: sense data is valid; not an error by itself */
#define RCD_INFO_CHECK 0x01       /* SG_INFO_CHECK: something was not clean */

/* What came back from one command, as SG_IO's output fields say it. */
struct rcd_scsi_outcome {
	uint8_t status;          /* SCSI status byte */
	uint16_t host_status;
	uint16_t driver_status;
	uint32_t info;
	size_t requested;        /* dxfer_len */
	int resid;               /* bytes not transferred, as reported */
	const uint8_t *sense;    /* sense bytes the drive returned (sb_len_wr of them), NULL if none */
	size_t sense_len;
};

/* Fill @p out from @p o. ok when host_status is 0, driver_status less DRIVER_SENSE is 0, SG_INFO_CHECK is
 * explained by the fields, and the status is GOOD or CHECK CONDITION with sense of class success (a
 * recovered error). A CHECK CONDITION (or DRIVER_SENSE with sense bytes) has its sense decoded.
 * Returns RAWCD_OK (the command was delivered). */
int rcd_transport_classify(const struct rcd_scsi_outcome *o, struct rawcd_cmd_result *out);

/* An error entry for an open() of @p path that failed with @p err, saying what to do. Returns
 * RAWCD_E_IO. */
int rcd_transport_open_error(rawcd_diag *diag, const char *path, int err);

#endif
