/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file transport.h
 * @brief How CDBs reach a drive: a small operations table (open, execute a CDB, close), with the Linux
 *        SG_IO implementation and an emulated CD-R recorder for tests behind the same interface.
 *
 * Only src/transport/sg_linux.c includes <scsi/sg.h>. A command succeeded only when the transport says
 * so: for SG_IO, ioctl() returned 0 and status, host_status and driver_status (less DRIVER_SENSE) are all
 * clean (a timed-out command comes back as ioctl 0, status 0, host_status 3 DID_TIME_OUT: it FAILED).
 */
#ifndef RAWCD_TRANSPORT_H
#define RAWCD_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "mmc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Direction of a command's data. */
enum rawcd_xfer {
	RAWCD_XFER_NONE,
	RAWCD_XFER_TO_DEVICE,   /**< WRITE, MODE SELECT, ... */
	RAWCD_XFER_FROM_DEVICE  /**< INQUIRY, READ TOC, ... */
};

/**
 * What happened to one command. @c ok is true only when the transport delivered it cleanly (SG_IO:
 * host_status 0, driver_status 0 apart from DRIVER_SENSE 08h) and the drive answered GOOD, or CHECK
 * CONDITION with sense of class RAWCD_SENSE_SUCCESS (key 1, recovered error; key 0 with ASC 0): then
 * the command did its work, and check_condition tells the two apart. Any other SCSI status (BUSY 08h,
 * RESERVATION CONFLICT 18h, ...) is not ok and has check_condition false.
 */
struct rawcd_cmd_result {
	bool ok;                 /**< the command did its work (see above) */
	bool timed_out;          /**< the transport gave up waiting (SG_IO: host_status 03h DID_TIME_OUT, or
				      driver_status DRIVER_TIMEOUT 06h); never ok */
	bool check_condition;    /**< the drive returned CHECK CONDITION: @c sense holds why */
	struct rawcd_sense sense;/**< decoded sense, when check_condition. If the drive sent none or sense
				      that rawcd_sense_decode() refuses, response_code is 0, sense_class
				      RAWCD_SENSE_FATAL and message says so */
	size_t transferred;      /**< bytes moved (the request less the residual) */
	int os_error;            /**< errno of a failed ioctl(), else 0 */
	uint8_t status, host_status, driver_status; /**< raw SG_IO fields, for the log */
};

typedef struct rawcd_transport rawcd_transport;

/** The operations a transport provides. */
struct rawcd_transport_ops {
	/** Run one CDB. @p timeout_ms is the command's limit; @p buf is @p len bytes in @p dir.
	 *  Returns RAWCD_OK when the command was delivered (whatever its status, in @p out), RAWCD_E_IO when
	 *  it could not be (then out->os_error says why). @p out is written in both cases. Called through
	 *  rawcd_transport_execute(), which has checked the arguments. */
	int (*execute)(rawcd_transport *t, const uint8_t *cdb, size_t cdb_len, enum rawcd_xfer dir, void *buf,
		       size_t len, unsigned timeout_ms, struct rawcd_cmd_result *out);
	/** Largest data transfer of one command, in bytes (queue limit; at most 64 KiB by default). */
	size_t (*max_transfer)(const rawcd_transport *t);
	/** Release the device and free @p t, its name included. */
	void (*close)(rawcd_transport *t);
};

/** Every transport starts with this header; implementations extend it. */
struct rawcd_transport {
	const struct rawcd_transport_ops *ops;
	char *name;           /**< the device path or "emulated" */
	bool read_only;       /**< opened O_RDONLY: write-class commands will fail */
};

/**
 * Open a Linux SCSI device (/dev/srN or /dev/sgN) with O_RDWR|O_NONBLOCK|O_EXCL. When that fails with
 * EACCES, EPERM or EROFS and @p allow_read_only is set, it is opened O_RDONLY|O_NONBLOCK instead (without
 * O_EXCL, which sg refuses on a read-only open) and t->read_only is set: read commands work, write-class
 * commands (MODE SELECT, SET CD SPEED, WRITE, SYNCHRONIZE CACHE, BLANK) will fail with os_error EPERM
 * unless the process has CAP_SYS_RAWIO. The path must be a character or block device that answers
 * SG_GET_VERSION_NUM with version 3.0 (30000) or later.
 * The largest transfer (rawcd_transport_max_transfer()) is RAWCD_MAX_TRANSFER_DEFAULT (64 KiB), or less
 * when the device's SG reserved buffer (SG_SET_RESERVED_SIZE to 64 KiB, then SG_GET_RESERVED_SIZE) or its
 * request queue's max_sectors_kb in sysfs is smaller: over the queue limit the kernel refuses a command
 * with EINVAL (/dev/sg) or EIO (/dev/sr) before the drive sees it (research/burn.md §1.8).
 * @param out the transport, written only on success; close with rawcd_transport_close().
 * @param path the device; its name is kept as t->name.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL or empty @p path, NULL @p out); RAWCD_E_NOMEM; RAWCD_E_IO with a
 *         diagnostic (entry file = @p path) that says what to do: EBUSY (another program has the drive,
 *         or its disc is mounted: close it or unmount), EACCES (join the group that owns the device,
 *         usually cdrom), EPERM (write commands need O_RDWR, or CAP_SYS_RAWIO), ENOENT (no such device),
 *         not a device, not a SCSI generic device (SG_GET_VERSION_NUM fails), or another errno.
 */
int rawcd_transport_open_sg(rawcd_transport **out, const char *path, bool allow_read_only, rawcd_diag *diag);

/** Close and free a transport. Accepts NULL. */
void rawcd_transport_close(rawcd_transport *t);

/**
 * Run one CDB through @p t (see rawcd_transport_ops.execute). @p out is cleared first, then filled.
 * @param cdb_len 1–RAWCD_CDB_MAX bytes (6, 10 or 12 for MMC).
 * @param dir RAWCD_XFER_NONE needs @p len 0; a non-zero @p len needs @p buf.
 * @param timeout_ms the command's limit in ms; 0 means RAWCD_TIMEOUT_DEFAULT_MS.
 * @return RAWCD_OK (the command was delivered: see out->ok); RAWCD_E_IO (it was not: out->os_error);
 *         RAWCD_E_ARG (NULL @p t, @p cdb or @p out, a bad length or direction; nothing is sent).
 */
int rawcd_transport_execute(rawcd_transport *t, const uint8_t *cdb, size_t cdb_len, enum rawcd_xfer dir,
			    void *buf, size_t len, unsigned timeout_ms, struct rawcd_cmd_result *out);

/**
 * The largest data transfer of one command through @p t, in bytes (rawcd_transport_ops.max_transfer):
 * a WRITE(10) carries at most this divided by the block size (26 blocks of 2448 bytes in 64 KiB).
 * @return the size; 0 for NULL.
 */
size_t rawcd_transport_max_transfer(const rawcd_transport *t);

/** Timeouts per command class, in ms (DESIGN.md §5): 30 s default, 200 s WRITE and SYNCHRONIZE CACHE. */
#define RAWCD_TIMEOUT_DEFAULT_MS 30000u
#define RAWCD_TIMEOUT_WRITE_MS 200000u
#define RAWCD_TIMEOUT_SYNC_MS 200000u
#define RAWCD_MAX_TRANSFER_DEFAULT 65536u

#ifdef __cplusplus
}
#endif
#endif
