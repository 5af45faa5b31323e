/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IRawCDImageTrackInfo (creator.h; research/imapi.md §3): a track's ISRC, DigitalAudioCopySetting,
 * AudioHasPreemphasis and TrackIndexes, kept in the disc model as a CUE sheet's ISRC, FLAGS and INDEX
 * lines are; and the CD-TEXT items, as its TITLE, PERFORMER, ... lines are.
 */
#include "api/creator_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "disc/isrc.h"
#include "util/diag.h"

/* The INDEX 01 entry of a track: the first, or the second after a special pregap's INDEX 00. */
static size_t first_index(const struct rawcd_track *t)
{
	return t->index_count && t->indexes[0].number == 0 ? 1 : 0;
}

int rawcd_creator_track_info(rawcd_creator *c, unsigned pos, struct rawcd_track_info *out)
{
	const struct rawcd_track *t = rcd_creator_track(c, pos, out ? "TrackInfo" : NULL);
	if (!t || !out)
		return RAWCD_E_ARG;
	if (!c->disc->laid_out) /* a loaded sheet whose files were not measured */
		return rcd_error(c->diag, RAWCD_E_STATE, c->disc->sheet_path, 0, "TrackInfo: the disc is not laid "
				 "out (its files were not read): load it with rawcd_creator_load()");
	struct rawcd_track_info in = {.starting_lba = t->start_lba, .sector_count = (uint32_t)(t->end_lba - t->start_lba),
				      .track_number = t->number, .sector_type = t->mode,
				      .audio_has_preemphasis = (t->flags & RAWCD_FLAG_PRE) != 0};
	memcpy(in.isrc, t->isrc, sizeof(t->isrc));
	in.digital_audio_copy_setting = t->flags & RAWCD_FLAG_SCMS ? RAWCD_COPY_SCMS
		: t->flags & RAWCD_FLAG_DCP ? RAWCD_COPY_PERMITTED : RAWCD_COPY_PROHIBITED;
	/* from the laid-out LBAs: a loaded track's indexes may lie in more than one file */
	for (size_t i = first_index(t); i < t->index_count && in.index_count < RAWCD_MAX_INDEX; i++)
		in.track_indexes[in.index_count++] = (uint32_t)(t->indexes[i].lba - t->start_lba);
	*out = in;
	return RAWCD_OK;
}

/* Offsets in ascending order from 0, each index >= 10 sectors long (the last up to the track's end),
 * at most 99. */
static int check_indexes(rawcd_creator *c, unsigned pos, const uint32_t *off, size_t n, uint32_t length)
{
	if (n == 0 || off[0] != 0)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "TrackIndexes of the track at position "
				 "%u: the first offset must be 0 (INDEX 01) (E_INVALIDARG)", pos);
	if (n > RAWCD_MAX_INDEX)
		return rcd_error(c->diag, RAWCD_E_LAYOUT, RCD_CREATOR_NAME, 0, "TrackIndexes of the track at "
				 "position %u: %zu indexes, at most 99 (E_IMAPI_RAW_IMAGE_TOO_MANY_TRACK_INDEXES)", pos, n);
	for (size_t i = 0; i < n; i++) {
		uint64_t end = i + 1 < n ? off[i + 1] : length;
		if (i + 1 < n && off[i + 1] <= off[i])
			return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "TrackIndexes of the track at "
					 "position %u: offsets must ascend (%u after %u) (E_INVALIDARG)", pos,
					 off[i + 1], off[i]);
		if (end < (uint64_t)off[i] + RAWCD_CREATOR_MIN_INDEX_GAP)
			return rcd_error(c->diag, RAWCD_E_LAYOUT, RCD_CREATOR_NAME, 0, "TrackIndexes of the track at "
					 "position %u: index %02zu at offset %u is %llu sectors long, under 10 "
					 "(E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX)", pos, i + 1, off[i],
					 (unsigned long long)(end - off[i]));
	}
	return RAWCD_OK;
}

static void store_indexes(struct rawcd_track *t, const uint32_t *off, size_t n)
{
	size_t first = first_index(t);
	struct rawcd_index one = t->indexes[first];
	for (size_t i = 0; i < n; i++)
		t->indexes[first + i] = (struct rawcd_index){.number = (unsigned)i + 1, .file = one.file,
							     .offset = one.offset + off[i]};
	t->index_count = first + n;
}

static unsigned flags_of(const struct rawcd_track_info *in)
{
	unsigned f = in->audio_has_preemphasis ? RAWCD_FLAG_PRE : 0;
	if (in->digital_audio_copy_setting == RAWCD_COPY_PERMITTED)
		f |= RAWCD_FLAG_DCP;
	else if (in->digital_audio_copy_setting == RAWCD_COPY_SCMS)
		f |= RAWCD_FLAG_SCMS;
	return f;
}

