/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Linux SG_IO transport: the one file that includes <scsi/sg.h> (STYLE.md habit 7).
 *
 * Opening follows what cdrdao, libburn and wodim do (research/burn.md §1.10): O_RDWR|O_NONBLOCK|O_EXCL,
 * so that a second burner gets EBUSY, and an O_RDONLY fallback for reading (without O_EXCL: sg refuses
 * O_EXCL on a read-only open with EPERM). A command is judged by rcd_sg_result(): the SG_IO header's
 * status, host_status and driver_status (less DRIVER_SENSE), not the ioctl's return value alone, which is
 * 0 for a command that timed out (measured: ioctl 0, status 0, host_status 03h, info 1; §1.9).
 */
#include "sg_linux.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <scsi/sg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "rawcd/error.h"
#include "transport_internal.h"
#include "util/diag.h"

#define SG_VERSION_MIN 30000 /* sg version 3.0: the sg_io_hdr interface */
#define SENSE_BUFFER 64      /* fixed sense is 18 bytes; descriptor sense rarely passes 32 */

struct sg_transport {
	struct rawcd_transport base;
	int fd;
	size_t max_transfer;
};

static int sg_direction(enum rawcd_xfer dir)
{
	switch (dir) {
	case RAWCD_XFER_TO_DEVICE: return SG_DXFER_TO_DEV;
	case RAWCD_XFER_FROM_DEVICE: return SG_DXFER_FROM_DEV;
	default: return SG_DXFER_NONE;
	}
}

int rcd_sg_result(const struct sg_io_hdr *hdr, int ioctl_errno, struct rawcd_cmd_result *out)
{
	if (ioctl_errno != 0) {
		memset(out, 0, sizeof(*out));
		out->os_error = ioctl_errno;
		return RAWCD_E_IO;
	}
	size_t sense_len = hdr->sb_len_wr;
	if (sense_len > hdr->mx_sb_len)
		sense_len = hdr->mx_sb_len;
	struct rcd_scsi_outcome o = {
		.status = hdr->status,
		.host_status = hdr->host_status,
		.driver_status = hdr->driver_status,
		.info = hdr->info,
		.requested = hdr->dxfer_len,
		.resid = hdr->resid,
		.sense = sense_len ? hdr->sbp : NULL,
		.sense_len = sense_len,
	};
	return rcd_transport_classify(&o, out);
}

static int sg_execute(rawcd_transport *t, const uint8_t *cdb, size_t cdb_len, enum rawcd_xfer dir, void *buf,
		      size_t len, unsigned timeout_ms, struct rawcd_cmd_result *out)
{
	struct sg_transport *sg = (struct sg_transport *)t;
	unsigned char cmd[RAWCD_CDB_MAX];
	unsigned char sense[SENSE_BUFFER] = {0};
	if (len > UINT32_MAX) {
		memset(out, 0, sizeof(*out));
		out->os_error = EINVAL;
		return RAWCD_E_IO;
	}
	memcpy(cmd, cdb, cdb_len);
	struct sg_io_hdr hdr = {
		.interface_id = 'S',
		.dxfer_direction = sg_direction(dir),
		.cmd_len = (unsigned char)cdb_len,
		.mx_sb_len = sizeof(sense),
		.dxfer_len = (unsigned)len,
		.dxferp = len ? buf : NULL,
		.cmdp = cmd,
		.sbp = sense,
		.timeout = timeout_ms,
	};
	int err = 0;
	if (ioctl(sg->fd, SG_IO, &hdr) < 0)
		err = errno ? errno : EIO;
	return rcd_sg_result(&hdr, err, out);
}

static size_t sg_max_transfer(const rawcd_transport *t)
{
	return ((const struct sg_transport *)t)->max_transfer;
}

static void sg_close(rawcd_transport *t)
{
	struct sg_transport *sg = (struct sg_transport *)t;
	if (sg->fd >= 0)
		close(sg->fd);
	free(sg->base.name);
	free(sg);
}

static const struct rawcd_transport_ops sg_ops = {
	.execute = sg_execute,
	.max_transfer = sg_max_transfer,
	.close = sg_close,
};

size_t rcd_sg_max_transfer(long reserved, long max_sectors_kb, size_t cap)
{
	size_t max = cap;
	if (reserved > 0 && (unsigned long)reserved < max)
		max = (size_t)reserved;
	if (max_sectors_kb > 0 && (unsigned long)max_sectors_kb < max / 1024)
		max = (size_t)max_sectors_kb * 1024;
	return max;
}

