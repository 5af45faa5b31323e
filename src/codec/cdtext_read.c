/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CDTEXTFILE: raw CD-TEXT packs as cdrdao, libcdio and CloneCD-era tools store them (research/subcode.md
 * §5). Four layouts are seen, told apart by the size modulo 18 (0, 1, 4 and 5 never collide):
 *   18n          bare packs;
 *   18n + 1      bare packs and a NUL (libcdio's test/data/cdtext.cdt);
 *   4 + 18n      the READ TOC/PMA/ATIP format 5 response (MMC-6 §6.26.3.7): a big-endian length of the
 *                bytes after it (2 + 18n), two reserved bytes, the packs;
 *   4 + 18n + 1  the same and a NUL, the length counting the NUL or not (cdrecord writes it so).
 * Every pack must carry its CRC: a file is the only copy of the text to burn, so a damaged one is
 * refused rather than half used.
 */
#include "rawcd/cdtext.h"
#include "rawcd/error.h"

#include "util/diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESPONSE_HEADER 4
/* The largest file accepted: the header, all 2048 packs of 8 blocks, the NUL. */
#define MAX_FILE_SIZE (RESPONSE_HEADER + RAWCD_CDTEXT_PACK_SIZE * RAWCD_CDTEXT_MAX_PACKS + 1)

/* Read at most MAX_FILE_SIZE + 1 bytes (one more tells an oversized file). */
static int slurp(const char *path, uint8_t **out, size_t *out_len, rawcd_diag *diag)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot open the CD-TEXT file: %s", strerror(errno));
	uint8_t *buf = malloc(MAX_FILE_SIZE + 1);
	if (!buf) {
		fclose(f);
		return RAWCD_E_NOMEM;
	}
	size_t len = fread(buf, 1, MAX_FILE_SIZE + 1, f);
	int err = ferror(f) ? errno : 0;
	fclose(f);
	if (err) {
		free(buf);
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot read the CD-TEXT file: %s", strerror(err));
	}
	if (len > MAX_FILE_SIZE) {
		free(buf);
		return rcd_error(diag, RAWCD_E_INPUT, path, 0,
				 "is not a CD-TEXT file: over %d bytes, more than 8 blocks of 256 packs",
				 MAX_FILE_SIZE);
	}
	*out = buf;
	*out_len = len;
	return RAWCD_OK;
}

/* Where the packs start and how many there are; false if the size fits no layout. */
static bool find_packs(const uint8_t *buf, size_t len, size_t *start, size_t *count)
{
	size_t trail = 0, head = 0;
	switch (len % RAWCD_CDTEXT_PACK_SIZE) {
	case 0: break;
	case 1: trail = 1; break;
	case RESPONSE_HEADER: head = RESPONSE_HEADER; break;
	case RESPONSE_HEADER + 1: head = RESPONSE_HEADER, trail = 1; break;
	default: return false;
	}
	if (len < head + trail + RAWCD_CDTEXT_PACK_SIZE || (trail && buf[len - 1] != 0))
		return false;
	if (head) {
		size_t field = (size_t)buf[0] << 8 | buf[1];
		if (field != len - 2 && !(trail && field == len - 3))
			return false;
	}
	*start = head;
	*count = (len - head - trail) / RAWCD_CDTEXT_PACK_SIZE;
	return true;
}

/* Every pack is of type 80h-8Fh and has its CRC; name the first that is not, and how many are not. */
static int check_packs(const uint8_t *buf, size_t start, size_t count, const char *path, rawcd_diag *diag)
{
	const uint8_t *p = buf + start;
	size_t bad = 0, first = 0;
	for (size_t i = 0; i < count; i++) {
		const uint8_t *pack = p + i * RAWCD_CDTEXT_PACK_SIZE;
		if ((pack[0] & 0xF0) != 0x80 || !rawcd_cdtext_pack_crc_ok(pack))
			if (bad++ == 0)
				first = i;
	}
	if (bad == 0)
		return RAWCD_OK;
	const uint8_t *pack = p + first * RAWCD_CDTEXT_PACK_SIZE;
	return rcd_error(diag, RAWCD_E_INPUT, path, 0,
			 "pack %zu of %zu (at byte %zu: type %02Xh, sequence %u) has %s (%zu damaged pack%s in "
			 "all): use an undamaged copy of the file",
			 first + 1, count, start + first * RAWCD_CDTEXT_PACK_SIZE, pack[0], pack[2],
			 (pack[0] & 0xF0) != 0x80 ? "no valid pack type" : "a bad CRC", bad,
			 bad == 1 ? "" : "s");
}

int rawcd_cdtext_read_file(struct rawcd_cdtext_packs *out, const char *path, rawcd_diag *diag)
{
	if (!out || !path)
		return RAWCD_E_ARG;
	uint8_t *buf = NULL;
	size_t len = 0, start = 0, count = 0;
	int err = slurp(path, &buf, &len, diag);
	if (err)
		return err;
	if (len == 0) {
		free(buf);
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "is empty (0 bytes): a CD-TEXT file holds 18-byte packs");
	}
	if (!find_packs(buf, len, &start, &count)) {
		free(buf);
		return rcd_error(diag, RAWCD_E_INPUT, path, 0,
				 "is not a CD-TEXT file: %zu bytes are not whole 18-byte packs (optionally after a "
				 "4-byte READ TOC header with its length, and followed by one NUL)",
				 len);
	}
	err = check_packs(buf, start, count, path, diag);
	if (err) {
		free(buf);
		return err;
	}
	/* The packs move to the front of the buffer, which then shrinks to them. */
	memmove(buf, buf + start, count * RAWCD_CDTEXT_PACK_SIZE);
	uint8_t *packs = realloc(buf, count * RAWCD_CDTEXT_PACK_SIZE);
	*out = (struct rawcd_cdtext_packs){
		.pack = (uint8_t(*)[RAWCD_CDTEXT_PACK_SIZE])(packs ? packs : buf), .count = count};
	return RAWCD_OK;
}
