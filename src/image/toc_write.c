/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cdrdao TOC file of a BIN image (cdrdao 1.2.4's grammar, cdrdao(1) "TOC FILES"): the disc type,
 * CATALOG, CD_TEXT with a LANGUAGE_MAP and every language block, and per track its mode as the BIN
 * stores it (AUDIO, MODE1_RAW, MODE2_RAW), COPY / PRE_EMPHASIS / FOUR_CHANNEL_AUDIO, ISRC, the bytes it
 * takes from the BIN (DATAFILE, or FILE ... SWAP for audio: cdrdao takes raw audio files as big-endian,
 * the BIN is little-endian), START where its INDEX 00 begins a pregap stored in the file, INDEX for 02+.
 *
 * Each track takes the sectors from its first one (its INDEX 00, else INDEX 01; LBA 0 for the first
 * track) to the first one of the next track (the lead-out for the last), so the tracks cover the BIN. */
#include <stdlib.h>
#include <string.h>

#include "image/split.h"
#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "rawcd/image.h"
#include "rawcd/msf.h"
#include "util/diag.h"
#include "util/strbuf.h"


static const char *toc_mode(enum rawcd_track_mode m)
{
	if (rawcd_track_mode_is_audio(m))
		return "AUDIO";
	return m == RAWCD_MODE_MODE1_2048 || m == RAWCD_MODE_MODE1_2352 ? "MODE1_RAW" : "MODE2_RAW";
}

/* CD_I and CD_ROM_XA from the session's disc type (A0 PSEC) or a Mode 2 track; else CD_ROM with a data
 * track, CD_DA without. */
static const char *disc_kind(const struct rawcd_disc *d)
{
	bool data = false, mode2 = false;
	for (size_t i = 0; i < d->track_count; i++) {
		data |= !rawcd_track_mode_is_audio(d->tracks[i].mode);
		mode2 |= strcmp(toc_mode(d->tracks[i].mode), "MODE2_RAW") == 0;
	}
	uint8_t type = d->session_count ? d->sessions[0].disc_type : 0;
	if (type == 0x10)
		return "CD_I";
	if (type == 0x20 || mode2)
		return "CD_ROM_XA";
	return data ? "CD_ROM" : "CD_DA";
}

/* A TOC string: '"' and '\' escaped, bytes outside printable ASCII as octal escapes (cdrdao's lexer
 * reads \ooo), so Latin-1 text survives as the same bytes. */
static void put_string(struct rcd_strbuf *sb, const char *s)
{
	rcd_strbuf_puts(sb, "\"");
	for (const unsigned char *c = (const unsigned char *)s; s && *c; c++) {
		if (*c == '"' || *c == '\\')
			rcd_strbuf_printf(sb, "\\%c", *c);
		else if (*c < 0x20 || *c >= 0x7F)
			rcd_strbuf_printf(sb, "\\%03o", *c);
		else
			rcd_strbuf_append(sb, (const char *)c, 1);
	}
	rcd_strbuf_puts(sb, "\"");
}

/* The CD-TEXT items a TOC file can hold as strings: pack type and keyword (disc, track). */
static const struct {
	uint8_t type;
	const char *disc, *track;
} text_items[] = {
	{0x80, "TITLE", "TITLE"},         {0x81, "PERFORMER", "PERFORMER"}, {0x82, "SONGWRITER", "SONGWRITER"},
	{0x83, "COMPOSER", "COMPOSER"},   {0x84, "ARRANGER", "ARRANGER"},   {0x85, "MESSAGE", "MESSAGE"},
	{0x86, "DISC_ID", NULL},          {0x8E, "UPC_EAN", "ISRC"},
};
#define TEXT_ITEM_COUNT (sizeof(text_items) / sizeof(text_items[0]))

struct cdtext_out {
	struct rawcd_cdtext_block *blocks;
	size_t count;
	size_t keep[8];             /* the blocks written, as languages 0, 1, ...: all but double-byte ones */
	size_t kept;
	bool used[TEXT_ITEM_COUNT]; /* in some block, for the disc or a track */
};

/* cdrdao requires an item defined once to be defined for the disc and every track in every language
 * (cdrdao(1), CD-TEXT Blocks): an item in use is written everywhere, as "" where the packs have none. */
static void find_used(struct cdtext_out *ct, unsigned last_track)
{
	for (size_t k = 0; k < TEXT_ITEM_COUNT; k++)
		for (size_t b = 0; b < ct->kept; b++)
			for (unsigned t = 0; t <= last_track && t <= RAWCD_MAX_TRACKS; t++)
				ct->used[k] |= ct->blocks[ct->keep[b]].item[text_items[k].type - 0x80][t] != NULL;
	ct->used[TEXT_ITEM_COUNT - 1] |= ct->used[6]; /* DISC_ID wants an ISRC for every track */
}

static void put_language(struct rcd_strbuf *sb, const struct cdtext_out *ct, size_t b, unsigned track)
{
	const struct rawcd_cdtext_block *blk = &ct->blocks[ct->keep[b]];
	rcd_strbuf_printf(sb, "  LANGUAGE %zu {\n", b);
	for (size_t k = 0; k < TEXT_ITEM_COUNT; k++) {
		const char *key = track ? text_items[k].track : text_items[k].disc;
		if (!ct->used[k] || !key)
			continue;
		rcd_strbuf_printf(sb, "    %s ", key);
		put_string(sb, blk->item[text_items[k].type - 0x80][track]);
		rcd_strbuf_puts(sb, "\n");
	}
	rcd_strbuf_puts(sb, "  }\n");
}

/* The disc's CD-TEXT (rawcd_cdtext_for_disc(): kept packs, CDTEXTFILE or the CUE keywords), decoded
 * block by block; double-byte blocks are left out (a warning): their strings are not decoded. */
static int load_cdtext(struct cdtext_out *ct, const struct rawcd_disc *d, rawcd_diag *diag)
{
	struct rawcd_cdtext_packs packs = {0};
	int rc = rawcd_cdtext_for_disc(&packs, d, diag);
	if (rc == RAWCD_OK && packs.count)
		rc = rawcd_cdtext_decode(&ct->blocks, &ct->count, &packs);
	rawcd_cdtext_packs_finish(&packs);
	if (rc == RAWCD_E_FORMAT)
		return rcd_error(diag, RAWCD_E_INPUT, d->sheet_path, 0, "its CD-TEXT packs do not decode (bad CRC, "
				 "sequence or size information): fix or remove them to write a TOC file");
	for (size_t b = 0; rc == RAWCD_OK && b < ct->count && ct->kept < 8; b++) {
		if (ct->blocks[b].charset == 0x80)
			rcd_warn(diag, d->sheet_path, 0, "CD-TEXT block %u is double-byte text (MS-JIS), which rawcd "
				 "does not decode: the TOC file leaves it out", ct->blocks[b].block);
		else
			ct->keep[ct->kept++] = b;
	}
	if (rc == RAWCD_OK)
		find_used(ct, rawcd_disc_last_track(d));
	return rc;
}

static void put_disc_cdtext(struct rcd_strbuf *sb, const struct cdtext_out *ct)
{
	if (!ct->kept)
		return;
	/* The map on one line: libcdio's TOC reader skips the rest of a LANGUAGE_MAP line only. */
	rcd_strbuf_puts(sb, "CD_TEXT {\n  LANGUAGE_MAP {");
	for (size_t b = 0; b < ct->kept; b++)
		rcd_strbuf_printf(sb, " %zu : %u", b, ct->blocks[ct->keep[b]].language);
	rcd_strbuf_puts(sb, " }\n");
	for (size_t b = 0; b < ct->kept; b++)
		put_language(sb, ct, b, 0);
	rcd_strbuf_puts(sb, "}\n");
}

static void put_track_cdtext(struct rcd_strbuf *sb, const struct cdtext_out *ct, unsigned track)
{
	if (!ct->kept)
		return;
	rcd_strbuf_puts(sb, "CD_TEXT {\n");
	for (size_t b = 0; b < ct->kept; b++)
		put_language(sb, ct, b, track);
	rcd_strbuf_puts(sb, "}\n");
}

static void put_flags(struct rcd_strbuf *sb, const struct rawcd_track *t)
{
	rcd_strbuf_puts(sb, t->flags & RAWCD_FLAG_DCP ? "COPY\n" : "NO COPY\n");
	if (!rawcd_track_mode_is_audio(t->mode))
		return;
	rcd_strbuf_puts(sb, t->flags & RAWCD_FLAG_PRE ? "PRE_EMPHASIS\n" : "NO PRE_EMPHASIS\n");
	rcd_strbuf_puts(sb, t->flags & RAWCD_FLAG_4CH ? "FOUR_CHANNEL_AUDIO\n" : "TWO_CHANNEL_AUDIO\n");
	if (t->isrc[0])
		rcd_strbuf_printf(sb, "ISRC \"%s\"\n", t->isrc);
}

/* The data statement, START and INDEX lines of track @p i, read from @p file at byte @p offset. */
static void put_data(struct rcd_strbuf *sb, const struct rawcd_disc *d, size_t i, const char *file,
		     uint64_t offset)
{
	const struct rawcd_track *t = &d->tracks[i];
	int32_t first = rcd_split_first_lba(d, i);
	char msf[10];
	rawcd_msf_format((uint32_t)(rcd_split_end_lba(d, i) - first), msf);
	if (rawcd_track_mode_is_audio(t->mode))
		rcd_strbuf_printf(sb, "FILE \"%s\" SWAP #%llu 0 %s\n", file, (unsigned long long)offset, msf);
	else
		rcd_strbuf_printf(sb, "DATAFILE \"%s\" #%llu %s\n", file, (unsigned long long)offset, msf);
	if (t->start_lba > first)
		rcd_strbuf_printf(sb, "START %s\n", rawcd_msf_format((uint32_t)(t->start_lba - first), msf));
	for (size_t k = 0; k < t->index_count; k++)
		if (t->indexes[k].number >= 2)
			rcd_strbuf_printf(sb, "INDEX %s\n",
					  rawcd_msf_format((uint32_t)(t->indexes[k].lba - t->start_lba), msf));
}

static void warn_lost(const struct rawcd_disc *d, const struct rawcd_track *t, rawcd_diag *diag)
{
	if (t->isrc[0] && !rawcd_track_mode_is_audio(t->mode))
		rcd_warn(diag, d->sheet_path, t->line, "track %02u: a TOC file gives an ISRC to audio tracks only: "
			 "the data track's ISRC is left out", t->number);
	if (t->flags & RAWCD_FLAG_SCMS)
		rcd_warn(diag, d->sheet_path, t->line, "track %02u: a TOC file has no SCMS flag: written as NO COPY",
			 t->number);
	if (t->mode == RAWCD_MODE_CDG)
		rcd_warn(diag, d->sheet_path, t->line, "track %02u is CD+G: the BIN keeps its 2352 audio bytes, "
			 "not its R–W subcode (use clonecd or raw96)", t->number);
}

int rawcd_image_toc_text(char **out, const struct rawcd_disc *disc, const char *const *file_names, size_t file_count,
			 rawcd_diag *diag)
{
	if (!out || !disc || !disc->laid_out || !file_names || (file_count != 1 && file_count != disc->track_count))
		return RAWCD_E_ARG;
	for (size_t i = 0; i < file_count; i++)
		if (!file_names[i] || strchr(file_names[i], '"') || strchr(file_names[i], '\\'))
			return RAWCD_E_ARG;
	if (disc->session_count > 1)
		return rcd_error(diag, RAWCD_E_UNSUPPORTED, disc->sheet_path, 0, "a cdrdao TOC file holds one "
				 "session and this disc has %zu: use --format clonecd, raw96, packed96 or pq16",
				 disc->session_count);
	if (rawcd_disc_first_track(disc) != 1)
		return rcd_error(diag, RAWCD_E_UNSUPPORTED, disc->sheet_path, 0, "the disc starts at track %02u and "
				 "a cdrdao TOC file numbers its tracks from 01: use --format bin", rawcd_disc_first_track(disc));
	struct cdtext_out ct = {0};
	int rc = load_cdtext(&ct, disc, diag);
	if (rc != RAWCD_OK)
		return rc;
	struct rcd_strbuf sb = {0};
	rcd_strbuf_printf(&sb, "// cdrdao TOC file written by rawcd\n%s\n", disc_kind(disc));
	if (disc->mcn[0])
		rcd_strbuf_printf(&sb, "CATALOG \"%s\"\n", disc->mcn);
	put_disc_cdtext(&sb, &ct);
	for (size_t i = 0; i < disc->track_count; i++) {
		const struct rawcd_track *t = &disc->tracks[i];
		warn_lost(disc, t, diag);
		rcd_strbuf_printf(&sb, "\n// Track %u\nTRACK %s\n", t->number, toc_mode(t->mode));
		put_flags(&sb, t);
		put_track_cdtext(&sb, &ct, t->number);
		bool one = file_count == 1;
		put_data(&sb, disc, i, file_names[one ? 0 : i],
			 one ? (uint64_t)rcd_split_first_lba(disc, i) * RAWCD_SECTOR_SIZE : 0);
	}
	rawcd_cdtext_blocks_free(ct.blocks, ct.count);
	*out = rcd_strbuf_finish(&sb);
	return *out ? RAWCD_OK : RAWCD_E_NOMEM;
}
