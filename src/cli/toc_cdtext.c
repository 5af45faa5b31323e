/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli/toc_cdtext.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Pack types 80h–8Fh (MMC-6 table J.2); NULL for the reserved ones. */
static const char *const type_names[16] = {
	"TITLE", "PERFORMER", "SONGWRITER", "COMPOSER", "ARRANGER", "MESSAGE", "DISC_ID", "GENRE",
	"TOC", "TOC2", NULL, NULL, NULL, "CLOSED", "UPC_ISRC", NULL,
};

/* JSON strings are UTF-8; ISO-8859-1 and ASCII blocks are converted (each byte is its code point). */
static json_object *text_json(const char *s, uint8_t charset)
{
	if (!s)
		return NULL;
	if (charset > 0x01)
		return json_object_new_string(s);
	size_t n = strlen(s);
	char *u = malloc(2 * n + 1), *o = u;
	if (!u)
		return NULL;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c < 0x80) {
			*o++ = (char)*c;
		} else {
			*o++ = (char)(0xC0 | *c >> 6);
			*o++ = (char)(0x80 | (*c & 0x3F));
		}
	}
	*o = '\0';
	json_object *j = json_object_new_string(u);
	free(u);
	return j;
}

static json_object *block_json(const struct rawcd_cdtext_block *b)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "block", json_object_new_int((int)b->block));
	json_object_object_add(o, "charset", json_object_new_int(b->charset));
	json_object_object_add(o, "language", json_object_new_int(b->language));
	json_object_object_add(o, "first_track", json_object_new_int((int)b->first_track));
	json_object_object_add(o, "last_track", json_object_new_int((int)b->last_track));
	json_object_object_add(o, "genre_code", json_object_new_int(b->genre_code));
	json_object *items = json_object_new_object();
	for (int t = 0; t < 16; t++) {
		if (!type_names[t] || !b->item[t][0])
			continue;
		/* [disc, track first .. last]; strings are bytes of the block's character set */
		json_object *a = json_object_new_array();
		json_object_array_add(a, text_json(b->item[t][0], b->charset));
		for (unsigned k = b->first_track; k && k <= b->last_track && k <= RAWCD_MAX_TRACKS; k++)
			json_object_array_add(a, text_json(b->item[t][k], b->charset));
		json_object_object_add(items, type_names[t], a);
	}
	json_object_object_add(o, "items", items);
	return o;
}

static void block_text(FILE *out, const struct rawcd_cdtext_block *b)
{
	fprintf(out, "Block %u: character code %02Xh, language %02Xh, tracks %02u-%02u\n", b->block, b->charset,
		b->language, b->first_track, b->last_track);
	for (int t = 0; t < 16; t++) {
		if (!type_names[t])
			continue;
		for (unsigned k = 0; k <= b->last_track && k <= RAWCD_MAX_TRACKS; k++) {
			if (!b->item[t][k] || (k && k < b->first_track))
				continue;
			if (k == 0)
				fprintf(out, "  %-10s disc      %s\n", type_names[t], b->item[t][k]);
			else
				fprintf(out, "  %-10s track %02u  %s\n", type_names[t], k, b->item[t][k]);
		}
	}
}

int toc_cdtext_print(FILE *out, const char *input, const struct rawcd_cdtext_packs *packs, bool json)
{
	struct rawcd_cdtext_block *blocks = NULL;
	size_t n = 0;
	int rc = packs->count ? rawcd_cdtext_decode(&blocks, &n, packs) : RAWCD_OK;
	if (rc) {
		fprintf(stderr, "rawcd: %s: the CD-TEXT packs do not decode (%s)\n", input, rawcd_strerror(rc));
		return rawcd_error_exit_status(rc);
	}
	if (json) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "packs", json_object_new_int((int)packs->count));
		json_object *a = json_object_new_array();
		for (size_t i = 0; i < n; i++)
			json_object_array_add(a, block_json(&blocks[i]));
		json_object_object_add(o, "blocks", a);
		fprintf(out, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED));
		json_object_put(o);
	} else {
		fprintf(out, "CD-TEXT: %zu packs in %zu block%s\n", packs->count, n, n == 1 ? "" : "s");
		for (size_t i = 0; i < n; i++)
			block_text(out, &blocks[i]);
	}
	rawcd_cdtext_blocks_free(blocks, n);
	return 0;
}
