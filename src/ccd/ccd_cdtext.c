/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The [CDText] section of a .ccd: Entries=N, then "Entry k=" with the bytes of pack k in hexadecimal, 16 of
 * them (the pack without its CRC, as CloneCD writes it: the CRC is computed) or 18 (the CRC given, and
 * checked). The packs become the disc's CD-TEXT as they are (rawcd_disc.cdtext_pack), so a conversion or
 * a burn carries them to the lead-in (research/subcode.md §5, §6). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ccd/ccd_internal.h"
#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "util/diag.h"

#define PACK_DATA 16 /* bytes before the CRC */

/* "Entry k" (any case, blanks between): k, or -1 for another key. */
static long entry_key(const char *key)
{
	if (strncasecmp(key, "Entry", 5) != 0)
		return -1;
	const char *d = key + 5 + strspn(key + 5, " \t");
	size_t n = strspn(d, "0123456789");
	if (n == 0 || n > 5 || d[n])
		return -1;
	return strtol(d, NULL, 10);
}

/* Hex bytes separated by blanks into @p out (at most RAWCD_CDTEXT_PACK_SIZE); their count, or -1. */
static int hex_bytes(const char *s, uint8_t out[RAWCD_CDTEXT_PACK_SIZE])
{
	int n = 0;
	for (;;) {
		s += strspn(s, " \t");
		if (!*s)
			return n;
		size_t len = strspn(s, "0123456789abcdefABCDEF");
		if (len == 0 || len > 2 || (s[len] && s[len] != ' ' && s[len] != '\t') || n == RAWCD_CDTEXT_PACK_SIZE)
			return -1;
		char byte[3] = {s[0], len == 2 ? s[1] : '\0', '\0'};
		out[n++] = (uint8_t)strtoul(byte, NULL, 16);
		s += len;
	}
}

static int read_pack(const struct rcd_ccd_doc *doc, const struct rcd_ccd_kv *kv, long k, uint8_t pack[RAWCD_CDTEXT_PACK_SIZE])
{
	int n = hex_bytes(kv->value, pack);
	if (n != PACK_DATA && n != RAWCD_CDTEXT_PACK_SIZE)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "Entry %ld=: a CD-TEXT pack is 16 "
				 "hexadecimal bytes separated by spaces (18 with its CRC): fix the entry", k);
	uint16_t crc = (uint16_t)~rawcd_crc16(pack, PACK_DATA);
	if (n == RAWCD_CDTEXT_PACK_SIZE && !rawcd_cdtext_pack_crc_ok(pack))
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "Entry %ld=: the pack's CRC is "
				 "%02x %02x, but its bytes give %02x %02x: the pack is damaged; fix it, or give its 16 "
				 "bytes without the CRC", k, pack[16], pack[17], crc >> 8, crc & 0xFF);
	pack[16] = (uint8_t)(crc >> 8);
	pack[17] = (uint8_t)crc;
	if ((pack[0] & 0xF0) != 0x80)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "Entry %ld=: pack type %02x is not "
				 "a CD-TEXT pack (80 to 8f): fix the entry", k, pack[0]);
	return RAWCD_OK;
}

/* Every "Entry k" of the section, k < @p count, each once; other keys are warned about. */
static int read_entries(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec, long count,
			uint8_t (*pack)[RAWCD_CDTEXT_PACK_SIZE], unsigned *line_of)
{
	for (size_t i = 0; i < sec->count; i++) {
		const struct rcd_ccd_kv *kv = &doc->kv[sec->first + i];
		long k = entry_key(kv->key);
		if (k < 0) {
			if (strcasecmp(kv->key, "Entries") != 0)
				rcd_warn(doc->diag, doc->path, kv->line, "[CDText] key %s is not Entries or Entry N: "
					 "ignored", kv->key);
			continue;
		}
		if (k >= count)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "Entry %ld is beyond "
					 "Entries=%ld (entries count from 0): correct Entries", k, count);
		if (line_of[k])
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "Entry %ld is given twice "
					 "(line %u first): remove one", k, line_of[k]);
		line_of[k] = kv->line;
		int rc = read_pack(doc, kv, k, pack[k]);
		if (rc)
			return rc;
	}
	return RAWCD_OK;
}

/* The packs must make CD-TEXT: blocks and sequence numbers in order, size information present. */
static int check_packs(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec,
		       uint8_t (*pack)[RAWCD_CDTEXT_PACK_SIZE], size_t count)
{
	struct rawcd_cdtext_packs packs = {.pack = pack, .count = count};
	struct rawcd_cdtext_block *blocks = NULL;
	size_t nblocks = 0;
	int rc = rawcd_cdtext_decode(&blocks, &nblocks, &packs);
	rawcd_cdtext_blocks_free(blocks, nblocks);
	if (rc == RAWCD_E_NOMEM)
		return rc;
	if (rc)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, sec->line, "[CDText]: its packs do not make "
				 "CD-TEXT (blocks or sequence numbers out of order, or no size information, 8Fh): fix "
				 "the entries or remove the section");
	return RAWCD_OK;
}

static int check_length(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *disc, size_t count)
{
	const struct rcd_ccd_kv *kv = NULL;
	long len;
	int rc = disc ? rcd_ccd_get(doc, disc, "CDTextLength", &kv) : RAWCD_OK;
	if (rc || !kv)
		return rc;
	rc = rcd_ccd_int(doc, kv, 0, RAWCD_CDTEXT_MAX_PACKS * RAWCD_CDTEXT_PACK_SIZE, &len);
	if (rc == RAWCD_OK && (size_t)len != count * RAWCD_CDTEXT_PACK_SIZE)
		rcd_warn(doc->diag, doc->path, kv->line, "CDTextLength=%ld, but [CDText] holds %zu packs (%zu bytes): "
			 "the packs are used", len, count, count * RAWCD_CDTEXT_PACK_SIZE);
	return rc;
}

int rcd_ccd_read_cdtext(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec,
			const struct rcd_ccd_section *disc, struct rawcd_disc *d)
{
	if (!sec)
		return check_length(doc, disc, 0);
	long count;
	int rc = rcd_ccd_key_int(doc, sec, "Entries", 0, RAWCD_CDTEXT_MAX_PACKS, false, 0, &count);
	if (rc || count == 0)
		return rc ? rc : check_length(doc, disc, 0);
	uint8_t (*pack)[RAWCD_CDTEXT_PACK_SIZE] = calloc((size_t)count, sizeof(*pack));
	unsigned *line_of = calloc((size_t)count, sizeof(*line_of));
	rc = pack && line_of ? read_entries(doc, sec, count, pack, line_of) : RAWCD_E_NOMEM;
	for (long k = 0; rc == RAWCD_OK && k < count; k++)
		if (!line_of[k]) {
			const struct rcd_ccd_kv *kv;
			rcd_ccd_get(doc, sec, "Entries", &kv);
			rc = rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "Entries=%ld but there is no "
				       "Entry %ld=: add it or correct Entries", count, k);
		}
	if (rc == RAWCD_OK)
		rc = check_packs(doc, sec, pack, (size_t)count);
	free(line_of);
	if (rc) {
		free(pack);
		return rc;
	}
	d->cdtext_pack = pack; /* freed with the disc */
	d->cdtext_pack_count = (size_t)count;
	return check_length(doc, disc, (size_t)count);
}
