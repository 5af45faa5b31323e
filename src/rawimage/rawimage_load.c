/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Raw images with subcode: recognised by content (rawcd_rawimage_sniff()), then read into a laid-out disc
 * from their Q (rawimage_map.c, rawimage_build.c), streaming: the image is read in batches, twice. */
#include "rawcd/rawimage.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawcd/error.h"
#include "rawcd/subcode.h"
#include "rawimage/rawimage_internal.h"
#include "util/diag.h"

#define SNIFF_RECORDS 16

static const uint8_t sync_pattern[12] = {0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0};

/* Does the record at @p rec look like a sector with subcode of this layout: a data sync or a Q whose CRC
 * holds? */
static bool record_fits(const uint8_t *rec, unsigned stride)
{
	if (memcmp(rec, sync_pattern, sizeof(sync_pattern)) == 0)
		return true;
	uint8_t q[RAWCD_Q_SIZE];
	if (stride == RCD_PQ16_RECORD) {
		memcpy(q, rec + RAWCD_SECTOR_SIZE, RAWCD_Q_SIZE);
	} else {
		struct rawcd_subchannels sc;
		rawcd_subcode_from_raw96(&sc, rec + RAWCD_SECTOR_SIZE);
		memcpy(q, sc.q, RAWCD_Q_SIZE);
	}
	return rawcd_q_crc_ok(q);
}

unsigned rawcd_rawimage_sniff(const uint8_t *data, size_t len)
{
	static const unsigned strides[] = {RCD_RAW96_RECORD, RCD_PQ16_RECORD};
	if (!data)
		return 0;
	for (size_t s = 0; s < 2; s++) {
		unsigned stride = strides[s];
		size_t records = len / stride, fit = 0;
		if (records > SNIFF_RECORDS)
			records = SNIFF_RECORDS;
		if (records < 2)
			continue;
		for (size_t i = 0; i < records; i++)
			fit += record_fits(data + i * stride, stride);
		/* Three in four of them (a few Q frames may be damaged): a 2352-byte image has syncs or valid Q
		 * CRCs at another stride only by chance, one record in thousands. */
		if (fit >= 2 && fit * 4 >= records * 3)
			return stride;
	}
	return 0;
}

/* The record size from the first records, and that the size is a whole number of them. */
static int check_shape(struct rcd_raw_in *in, const uint8_t *head, size_t head_len, rawcd_diag *diag)
{
	in->record_size = rawcd_rawimage_sniff(head, head_len);
	if (!in->record_size)
		return rcd_error(diag, RAWCD_E_INPUT, in->name, 0, "is not a raw image with subcode: its first records "
				 "have neither data syncs nor Q frames with a valid CRC at a 2448- or 2368-byte stride");
	if (in->size % in->record_size)
		return rcd_error(diag, RAWCD_E_INPUT, in->name, 0, "is %llu bytes, not a whole number of %u-byte "
				 "records (2352 main + %u subcode bytes): it is cut short or has bytes added; the last "
				 "record is record %llu", (unsigned long long)in->size, in->record_size,
				 in->record_size - RAWCD_SECTOR_SIZE, (unsigned long long)(in->size / in->record_size));
	in->records = in->size / in->record_size;
	return RAWCD_OK;
}

static int load(struct rawcd_disc **out, struct rcd_raw_in *in, const uint8_t *head, size_t head_len,
		const char *path, rawcd_diag *diag)
{
	int rc = check_shape(in, head, head_len, diag);
	if (rc)
		return rc;
	struct rcd_raw_map map;
	rc = rcd_raw_map_build(&map, in, diag);
	if (rc)
		return rc;
	rc = rcd_raw_disc_build(out, &map, in, path, diag);
	rcd_raw_map_finish(&map);
	return rc;
}

int rcd_rawimage_load_mem(struct rawcd_disc **out, const uint8_t *data, size_t size, const char *name,
			  rawcd_diag *diag)
{
	if (!out || !data || !name)
		return RAWCD_E_ARG;
	struct rcd_raw_in in = {.name = name, .fd = -1, .mem = data, .size = size};
	return load(out, &in, data, size < SNIFF_RECORDS * RCD_RAW96_RECORD ? size : SNIFF_RECORDS * RCD_RAW96_RECORD,
		    name, diag);
}

static int read_head(int fd, uint8_t *buf, size_t want, size_t *got)
{
	size_t done = 0;
	while (done < want) {
		ssize_t n = pread(fd, buf + done, want - done, (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	*got = done;
	return 0;
}

/* Open @p path as a regular file and read its first records into @p head. */
static int open_image(struct rcd_raw_in *in, const char *path, uint8_t *head, size_t cap, size_t *got,
		      rawcd_diag *diag)
{
	*in = (struct rcd_raw_in){.name = path, .fd = open(path, O_RDONLY | O_CLOEXEC)};
	struct stat st;
	if (in->fd < 0 || fstat(in->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		const char *why = in->fd >= 0 ? "not a regular file" : strerror(errno);
		if (in->fd >= 0)
			close(in->fd);
		in->fd = -1;
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot be opened as a file (%s)", why);
	}
	posix_fadvise(in->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	in->size = (uint64_t)st.st_size;
	if (read_head(in->fd, head, cap, got) == 0)
		return RAWCD_OK;
	int e = errno;
	close(in->fd);
	in->fd = -1;
	return rcd_error(diag, RAWCD_E_IO, path, 0, "cannot be read (%s)", strerror(e));
}

#define HEAD_BYTES (SNIFF_RECORDS * RCD_RAW96_RECORD)
static_assert(HEAD_BYTES < 65536, "the head of an image fits on the stack");

int rawcd_rawimage_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
			rawcd_diag *diag)
{
	(void)opts; /* the image's own lead-out is where it is: no capacity applies */
	if (!out || !path)
		return RAWCD_E_ARG;
	struct rcd_raw_in in;
	uint8_t head[HEAD_BYTES];
	size_t got = 0;
	int rc = open_image(&in, path, head, sizeof(head), &got, diag);
	if (rc)
		return rc;
	rc = load(out, &in, head, got, path, diag);
	close(in.fd);
	return rc;
}

int rcd_rawimage_probe(const char *path, unsigned *record_size, int32_t *first_lba, rawcd_diag *diag)
{
	struct rcd_raw_in in;
	uint8_t head[HEAD_BYTES];
	size_t got = 0;
	*record_size = 0;
	int rc = open_image(&in, path, head, sizeof(head), &got, diag);
	if (rc)
		return rc;
	if (rawcd_rawimage_sniff(head, got)) {
		rc = check_shape(&in, head, got, diag);
		if (rc == RAWCD_OK)
			rc = rcd_raw_origin(&in, first_lba, diag);
		if (rc == RAWCD_OK)
			*record_size = in.record_size;
	}
	close(in.fd);
	return rc;
}
