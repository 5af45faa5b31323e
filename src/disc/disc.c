/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The disc model: lifetime and the facts derived from a track's mode and flags. */
#include "rawcd/disc.h"

#include <stdlib.h>
#include <string.h>

static void cdtext_free(struct rawcd_cdtext *ct)
{
	for (int i = 0; i < RAWCD_CDTEXT_ITEM_COUNT; i++)
		free(ct->item[i]);
}

void rawcd_disc_free(struct rawcd_disc *disc)
{
	if (!disc)
		return;
	for (size_t i = 0; i < disc->file_count; i++) {
		free(disc->files[i].name);
		free(disc->files[i].path);
	}
	for (size_t i = 0; i < disc->track_count; i++) {
		free(disc->tracks[i].indexes);
		cdtext_free(&disc->tracks[i].cdtext);
	}
	for (size_t i = 0; i < disc->rem_count; i++)
		free(disc->rems[i].text);
	cdtext_free(&disc->cdtext);
	free(disc->files);
	free(disc->tracks);
	free(disc->sessions);
	free(disc->extents);
	free(disc->rems);
	free(disc->cdtextfile);
	free(disc->recorded_subcode.path);
	free(disc->cdtext_pack);
	free(disc->sheet_path);
	free(disc);
}

static const struct {
	const char *name;
	unsigned file_sector_size;
} mode_info[] = {
	[RAWCD_MODE_AUDIO] = {"AUDIO", 2352},
	[RAWCD_MODE_CDG] = {"CDG", 2448},
	[RAWCD_MODE_MODE1_2048] = {"MODE1/2048", 2048},
	[RAWCD_MODE_MODE1_2352] = {"MODE1/2352", 2352},
	[RAWCD_MODE_MODE2_2336] = {"MODE2/2336", 2336},
	[RAWCD_MODE_MODE2_2352] = {"MODE2/2352", 2352},
	[RAWCD_MODE_CDI_2336] = {"CDI/2336", 2336},
	[RAWCD_MODE_CDI_2352] = {"CDI/2352", 2352},
	[RAWCD_MODE_MODE0] = {"MODE0", 2336},
	[RAWCD_MODE_MODE2_FORMLESS] = {"MODE2", 2336},
	[RAWCD_MODE_MODE2_FORM1] = {"MODE2_FORM1", 2048},
	[RAWCD_MODE_MODE2_FORM2] = {"MODE2_FORM2", 2324},
};

unsigned rawcd_track_mode_file_sector_size(enum rawcd_track_mode mode)
{
	return (unsigned)mode <= RAWCD_MODE_MODE2_FORM2 ? mode_info[mode].file_sector_size : 0;
}

const char *rawcd_track_mode_name(enum rawcd_track_mode mode)
{
	return (unsigned)mode <= RAWCD_MODE_MODE2_FORM2 ? mode_info[mode].name : "?";
}

bool rawcd_track_mode_is_audio(enum rawcd_track_mode mode)
{
	return mode == RAWCD_MODE_AUDIO || mode == RAWCD_MODE_CDG;
}

const char *rawcd_cdtext_keyword(enum rawcd_cdtext_item item)
{
	static const char *const keywords[RAWCD_CDTEXT_ITEM_COUNT] = {
		"TITLE", "PERFORMER", "SONGWRITER", "COMPOSER", "ARRANGER", "MESSAGE", "DISC_ID", "GENRE", "UPC_EAN",
	};
	return (unsigned)item < RAWCD_CDTEXT_ITEM_COUNT ? keywords[item] : NULL;
}

/* In the order CDRWin's documentation lists them. */
static const unsigned flag_order[] = {RAWCD_FLAG_DCP, RAWCD_FLAG_4CH, RAWCD_FLAG_PRE, RAWCD_FLAG_SCMS};

const char *rawcd_track_flag_name(unsigned flag)
{
	switch (flag) {
	case RAWCD_FLAG_DCP: return "DCP";
	case RAWCD_FLAG_4CH: return "4CH";
	case RAWCD_FLAG_PRE: return "PRE";
	case RAWCD_FLAG_SCMS: return "SCMS";
	default: return NULL;
	}
}

char *rawcd_track_flags_text(unsigned flags, char buf[RAWCD_FLAGS_TEXT_SIZE])
{
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(flag_order) / sizeof(flag_order[0]); i++) {
		if (!(flags & flag_order[i]))
			continue;
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, rawcd_track_flag_name(flag_order[i]));
	}
	return buf;
}

const char *rawcd_file_type_name(enum rawcd_file_type type)
{
	static const char *const names[] = {"BINARY", "MOTOROLA", "WAVE", "AIFF", "MP3", "FLAC", "ZERO", "CALLBACK"};
	return (unsigned)type <= RAWCD_FILE_CALLBACK ? names[type] : "?";
}

uint8_t rawcd_track_control(const struct rawcd_track *track)
{
	/* IEC 60908 §17.5.1: for a data track bit 2 is set and only the copy bit (1) is meaningful;
	 * SCMS alternates the copy bit in the Q stream, so the TOC shows it clear. */
	uint8_t copy = (track->flags & RAWCD_FLAG_DCP) && !(track->flags & RAWCD_FLAG_SCMS) ? 0x02 : 0x00;
	if (!rawcd_track_mode_is_audio(track->mode))
		return (uint8_t)(0x04 | copy);
	return (uint8_t)(copy | (track->flags & (RAWCD_FLAG_PRE | RAWCD_FLAG_4CH)));
}

unsigned rawcd_disc_first_track(const struct rawcd_disc *disc)
{
	return disc && disc->track_count ? disc->tracks[0].number : 0;
}

unsigned rawcd_disc_last_track(const struct rawcd_disc *disc)
{
	return disc && disc->track_count ? disc->tracks[disc->track_count - 1].number : 0;
}

int32_t rawcd_disc_leadout_lba(const struct rawcd_disc *disc)
{
	return disc && disc->session_count ? disc->sessions[disc->session_count - 1].leadout_lba : 0;
}
