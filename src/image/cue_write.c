/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The CUE sheet of a BIN image: one FILE, every track in its 2352-byte mode, every index at its sector in
 * the BIN (generated pregaps are stored, so they become INDEX 00), and what the input sheet said besides.
 *
 * A multisession disc is written as Redump stores enhanced CDs (DiscImageCreator's cue writer, which
 * redumper and MPF follow): REM SESSION 01 before the first track, and before the first track of each
 * later session REM LEAD-OUT (the previous session's lead-out length, 01:30:00 on a CD-Extra), REM
 * SESSION nn, REM LEAD-IN (01:00:00) and REM PREGAP (the part of the 2-second pregap that is not stored,
 * 00:02:00 when none is). Those sectors are not readable and are not in the BIN: the session's sectors
 * follow the previous session's, and the REM lines put them back at their LBAs (RAWCD_SESSION_GAP). */
#include <string.h>
#include <strings.h>

#include "image/session_map.h"
#include "image/split.h"
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

/* The input's REM SESSION, LEAD-IN, LEAD-OUT and PREGAP lines describe its files; the sheet writes its
 * own from the disc model (put_session_gap()). */
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

/* @p origin: the LBA of the first sector of the FILE the index is in. An index counts sectors of the
 * file, so on a multisession disc (sessions stored back to back) the gap between sessions is not in it. */
static void put_index(struct rcd_strbuf *sb, const struct rawcd_disc *d, unsigned number, int32_t lba,
		      int32_t origin)
{
	char msf[10];
	uint32_t at = rcd_image_position(d, lba) - rcd_image_position(d, origin);
	rcd_strbuf_printf(sb, "    INDEX %02u %s\n", number, rawcd_msf_format(at, msf));
}

/* Before the first track of session index @p s > 0: where the unstored sectors between it and the
 * previous session go (the lengths as rawcd_disc_layout() reads them back). */
static void put_session_gap(struct rcd_strbuf *sb, const struct rawcd_disc *d, size_t s)
{
	const struct rawcd_session *prev = &d->sessions[s - 1], *ses = &d->sessions[s];
	char a[10], b[10], c[10];
	int64_t gap = (int64_t)rcd_session_first_stored(d, s) - prev->leadout_lba;
	int64_t pregap = gap - prev->leadout_length - ses->leadin_length;
	rcd_strbuf_printf(sb, "REM LEAD-OUT %s\nREM SESSION %02u\nREM LEAD-IN %s\n",
			  rawcd_msf_format(prev->leadout_length, a), ses->number, rawcd_msf_format(ses->leadin_length, b));
	if (pregap > 0)
		rcd_strbuf_printf(sb, "REM PREGAP %s\n", rawcd_msf_format((uint32_t)pregap, c));
}

static void put_track(struct rcd_strbuf *sb, const struct rawcd_disc *d, size_t i, int32_t origin)
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
		put_index(sb, d, 0, t->pregap_lba, origin);
	for (size_t j = 0; j < t->index_count; j++)
		if (t->indexes[j].number > 0)
			put_index(sb, d, t->indexes[j].number, t->indexes[j].lba, origin);
}

/* One FILE for the whole disc (@p count 1), or one a track, track i's starting at
 * rcd_split_first_lba() (--split). */
static int cue_text(char **out, const struct rawcd_disc *disc, const char *const *names, size_t count)
{
	if (!out || !disc || !disc->laid_out || !names || (count != 1 && count != disc->track_count))
		return RAWCD_E_ARG;
	for (size_t i = 0; i < count; i++)
		if (!names[i] || strchr(names[i], '"'))
			return RAWCD_E_ARG;
	struct rcd_strbuf sb = {0};
	put_rems(&sb, disc, -1, "");
	if (disc->mcn[0])
		rcd_strbuf_printf(&sb, "CATALOG %s\n", disc->mcn);
	if (disc->cdtextfile)
		put_text(&sb, "", "CDTEXTFILE", disc->cdtextfile);
	put_cdtext(&sb, "", &disc->cdtext);
	if (disc->session_count > 1)
		rcd_strbuf_printf(&sb, "REM SESSION %02u\n", disc->sessions[0].number);
	for (size_t i = 0, s = 0; i < disc->track_count; i++) {
		int32_t origin = count == 1 ? 0 : rcd_split_first_lba(disc, i);
		if (s + 1 < disc->session_count && disc->sessions[s + 1].first_track == i)
			put_session_gap(&sb, disc, ++s);
		if (i == 0 || count > 1)
			rcd_strbuf_printf(&sb, "FILE \"%s\" BINARY\n", names[count == 1 ? 0 : i]);
		put_track(&sb, disc, i, origin);
	}
	*out = rcd_strbuf_finish(&sb);
	return *out ? RAWCD_OK : RAWCD_E_NOMEM;
}

int rawcd_image_bin_cue_text(char **out, const struct rawcd_disc *disc, const char *bin_name)
{
	return cue_text(out, disc, &bin_name, 1);
}

int rawcd_image_split_cue_text(char **out, const struct rawcd_disc *disc, const char *const *file_names)
{
	return cue_text(out, disc, file_names, disc ? disc->track_count : 0);
}
