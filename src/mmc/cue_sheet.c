/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cue sheet of session-at-once writing (MMC-6 §6.40 SEND CUE SHEET and its cue sheet format;
 * research/burn.md §1.5): built from a laid-out disc model, one 8-byte entry per MCN half, ISRC half,
 * track index, the lead-in and the lead-out. The order and the fields follow what cdrdao's GenericMMC and
 * libburn send to real drives; the data forms are the 2352-byte ones so that the blocks the host writes
 * are the sector stream's, unscrambled (the drive scrambles in SAO).
 *
 * This file reads the disc model (disc.h) and takes CONTROL from rawcd_track_control(), the rule the
 * TOC uses, so that the drive's Q and the expected TOC cannot disagree.
 */
#include "rawcd/mmc.h"

#include <string.h>

#include "rawcd/disc.h"
#include "rawcd/error.h"

#define ADR_POSITION 1
#define ADR_MCN 2
#define ADR_ISRC 3
#define SCMS_ALTERNATE 0x80   /* byte 4 bit 7: the drive alternates the copy bit (FLAGS SCMS) */
#define MSF_OFFSET 150        /* LBA 0 = 00:02:00 */
#define FRAMES_PER_MINUTE 4500
#define FRAMES_PER_SECOND 75
#define MCN_DIGITS 13
#define ISRC_CHARS 12
#define HALF 6                /* ISRC characters per entry */
#define MCN_FIRST 7           /* MCN digits in the first entry */

int rawcd_mmc_data_form_size(unsigned data_form)
{
	/* MMC-6 §6.40, cue sheet Data Form: main data by bits 5-0 (-1: reserved), sub-channel by bits 7-6. */
	static const struct {
		uint8_t form;
		uint16_t bytes;
	} main_forms[] = {
		{RAWCD_MMC_FORM_CDDA, 2352},  {RAWCD_MMC_FORM_CDDA_GENERATED, 0},  {RAWCD_MMC_FORM_MODE1, 2048},
		{RAWCD_MMC_FORM_MODE1_RAW, 2352}, {RAWCD_MMC_FORM_MODE1_GENERATED, 0}, {RAWCD_MMC_FORM_XA, 2336},
		{RAWCD_MMC_FORM_XA_RAW, 2352}, {RAWCD_MMC_FORM_XA_GENERATED, 0},    {RAWCD_MMC_FORM_MODE2, 2336},
		{RAWCD_MMC_FORM_MODE2_RAW, 2352}, {RAWCD_MMC_FORM_MODE2_GENERATED, 0},
	};
	unsigned sub = data_form & 0xC0, main = data_form & 0x3F;
	if (data_form > 0xFF || sub == 0x80)
		return RAWCD_E_ARG;
	for (size_t i = 0; i < sizeof(main_forms) / sizeof(main_forms[0]); i++)
		if (main_forms[i].form == main)
			return main_forms[i].bytes + (sub ? 96 : 0);
	return RAWCD_E_ARG;
}

/* The data form the host sends a track's sectors in, and the one the drive generates for it. */
static uint8_t track_form(const struct rawcd_track *t, bool generated)
{
	switch (t->mode) {
	case RAWCD_MODE_AUDIO:
	case RAWCD_MODE_CDG:
		return generated ? RAWCD_MMC_FORM_CDDA_GENERATED : RAWCD_MMC_FORM_CDDA;
	case RAWCD_MODE_MODE1_2048:
	case RAWCD_MODE_MODE1_2352:
		return generated ? RAWCD_MMC_FORM_MODE1_GENERATED : RAWCD_MMC_FORM_MODE1_RAW;
	case RAWCD_MODE_MODE2_2336:
	case RAWCD_MODE_MODE2_2352:
	case RAWCD_MODE_CDI_2336:
	case RAWCD_MODE_CDI_2352:
	case RAWCD_MODE_MODE0: /* the stream encodes these to raw 2352-byte sectors, sent as XA raw */
	case RAWCD_MODE_MODE2_FORMLESS:
	case RAWCD_MODE_MODE2_FORM1:
	case RAWCD_MODE_MODE2_FORM2:
		break;
	}
	return generated ? RAWCD_MMC_FORM_XA_GENERATED : RAWCD_MMC_FORM_XA_RAW;
}

static bool usable(const struct rawcd_disc *disc)
{
	return disc && disc->laid_out && disc->track_count > 0 && disc->session_count == 1;
}

/* Index entries of a track: INDEX 00 (track 1 always, the others when they have a pregap), INDEX 01, and
 * every index numbered 2 or more. */
static size_t track_entries(const struct rawcd_track *t, bool first)
{
	size_t n = (t->isrc[0] ? 2 : 0) + 1 + (first || t->pregap_lba < t->start_lba);
	for (size_t i = 0; i < t->index_count; i++)
		n += t->indexes[i].number >= 2;
	return n;
}