static int check_audio_items(rawcd_creator *c, unsigned pos, const struct rawcd_track *t,
			     const struct rawcd_track_info *in, char isrc[RAWCD_ISRC_SIZE])
{
	if ((unsigned)in->digital_audio_copy_setting > RAWCD_COPY_SCMS)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "DigitalAudioCopySetting %d of the "
				 "track at position %u: give PERMITTED, PROHIBITED or SCMS (E_INVALIDARG)",
				 (int)in->digital_audio_copy_setting, pos);
	isrc[0] = '\0';
	if (in->isrc[0] && !rcd_isrc_parse(in->isrc, RAWCD_TRACK_INFO_ISRC_SIZE, isrc))
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "ISRC \"%.15s\" of the track at "
				 "position %u: give 2 letters, 3 letters or digits, 2 digits and 5 digits "
				 "(CCXXXYYNNNNN, hyphens allowed) (E_INVALIDARG)", in->isrc, pos);
	bool audio_only = isrc[0] || in->audio_has_preemphasis || in->digital_audio_copy_setting != RAWCD_COPY_PROHIBITED;
	if (audio_only && !rawcd_track_mode_is_audio(t->mode))
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "the track at position %u is a data "
				 "track: ISRC, DigitalAudioCopySetting and AudioHasPreemphasis are for audio tracks "
				 "(E_INVALIDARG)", pos);
	return RAWCD_OK;
}

int rawcd_creator_set_track_info(rawcd_creator *c, unsigned pos, const struct rawcd_track_info *in)
{
	if (!c || !in)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "TrackInfo");
	if (rc)
		return rc;
	struct rawcd_track *t = rcd_creator_track(c, pos, "TrackInfo");
	if (!t)
		return RAWCD_E_ARG;
	char isrc[RAWCD_ISRC_SIZE];
	rc = check_audio_items(c, pos, t, in, isrc);
	if (rc == RAWCD_OK)
		rc = check_indexes(c, pos, in->track_indexes, in->index_count, (uint32_t)(t->end_lba - t->start_lba));
	if (rc)
		return rc;
	memcpy(t->isrc, isrc, sizeof(isrc));
	t->flags = (t->flags & RAWCD_FLAG_4CH) | flags_of(in);
	store_indexes(t, in->track_indexes, in->index_count);
	return rcd_creator_layout(c);
}

int rawcd_creator_add_track_index(rawcd_creator *c, unsigned pos, uint32_t offset)
{
	struct rawcd_track_info info;
	int rc = c ? rcd_creator_writable(c, "AddTrackIndex") : RAWCD_E_ARG;
	if (rc == RAWCD_OK)
		rc = rawcd_creator_track_info(c, pos, &info);
	if (rc)
		return rc;
	if (offset >= info.sector_count)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "AddTrackIndex %u: the track at "
				 "position %u has %u sectors (E_INVALIDARG)", offset, pos, info.sector_count);
	size_t i = 0;
	while (i < info.index_count && info.track_indexes[i] < offset)
		i++;
	if (i < info.index_count && info.track_indexes[i] == offset)
		return RAWCD_OK; /* S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS */
	if (info.index_count == RAWCD_MAX_INDEX)
		return rcd_error(c->diag, RAWCD_E_LAYOUT, RCD_CREATOR_NAME, 0, "AddTrackIndex %u: the track at "
				 "position %u has 99 indexes already (E_IMAPI_RAW_IMAGE_TOO_MANY_TRACK_INDEXES)", offset, pos);
	memmove(&info.track_indexes[i + 1], &info.track_indexes[i], (info.index_count - i) * sizeof(uint32_t));
	info.track_indexes[i] = offset;
	info.index_count++;
	return rawcd_creator_set_track_info(c, pos, &info);
}

int rawcd_creator_clear_track_index(rawcd_creator *c, unsigned pos, uint32_t offset)
{
	struct rawcd_track_info info;
	int rc = c ? rcd_creator_writable(c, "ClearTrackIndex") : RAWCD_E_ARG;
	if (rc == RAWCD_OK)
		rc = rawcd_creator_track_info(c, pos, &info);
	if (rc)
		return rc;
	if (offset == 0)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "ClearTrackIndex 0: INDEX 01 stays "
				 "(E_IMAPI_RAW_IMAGE_TRACK_INDEX_OFFSET_ZERO_CANNOT_BE_CLEARED)");
	size_t i = 0;
	while (i < info.index_count && info.track_indexes[i] != offset)
		i++;
	if (i == info.index_count)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "ClearTrackIndex %u: the track at "
				 "position %u has no index there (E_IMAPI_RAW_IMAGE_TRACK_INDEX_NOT_FOUND)", offset, pos);
	memmove(&info.track_indexes[i], &info.track_indexes[i + 1], (info.index_count - i - 1) * sizeof(uint32_t));
	info.index_count--;
	return rawcd_creator_set_track_info(c, pos, &info);
}

int rawcd_creator_set_cdtext(rawcd_creator *c, unsigned pos, enum rawcd_cdtext_item item, const char *text)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "CD-TEXT");
	if (rc)
		return rc;
	struct rawcd_cdtext *ct = &c->disc->cdtext;
	if (pos) {
		struct rawcd_track *t = rcd_creator_track(c, pos, "CD-TEXT");
		if (!t)
			return RAWCD_E_ARG;
		ct = &t->cdtext;
	}
	if ((unsigned)item >= RAWCD_CDTEXT_UPC_ISRC)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "CD-TEXT item %d: give TITLE to GENRE; "
				 "the UPC and the ISRCs come from the MCN and the tracks' ISRC (E_INVALIDARG)", (int)item);
	char *copy = text && text[0] ? strdup(text) : NULL;
	if (text && text[0] && !copy)
		return RAWCD_E_NOMEM;
	free(ct->item[item]);
	ct->item[item] = copy;
	return RAWCD_OK;
}
