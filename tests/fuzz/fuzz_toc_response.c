/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz the decoders of what a drive answers to READ TOC/PMA/ATIP: formats 0, 1 and 2 (rawcd_toc_decode)
 * and format 5, CD-TEXT (rawcd_cdtext_decode_response, then rawcd_cdtext_decode). The first byte
 * chooses: bits 1-0 the format (0, 1, 2, or 3 for format 5), bit 2 the CDB's MSF bit; the rest is the
 * response.
 *
 * Invariants checked (an abort is a finding):
 *  - a decoded TOC encodes again in its format, and that decodes and re-encodes to the same bytes; it
 *    renders as JSON;
 *  - decoded CD-TEXT packs all have a good CRC and encode back to the response's length field and packs.
 * GET CONFIGURATION and sense data have no decoder yet (they come with the burn issue).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "rawcd/toc.h"

#define TOC_BYTES (4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS)

static void fuzz_toc(int format, bool msf, const uint8_t *buf, size_t len)
{
	static struct rawcd_toc toc, back;
	static uint8_t a[TOC_BYTES], b[TOC_BYTES];
	int rc = rawcd_toc_decode(&toc, format, msf, buf, len);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_FORMAT);
	if (rc != RAWCD_OK)
		return;
	FUZZ_ASSERT(toc.track_count <= RAWCD_MAX_TRACKS && toc.full_count <= RAWCD_TOC_MAX_DESCRIPTORS);
	size_t na = 0, nb = 0;
	rc = rawcd_toc_encode(&toc, format, msf, a, sizeof(a), &na);
	FUZZ_ASSERT(rc == RAWCD_OK);
	FUZZ_ASSERT(rawcd_toc_decode(&back, format, msf, a, na) == RAWCD_OK);
	FUZZ_ASSERT(rawcd_toc_encode(&back, format, msf, b, sizeof(b), &nb) == RAWCD_OK);
	FUZZ_ASSERT(na == nb && memcmp(a, b, na) == 0);
	/* A full TOC gives the other formats too. */
	for (int other = 0; other <= 1 && format == 2; other++)
		(void)rawcd_toc_encode(&toc, other, msf, b, sizeof(b), &nb);
	char *json = NULL;
	rc = rawcd_toc_to_json(&json, &toc, NULL);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_NOMEM);
	FUZZ_ASSERT(rc != RAWCD_OK || (json && json[0] == '{'));
	free(json);
	struct rawcd_disc_ids ids;
	(void)rawcd_toc_disc_ids(&ids, &toc);
}

static void fuzz_cdtext(const uint8_t *buf, size_t len)
{
	struct rawcd_cdtext_packs packs = {0};
	int rc = rawcd_cdtext_decode_response(&packs, buf, len);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_FORMAT || rc == RAWCD_E_NOMEM);
	if (rc != RAWCD_OK)
		return;
	size_t want = 4 + RAWCD_CDTEXT_PACK_SIZE * packs.count;
	FUZZ_ASSERT(len >= want && (size_t)(buf[0] << 8 | buf[1]) + 2 == want);
	for (size_t i = 0; i < packs.count; i++)
		FUZZ_ASSERT(rawcd_cdtext_pack_crc_ok(packs.pack[i]));
	uint8_t *again = malloc(want);
	size_t n = 0;
	if (again && packs.count <= RAWCD_CDTEXT_MAX_PACKS) {
		FUZZ_ASSERT(rawcd_cdtext_encode_response(&packs, again, want, &n) == RAWCD_OK);
		/* Bytes 2-3 are reserved: written as zero, ignored when read. */
		FUZZ_ASSERT(n == want && memcmp(again, buf, 2) == 0 && memcmp(again + 4, buf + 4, want - 4) == 0);
	}
	free(again);
	struct rawcd_cdtext_block *blocks = NULL;
	size_t count = 0;
	rc = rawcd_cdtext_decode(&blocks, &count, &packs);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_FORMAT || rc == RAWCD_E_NOMEM);
	FUZZ_ASSERT(rc == RAWCD_OK || blocks == NULL);
	for (size_t i = 0; rc == RAWCD_OK && i < count; i++)
		FUZZ_ASSERT(blocks[i].block < 8);
	rawcd_cdtext_blocks_free(blocks, count);
	rawcd_cdtext_packs_finish(&packs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int format = data[0] & 3;
	bool msf = data[0] & 4;
	if (format == 3)
		fuzz_cdtext(data + 1, size - 1);
	else
		fuzz_toc(format, msf, data + 1, size - 1);
	return 0;
}
