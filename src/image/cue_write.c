/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The CUE sheet of a BIN image: one FILE, every track in its 2352-byte mode, every index at its LBA
 * (generated pregaps are stored, so they become INDEX 00), and what the input sheet said besides. */
#include <string.h>
#include <strings.h>

#include "rawcd/error.h"
#include "rawcd/image.h"
#include "rawcd/msf.h"
#include "util/strbuf.h"

/* The mode of a track once its sectors are 2352 bytes. */
static const char *raw_mode(enum rawcd_track_mode m)
{
	switch (m) {
	case RAWCD_MODE_AUDIO:
	case RAWCD_MODE_CDG: return "AUDIO";
	case RAWCD_MODE_MODE1_2048:
	case RAWCD_MODE_MODE1_2352: return "MODE1/2352";
	case RAWCD_MODE_MODE2_2336:
	case RAWCD_MODE_MODE2_2352:
	case RAWCD_MODE_MODE0: /* a TOC's Mode 0 sectors: raw, with the layout of Mode 2 */
	case RAWCD_MODE_MODE2_FORMLESS:
	case RAWCD_MODE_MODE2_FORM1:
	case RAWCD_MODE_MODE2_FORM2: return "MODE2/2352";
	default: return "CDI/2352";
	}
}

/* A CUE string cannot hold a double quote; the sheet's own text never did (it ends the string). */
static void put_text(struct rcd_strbuf *sb, const char *indent, const char *keyword, const char *text)
{
	rcd_strbuf_printf(sb, "%s%s \"", indent, keyword);
	for (const char *c = text; *c; c++)
		rcd_strbuf_append(sb, *c == '"' ? "'" : c, 1);
	rcd_strbuf_puts(sb, "\"\n");
}

static void put_cdtext(struct rcd_strbuf *sb, const char *indent, const struct rawcd_cdtext *ct)
{
	for (int i = 0; i < RAWCD_CDTEXT_ITEM_COUNT; i++)
		if (ct->item[i])
			put_text(sb, indent, rawcd_cdtext_keyword(i), ct->item[i]);
}

/* REM SESSION, LEAD-IN and LEAD-OUT describe the input's layout, not the single BIN's. */
static bool layout_rem(const char *text)
{
	static const char *const keys[] = {"SESSION", "LEAD-IN", "LEAD-OUT", "PREGAP"};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		size_t n = strlen(keys[i]);
		if (strncasecmp(text, keys[i], n) == 0 && (text[n] == ' ' || text[n] == '\t' || text[n] == '\0'))
			return true;
	}
	return false;
}

static void put_rems(struct rcd_strbuf *sb, const struct rawcd_disc *d, int track, const char *indent)
{
	for (size_t i = 0; i < d->rem_count; i++)
		if (d->rems[i].track == track && !layout_rem(d->rems[i].text))
			rcd_strbuf_printf(sb, "%sREM %s\n", indent, d->rems[i].text);
}

static void put_index(struct rcd_strbuf *sb, unsigned number, int32_t lba)
{
	char msf[10];
	rcd_strbuf_printf(sb, "    INDEX %02u %s\n", number, rawcd_msf_format((uint32_t)lba, msf));
}

static void put_track(struct rcd_strbuf *sb, const struct rawcd_disc *d, size_t i)
{
	const struct rawcd_track *t = &d->tracks[i];
	rcd_strbuf_printf(sb, "  TRACK %02u %s\n", t->number, raw_mode(t->mode));
	char flags[RAWCD_FLAGS_TEXT_SIZE];
	if (t->flags)
		rcd_strbuf_printf(sb, "    FLAGS %s\n", rawcd_track_flags_text(t->flags, flags));
	if (t->isrc[0])
		rcd_strbuf_printf(sb, "    ISRC %s\n", t->isrc);
	put_cdtext(sb, "    ", &t->cdtext);
	put_rems(sb, d, (int)i, "    ");
	if (t->pregap_lba < t->start_lba)
		put_index(sb, 0, t->pregap_lba);
	for (size_t j = 0; j < t->index_count; j++)
		if (t->indexes[j].number > 0)
			put_index(sb, t->indexes[j].number, t->indexes[j].lba);
}

int rawcd_image_bin_cue_text(char **out, const struct rawcd_disc *disc, const char *bin_name)
{
	if (!out || !disc || !disc->laid_out || !bin_name || strchr(bin_name, '"'))
		return RAWCD_E_ARG;
	struct rcd_strbuf sb = {0};
	put_rems(&sb, disc, -1, "");
	if (disc->mcn[0])
		rcd_strbuf_printf(&sb, "CATALOG %s\n", disc->mcn);
	if (disc->cdtextfile)
		put_text(&sb, "", "CDTEXTFILE", disc->cdtextfile);
	put_cdtext(&sb, "", &disc->cdtext);
	rcd_strbuf_printf(&sb, "FILE \"%s\" BINARY\n", bin_name);
	for (size_t i = 0; i < disc->track_count; i++)
		put_track(&sb, disc, i);
	*out = rcd_strbuf_finish(&sb);
	return *out ? RAWCD_OK : RAWCD_E_NOMEM;
}
