/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The only user of libcue. After cue_parse.c has checked a sheet line by line, libcue parses a canonical
 * copy of it (upper-case keywords, no BOM, quoted strings, CDG as AUDIO and CDI as MODE2, no REM and no
 * CATALOG, which libcue 2.2.1 does not keep) and every value both readers know must agree: track count,
 * modes, flags, ISRC, index times, POSTGAP, CDTEXTFILE and the CD-TEXT items. libcue keeps global parser
 * state, so calls are serialised. A sheet it accepts in canonical form never reaches its stderr messages. */
#include "cue/cue_internal.h"

#include <libcue.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "util/diag.h"
#include "util/strbuf.h"

static pthread_mutex_t libcue_lock = PTHREAD_MUTEX_INITIALIZER;

static const enum Pti cdtext_pti[RAWCD_CDTEXT_ITEM_COUNT] = {
	PTI_TITLE, PTI_PERFORMER, PTI_SONGWRITER, PTI_COMPOSER, PTI_ARRANGER,
	PTI_MESSAGE, PTI_DISC_ID, PTI_GENRE, PTI_UPC_ISRC,
};

/* libcue's lexer ends a string at the next quote and reads a backslash as an escape; CDRWin sheets have no
 * escapes (rawcd keeps a backslash as it is), so a value holding either is left out of the copy. */
static bool quotable(const char *s)
{
	return s && !strpbrk(s, "\"\\");
}

static void put_cdtext(struct rcd_strbuf *sb, const struct rawcd_cdtext *ct)
{
	for (int i = 0; i < RAWCD_CDTEXT_ITEM_COUNT; i++)
		if (quotable(ct->item[i]))
			rcd_strbuf_printf(sb, "%s \"%s\"\n", rawcd_cdtext_keyword(i), ct->item[i]);
}

static const char *libcue_mode(enum rawcd_track_mode m)
{
	switch (m) {
	case RAWCD_MODE_AUDIO:
	case RAWCD_MODE_CDG: return "AUDIO";
	case RAWCD_MODE_MODE1_2048: return "MODE1/2048";
	case RAWCD_MODE_MODE1_2352: return "MODE1/2352";
	case RAWCD_MODE_MODE2_2336:
	case RAWCD_MODE_CDI_2336: return "MODE2/2336";
	default: return "MODE2/2352";
	}
}

static enum TrackMode expected_mode(enum rawcd_track_mode m)
{
	switch (m) {
	case RAWCD_MODE_AUDIO:
	case RAWCD_MODE_CDG: return MODE_AUDIO;
	case RAWCD_MODE_MODE1_2048: return MODE_MODE1;
	case RAWCD_MODE_MODE1_2352: return MODE_MODE1_RAW;
	case RAWCD_MODE_MODE2_2336:
	case RAWCD_MODE_CDI_2336: return MODE_MODE2;
	default: return MODE_MODE2_RAW;
	}
}

static void put_track(struct rcd_strbuf *sb, const struct rawcd_track *t, size_t *file)
{
	char msf[10];
	rcd_strbuf_printf(sb, "TRACK %02u %s\n", t->number, libcue_mode(t->mode));
	char flags[RAWCD_FLAGS_TEXT_SIZE];
	if (t->flags)
		rcd_strbuf_printf(sb, "FLAGS %s\n", rawcd_track_flags_text(t->flags, flags));
	if (t->isrc[0])
		rcd_strbuf_printf(sb, "ISRC %s\n", t->isrc);
	put_cdtext(sb, &t->cdtext);
	if (t->pregap)
		rcd_strbuf_printf(sb, "PREGAP %s\n", rawcd_msf_format(t->pregap, msf));
	for (size_t i = 0; i < t->index_count; i++) {
		const struct rawcd_index *x = &t->indexes[i];
		if (x->file != *file) {
			*file = x->file;
			rcd_strbuf_printf(sb, "FILE \"f%zu\" BINARY\n", x->file);
		}
		rcd_strbuf_printf(sb, "INDEX %02u %s\n", x->number, rawcd_msf_format(x->offset, msf));
	}
	if (t->postgap)
		rcd_strbuf_printf(sb, "POSTGAP %s\n", rawcd_msf_format(t->postgap, msf));
}