size_t rawcd_mmc_cue_sheet_length(const struct rawcd_disc *disc)
{
	if (!usable(disc))
		return 0;
	size_t n = (disc->mcn[0] ? 2 : 0) + 2; /* MCN, lead-in, lead-out */
	for (size_t i = 0; i < disc->track_count; i++)
		n += track_entries(&disc->tracks[i], i == 0);
	return n * RAWCD_MMC_CUE_ENTRY_SIZE;
}

/* Appends entries to a buffer sized by rawcd_mmc_cue_sheet_length(). */
struct sheet {
	uint8_t *p;
};

static uint8_t *entry(struct sheet *s, uint8_t control, uint8_t adr, uint8_t tno)
{
	uint8_t *e = s->p;
	memset(e, 0, RAWCD_MMC_CUE_ENTRY_SIZE);
	e[0] = (uint8_t)(control << 4 | adr);
	e[1] = tno;
	s->p += RAWCD_MMC_CUE_ENTRY_SIZE;
	return e;
}

/* An ADR 1 entry: where TNO/INDEX starts (absolute MSF, binary), in which data form. */
static void position(struct sheet *s, uint8_t control, uint8_t tno, uint8_t index, uint8_t form, uint8_t scms,
		     int32_t lba)
{
	uint8_t *e = entry(s, control, ADR_POSITION, tno);
	int32_t frames = lba + MSF_OFFSET;
	e[2] = index;
	e[3] = form;
	e[4] = scms;
	e[5] = (uint8_t)(frames / FRAMES_PER_MINUTE);
	e[6] = (uint8_t)(frames / FRAMES_PER_SECOND % 60);
	e[7] = (uint8_t)(frames % FRAMES_PER_SECOND);
}

/* The MCN as 13 ASCII digits over two ADR 2 entries (7, then 6 and a zero byte). */
static void mcn(struct sheet *s, const char *digits)
{
	memcpy(entry(s, 0, ADR_MCN, 0) + 1, digits, MCN_FIRST);
	memcpy(entry(s, 0, ADR_MCN, 0) + 1, digits + MCN_FIRST, MCN_DIGITS - MCN_FIRST);
}

/* The ISRC as 12 ASCII characters over two ADR 3 entries of the track (6 each, bytes 2-7). */
static void isrc(struct sheet *s, const struct rawcd_track *t, uint8_t control)
{
	memcpy(entry(s, control, ADR_ISRC, (uint8_t)t->number) + 2, t->isrc, HALF);
	memcpy(entry(s, control, ADR_ISRC, (uint8_t)t->number) + 2, t->isrc + HALF, ISRC_CHARS - HALF);
}

static void track(struct sheet *s, const struct rawcd_track *t, bool first)
{
	uint8_t control = rawcd_track_control(t), form = track_form(t, false);
	uint8_t scms = t->flags & RAWCD_FLAG_SCMS ? SCMS_ALTERNATE : 0;
	uint8_t tno = (uint8_t)t->number;
	if (t->isrc[0])
		isrc(s, t, control);
	if (first)
		position(s, control, tno, 0, form, scms, -MSF_OFFSET);
	else if (t->pregap_lba < t->start_lba)
		position(s, control, tno, 0, form, scms, t->pregap_lba);
	position(s, control, tno, 1, form, scms, t->start_lba);
	for (size_t i = 0; i < t->index_count; i++)
		if (t->indexes[i].number >= 2)
			position(s, control, tno, (uint8_t)t->indexes[i].number, form, scms, t->indexes[i].lba);
}

int rawcd_mmc_build_cue_sheet(uint8_t *buf, size_t capacity, size_t *out_len, const struct rawcd_disc *disc,
			      bool cdtext_leadin)
{
	if (!buf || !out_len || !disc || !disc->laid_out || disc->track_count == 0)
		return RAWCD_E_ARG;
	if (disc->session_count != 1)
		return RAWCD_E_UNSUPPORTED;
	size_t len = rawcd_mmc_cue_sheet_length(disc);
	if (capacity < len)
		return RAWCD_E_ARG;
	const struct rawcd_track *first = &disc->tracks[0], *last = &disc->tracks[disc->track_count - 1];
	struct sheet s = {buf};
	if (disc->mcn[0])
		mcn(&s, disc->mcn);
	uint8_t leadin_form = cdtext_leadin ? RAWCD_MMC_FORM_SUB_RW_RAW | RAWCD_MMC_FORM_CDDA_GENERATED
					    : track_form(first, true);
	/* The lead-in at 00:00:00, as cdrdao sends it (with CD-TEXT too, in its variant without the lead-in
	 * time). */
	position(&s, rawcd_track_control(first), 0, 0, leadin_form, 0, -MSF_OFFSET);
	for (size_t i = 0; i < disc->track_count; i++)
		track(&s, &disc->tracks[i], i == 0);
	position(&s, rawcd_track_control(last), RAWCD_MMC_CUE_LEADOUT_TNO, 1, track_form(last, true), 0,
		 rawcd_disc_leadout_lba(disc));
	*out_len = len;
	return RAWCD_OK;
}
