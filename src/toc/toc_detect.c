/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which READ TOC/PMA/ATIP format a saved response is (MMC-6 §6.26.3): every format shares the 4-byte
 * header whose big-endian length counts the bytes after itself, and differs in the size of what
 * follows: 8-byte track descriptors for formats 0 (table 472, the lead-out AAh last) and 1 (table 474,
 * exactly one descriptor), 11-byte lead-in Q descriptors for format 2 (table 476), 18-byte CD-TEXT packs
 * with their CRC for format 5 (table 478). A format is a candidate only when the bytes decode as it in
 * full (rawcd_toc_decode() is strict), so sizes that several formats share are told apart by content.
 */
#include "rawcd/toc.h"

#include "rawcd/cdtext.h"
#include "rawcd/error.h"

#define HEADER_SIZE 4
#define TRACK_DESC_SIZE 8
#define FULL_DESC_SIZE 11
#define LEADOUT_TNO 0xAA

/* Format 5: a whole number of packs, at least one, every CRC good (an empty answer could be any
 * format with no descriptors). */
static bool is_cdtext(const uint8_t *buf, size_t data_len)
{
	size_t n = data_len - 2;
	if (n == 0 || n % RAWCD_CDTEXT_PACK_SIZE != 0)
		return false;
	for (size_t off = HEADER_SIZE; off < HEADER_SIZE + n; off += RAWCD_CDTEXT_PACK_SIZE)
		if (!rawcd_cdtext_pack_crc_ok(buf + off))
			return false;
	return true;
}

/* Formats 0 and 1: 8-byte descriptors; format 0 ends with the lead-out, format 1 has one track. */
static int track_format(const uint8_t *buf, size_t data_len)
{
	size_t n = data_len - 2;
	if (n == 0 || n % TRACK_DESC_SIZE != 0)
		return -1;
	bool leadout_last = buf[HEADER_SIZE + n - TRACK_DESC_SIZE + 2] == LEADOUT_TNO;
	if (leadout_last)
		return 0;
	return n == TRACK_DESC_SIZE ? 1 : -1;
}

int rawcd_toc_detect_format(const uint8_t *buf, size_t len, bool msf)
{
	if (buf == NULL && len > 0)
		return RAWCD_E_ARG;
	if (buf == NULL || len < HEADER_SIZE)
		return RAWCD_E_FORMAT;
	size_t data_len = (size_t)buf[0] << 8 | buf[1];
	if (data_len < 2 || data_len + 2 > len)
		return RAWCD_E_FORMAT;
	struct rawcd_toc scratch;
	int found = RAWCD_E_FORMAT, fmt = track_format(buf, data_len);
	unsigned candidates = 0;
	if (fmt >= 0 && rawcd_toc_decode(&scratch, fmt, msf, buf, len) == RAWCD_OK) {
		found = fmt;
		candidates++;
	}
	if ((data_len - 2) % FULL_DESC_SIZE == 0 && data_len > 2 &&
	    rawcd_toc_decode(&scratch, 2, false, buf, len) == RAWCD_OK) {
		found = 2;
		candidates++;
	}
	if (is_cdtext(buf, data_len)) {
		found = 5;
		candidates++;
	}
	return candidates == 1 ? found : RAWCD_E_FORMAT;
}