static char *canonical_text(const struct rawcd_disc *d)
{
	struct rcd_strbuf sb = {0};
	if (quotable(d->cdtextfile))
		rcd_strbuf_printf(&sb, "CDTEXTFILE \"%s\"\n", d->cdtextfile);
	put_cdtext(&sb, &d->cdtext);
	size_t file = (size_t)-1;
	for (size_t i = 0; i < d->track_count; i++) {
		if (i == 0 || d->tracks[i].indexes[0].file != file) {
			file = d->tracks[i].indexes[0].file;
			rcd_strbuf_printf(&sb, "FILE \"f%zu\" BINARY\n", file);
		}
		put_track(&sb, &d->tracks[i], &file);
	}
	return rcd_strbuf_finish(&sb);
}

static bool same_text(const char *ours, const char *theirs)
{
	if (!quotable(ours))
		return true;
	return theirs && strcmp(ours, theirs) == 0;
}

static bool cdtext_agrees(const struct rawcd_cdtext *ct, Cdtext *lc)
{
	for (int i = 0; i < RAWCD_CDTEXT_ITEM_COUNT; i++)
		if (ct->item[i] && !same_text(ct->item[i], cdtext_get(cdtext_pti[i], lc)))
			return false;
	return true;
}

static const char *track_disagreement(const struct rawcd_track *t, Track *lt)
{
	static const struct { unsigned ours; enum TrackFlag theirs; } flags[] = {
		{RAWCD_FLAG_DCP, FLAG_COPY_PERMITTED}, {RAWCD_FLAG_PRE, FLAG_PRE_EMPHASIS},
		{RAWCD_FLAG_4CH, FLAG_FOUR_CHANNEL},   {RAWCD_FLAG_SCMS, FLAG_SCMS},
	};
	if (track_get_mode(lt) != expected_mode(t->mode))
		return "mode";
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (!(t->flags & flags[i].ours) != !track_is_set_flag(lt, flags[i].theirs))
			return "FLAGS";
	const char *isrc = track_get_isrc(lt);
	if (t->isrc[0] ? !isrc || strcmp(isrc, t->isrc) != 0 : isrc && *isrc)
		return "ISRC";
	for (size_t i = 0; i < t->index_count; i++)
		if (track_get_index(lt, (int)t->indexes[i].number) != (long)t->indexes[i].offset)
			return "INDEX time";
	if (t->postgap && track_get_zero_post(lt) != (long)t->postgap)
		return "POSTGAP";
	if (!cdtext_agrees(&t->cdtext, track_get_cdtext(lt)))
		return "CD-TEXT";
	return NULL;
}

static int compare(const struct rawcd_disc *d, Cd *cd, rawcd_diag *diag)
{
	const char *sheet = d->sheet_path;
	if (cd_get_ntrack(cd) != (int)d->track_count)
		return rcd_error(diag, RAWCD_E_INTERNAL, sheet, 0,
				 "libcue found %d tracks where rawcd found %zu; please report this sheet",
				 cd_get_ntrack(cd), d->track_count);
	if (!same_text(d->cdtextfile, cd_get_cdtextfile(cd)) || !cdtext_agrees(&d->cdtext, cd_get_cdtext(cd)))
		return rcd_error(diag, RAWCD_E_INTERNAL, sheet, 0,
				 "libcue reads the disc's CD-TEXT differently; please report this sheet");
	for (size_t i = 0; i < d->track_count; i++) {
		const char *what = track_disagreement(&d->tracks[i], cd_get_track(cd, (int)i + 1));
		if (what)
			return rcd_error(diag, RAWCD_E_INTERNAL, sheet, d->tracks[i].line,
					 "libcue reads the %s of track %02u differently; please report this sheet",
					 what, d->tracks[i].number);
	}
	return RAWCD_OK;
}

int rcd_cue_libcue_merge(struct rawcd_disc *disc, rawcd_diag *diag)
{
	char *text = canonical_text(disc);
	if (!text)
		return RAWCD_E_NOMEM;
	pthread_mutex_lock(&libcue_lock);
	Cd *cd = cue_parse_string(text);
	int rc = cd ? compare(disc, cd, diag)
		    : rcd_error(diag, RAWCD_E_INTERNAL, disc->sheet_path, 0,
				"libcue rejected the sheet that rawcd accepted; please report this sheet");
	if (cd)
		cd_delete(cd);
	pthread_mutex_unlock(&libcue_lock);
	free(text);
	return rc;
}
