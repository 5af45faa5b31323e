/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internal to the SG_IO transport, for its tests: the pure parts of sg_linux.c. A caller that passes a
 * struct sg_io_hdr includes <scsi/sg.h> itself; this header only names the type.
 */
#ifndef RCD_TRANSPORT_SG_LINUX_H
#define RCD_TRANSPORT_SG_LINUX_H

#include <stddef.h>

#include "rawcd/transport.h"

struct sg_io_hdr;

/* Judge a finished SG_IO: @p ioctl_errno is 0 when ioctl() returned 0, else its errno (then out->os_error
 * is set and RAWCD_E_IO returned). Otherwise the header's output fields (status, host_status,
 * driver_status, info, resid, sb_len_wr with sbp) decide, as rcd_transport_classify() says; RAWCD_OK. */
int rcd_sg_result(const struct sg_io_hdr *hdr, int ioctl_errno, struct rawcd_cmd_result *out);

/* The transfer limit: @p cap (bytes), lowered to the reserved buffer @p reserved (bytes) and the queue's
 * @p max_sectors_kb (KiB) when those are known (> 0). */
size_t rcd_sg_max_transfer(long reserved, long max_sectors_kb, size_t cap);

#endif
