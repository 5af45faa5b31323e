/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The transport interface: argument checks and dispatch through the operations table (STYLE.md habit 7),
 * and the outcome rules every transport shares (DESIGN.md §5, research/burn.md §1.9: a timed-out command
 * comes back from SG_IO with ioctl 0 and status 0, so the status alone says nothing).
 */
#include "transport_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

void rawcd_transport_close(rawcd_transport *t)
{
	if (t && t->ops && t->ops->close)
		t->ops->close(t);
}

int rawcd_transport_execute(rawcd_transport *t, const uint8_t *cdb, size_t cdb_len, enum rawcd_xfer dir,
			    void *buf, size_t len, unsigned timeout_ms, struct rawcd_cmd_result *out)
{
	if (out)
		memset(out, 0, sizeof(*out));
	if (!t || !t->ops || !t->ops->execute || !cdb || !out || cdb_len == 0 || cdb_len > RAWCD_CDB_MAX)
		return RAWCD_E_ARG;
	if (dir != RAWCD_XFER_NONE && dir != RAWCD_XFER_TO_DEVICE && dir != RAWCD_XFER_FROM_DEVICE)
		return RAWCD_E_ARG;
	if ((dir == RAWCD_XFER_NONE && len != 0) || (len != 0 && !buf))
		return RAWCD_E_ARG;
	return t->ops->execute(t, cdb, cdb_len, dir, buf, len, timeout_ms ? timeout_ms : RAWCD_TIMEOUT_DEFAULT_MS,
			       out);
}

size_t rawcd_transport_max_transfer(const rawcd_transport *t)
{
	if (!t || !t->ops || !t->ops->max_transfer)
		return 0;
	return t->ops->max_transfer(t);
}

/* Sense the caller can tell from real sense: response code 0, class fatal, and a sentence. */
static void no_sense(struct rawcd_sense *s, const char *why)
{
	memset(s, 0, sizeof(*s));
	s->sense_class = RAWCD_SENSE_FATAL;
	snprintf(s->message, sizeof(s->message), "%s", why);
}

int rcd_transport_classify(const struct rcd_scsi_outcome *o, struct rawcd_cmd_result *out)
{
	memset(out, 0, sizeof(*out));
	out->status = o->status;
	out->host_status = (uint8_t)o->host_status;
	out->driver_status = (uint8_t)o->driver_status;
	out->timed_out = o->host_status == RCD_HOST_TIME_OUT ||
			 (o->driver_status & 0x0F) == RCD_DRIVER_TIMEOUT;
	bool has_sense = o->sense && o->sense_len > 0;
	bool transport_clean = o->host_status == 0 && (o->driver_status & ~RCD_DRIVER_SENSE) == 0;
	out->check_condition = o->status == RCD_SCSI_CHECK_CONDITION ||
			       ((o->driver_status & RCD_DRIVER_SENSE) && has_sense);
	if (out->check_condition) {
		if (!has_sense)
			no_sense(&out->sense, "CHECK CONDITION without sense data");
		else if (rawcd_sense_decode(&out->sense, o->sense, o->sense_len) != RAWCD_OK)
			no_sense(&out->sense, "CHECK CONDITION with sense data that cannot be decoded");
	}
	/* SG_INFO_CHECK set although every field is clean: something we cannot see went wrong. */
	bool unexplained = (o->info & RCD_INFO_CHECK) && o->status == RCD_SCSI_GOOD && o->host_status == 0 &&
			   o->driver_status == 0;
	if (!transport_clean || out->timed_out || unexplained)
		out->ok = false;
	else if (out->check_condition)
		out->ok = out->sense.response_code != 0 && out->sense.sense_class == RAWCD_SENSE_SUCCESS;
	else
		out->ok = o->status == RCD_SCSI_GOOD;
	/* resid counts what was not moved; after a transport failure (a timeout) nothing can be trusted. */
	if (transport_clean && !out->timed_out && o->resid >= 0 && (size_t)o->resid <= o->requested)
		out->transferred = o->requested - (size_t)o->resid;
	return RAWCD_OK;
}

int rcd_transport_open_error(rawcd_diag *diag, const char *path, int err)
{
	const char *what;
	switch (err) {
	case EBUSY:
		what = "another program has the drive open, or a disc in it is mounted: close that program "
		       "(a burner, a file manager) or unmount the disc (umount), then try again";
		break;
	case EACCES:
		what = "permission denied: add your user to the group that owns the device (usually cdrom: "
		       "sudo usermod -aG cdrom $USER, then log in again)";
		break;
	case EPERM:
		what = "operation not permitted: write commands need the device opened read-write by a member "
		       "of its group (usually cdrom), or a process with CAP_SYS_RAWIO";
		break;
	case ENOENT:
	case ENXIO:
	case ENODEV:
		what = "no such device: give a CD recorder such as /dev/sr0 or /dev/sg0 (ls /dev/sr* /dev/sg*)";
		break;
	default:
		what = NULL;
		break;
	}
	if (what)
		return rcd_error(diag, RAWCD_E_IO, path, 0, "cannot open the drive: %s", what);
	return rcd_error(diag, RAWCD_E_IO, path, 0, "cannot open the drive: %s", strerror(err));
}