/* A number from a sysfs file, or -1. */
static long read_sysfs_long(const char *path)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return -1;
	long v = -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

/* The request queue's max_sectors_kb of the device behind @p st: /sys/dev/block/M:m/queue for /dev/srN;
 * for /dev/sgN the block device beside it (/sys/dev/char/M:m/device/block/NAME/queue), if it has one. */
static long queue_max_sectors_kb(const struct stat *st)
{
	char path[256];
	unsigned maj = major(st->st_rdev), min = minor(st->st_rdev);
	if (S_ISBLK(st->st_mode)) {
		snprintf(path, sizeof(path), "/sys/dev/block/%u:%u/queue/max_sectors_kb", maj, min);
		return read_sysfs_long(path);
	}
	char dir[128];
	snprintf(dir, sizeof(dir), "/sys/dev/char/%u:%u/device/block", maj, min);
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	long kb = -1;
	struct dirent *e;
	while (kb < 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%.64s/queue/max_sectors_kb", dir, e->d_name);
		kb = read_sysfs_long(path);
	}
	closedir(d);
	return kb;
}

/* Ask for a 64 KiB reserved buffer as cdrdao does, then read what the kernel granted (on /dev/sr the
 * block layer caps it at the queue's hardware limit). */
static long reserved_size(int fd)
{
	int want = (int)RAWCD_MAX_TRANSFER_DEFAULT, got = 0;
	(void)ioctl(fd, SG_SET_RESERVED_SIZE, &want);
	if (ioctl(fd, SG_GET_RESERVED_SIZE, &got) < 0)
		return -1;
	return got;
}

/* The open fd, or a negative RAWCD_E_IO with the reason in @p diag. */
static int open_device(const char *path, bool allow_read_only, bool *read_only, rawcd_diag *diag)
{
	*read_only = false;
	int fd = open(path, O_RDWR | O_NONBLOCK | O_EXCL | O_CLOEXEC);
	if (fd >= 0)
		return fd;
	int err = errno;
	if (allow_read_only && (err == EACCES || err == EPERM || err == EROFS)) {
		fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0) {
			*read_only = true;
			return fd;
		}
	}
	return rcd_transport_open_error(diag, path, err);
}

/* The fd must be a device that speaks sg version 3 (SG_IO); a regular file, /dev/null or a disk
 * partition does not. */
static int check_device(int fd, const char *path, struct stat *st, rawcd_diag *diag)
{
	if (fstat(fd, st) != 0)
		return rcd_error(diag, RAWCD_E_IO, path, 0, "cannot examine the device: %s", strerror(errno));
	if (!S_ISCHR(st->st_mode) && !S_ISBLK(st->st_mode))
		return rcd_error(diag, RAWCD_E_IO, path, 0, "not a device: give a CD recorder such as /dev/sr0 "
				 "or /dev/sg0");
	int version = 0;
	if (ioctl(fd, SG_GET_VERSION_NUM, &version) < 0)
		return rcd_error(diag, RAWCD_E_IO, path, 0, "not a SCSI generic device (SG_GET_VERSION_NUM: %s): "
				 "give a CD recorder such as /dev/sr0 or /dev/sg0", strerror(errno));
	if (version < SG_VERSION_MIN)
		return rcd_error(diag, RAWCD_E_IO, path, 0, "the SCSI generic driver is version %d.%d.%d; "
				 "SG_IO needs 3.0 or later", version / 10000, version / 100 % 100, version % 100);
	return RAWCD_OK;
}

int rawcd_transport_open_sg(rawcd_transport **out, const char *path, bool allow_read_only, rawcd_diag *diag)
{
	if (!out || !path || !*path)
		return RAWCD_E_ARG;
	bool read_only;
	int fd = open_device(path, allow_read_only, &read_only, diag);
	if (fd < 0)
		return fd;
	struct stat st;
	int rc = check_device(fd, path, &st, diag);
	if (rc != RAWCD_OK) {
		close(fd);
		return rc;
	}
	struct sg_transport *sg = calloc(1, sizeof(*sg));
	char *name = strdup(path);
	if (!sg || !name) {
		free(sg);
		free(name);
		close(fd);
		return RAWCD_E_NOMEM;
	}
	sg->base.ops = &sg_ops;
	sg->base.name = name;
	sg->base.read_only = read_only;
	sg->fd = fd;
	sg->max_transfer = rcd_sg_max_transfer(reserved_size(fd), queue_max_sectors_kb(&st),
					       RAWCD_MAX_TRANSFER_DEFAULT);
	*out = &sg->base;
	return RAWCD_OK;
}
