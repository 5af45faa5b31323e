/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Raw images with subcode: recognised by content; not read into a disc model yet (the reader replaces the
 * loader in this file). */
#include "rawcd/rawimage.h"

#include <string.h>

#include "rawcd/error.h"
#include "rawcd/subcode.h"
#include "util/diag.h"

static const uint8_t sync_pattern[12] = {0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0};

/* Does the record at @p rec look like a sector with subcode of this layout: a data sync or a Q whose CRC
 * holds? */
static bool record_fits(const uint8_t *rec, unsigned stride)
{
	if (memcmp(rec, sync_pattern, sizeof(sync_pattern)) == 0)
		return true;
	uint8_t q[RAWCD_Q_SIZE];
	if (stride == 2368) {
		memcpy(q, rec + 2352, RAWCD_Q_SIZE);
	} else {
		struct rawcd_subchannels sc;
		rawcd_subcode_from_raw96(&sc, rec + 2352);
		memcpy(q, sc.q, RAWCD_Q_SIZE);
	}
	return rawcd_q_crc_ok(q);
}

unsigned rawcd_rawimage_sniff(const uint8_t *data, size_t len)
{
	static const unsigned strides[] = {2448, 2368};
	for (size_t s = 0; s < 2; s++) {
		unsigned stride = strides[s];
		size_t records = len / stride, fit = 0;
		if (records > 16)
			records = 16;
		if (records < 2)
			continue;
		for (size_t i = 0; i < records; i++)
			fit += record_fits(data + i * stride, stride);
		/* Every record checked: a 2352-byte image has syncs at other strides only by chance. */
		if (fit == records)
			return stride;
	}
	return 0;
}

int rawcd_rawimage_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
			rawcd_diag *diag)
{
	(void)opts;
	if (!out || !path)
		return RAWCD_E_ARG;
	return rcd_error(diag, RAWCD_E_UNSUPPORTED, path, 0, "is a raw image with subcode, which rawcd cannot read "
			 "as a disc yet: inspect it with rawcd inspect --sector-size");
}
