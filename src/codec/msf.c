/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LBA, MSF and BCD (MMC-6 §4.2.3.4; ECMA-130 §22.3.3). Pure functions. */
#include "rawcd/msf.h"

#include <stdio.h>

uint32_t rawcd_msf_frames(struct rawcd_msf msf)
{
	return ((uint32_t)msf.m * 60u + msf.s) * RAWCD_FRAMES_PER_SECOND + msf.f;
}

struct rawcd_msf rawcd_frames_msf(uint32_t frames)
{
	return (struct rawcd_msf){
		.m = (uint8_t)(frames / (60 * RAWCD_FRAMES_PER_SECOND)),
		.s = (uint8_t)(frames / RAWCD_FRAMES_PER_SECOND % 60),
		.f = (uint8_t)(frames % RAWCD_FRAMES_PER_SECOND),
	};
}

int32_t rawcd_msf_to_lba(struct rawcd_msf msf)
{
	int32_t frames = (int32_t)rawcd_msf_frames(msf);
	/* MMC-6 table 14: from 90:00:00 the MSF wraps to the negative LBAs of the lead-in. */
	if (msf.m >= 90)
		return frames - RAWCD_MSF_LEADIN_WRAP;
	return frames - RAWCD_MSF_LBA_OFFSET;
}

struct rawcd_msf rawcd_lba_to_msf(int32_t lba)
{
	if (lba < RAWCD_LBA_MIN)
		lba = RAWCD_LBA_MIN;
	if (lba > RAWCD_LBA_MAX)
		lba = RAWCD_LBA_MAX;
	if (lba >= -RAWCD_MSF_LBA_OFFSET)
		return rawcd_frames_msf((uint32_t)(lba + RAWCD_MSF_LBA_OFFSET));
	return rawcd_frames_msf((uint32_t)(lba + RAWCD_MSF_LEADIN_WRAP));
}

uint8_t rawcd_bcd_encode(uint8_t value)
{
	if (value > 99)
		return 0xFF;
	return (uint8_t)((value / 10) << 4 | value % 10);
}

int rawcd_bcd_decode(uint8_t bcd)
{
	if ((bcd >> 4) > 9 || (bcd & 0x0F) > 9)
		return -1;
	return (bcd >> 4) * 10 + (bcd & 0x0F);
}

static int digits(const char *s, int min, int max, unsigned *out)
{
	int n = 0;
	unsigned v = 0;
	while (s[n] >= '0' && s[n] <= '9' && n < max)
		v = v * 10 + (unsigned)(s[n++] - '0');
	if (n < min)
		return -1;
	*out = v;
	return n;
}

bool rawcd_msf_parse(const char *text, uint32_t *out)
{
	unsigned m, s, f;
	int n = digits(text, 1, 3, &m);
	if (n < 0 || text[n] != ':')
		return false;
	text += n + 1;
	n = digits(text, 1, 2, &s);
	if (n < 0 || text[n] != ':' || s >= 60)
		return false;
	text += n + 1;
	n = digits(text, 1, 2, &f);
	if (n < 0 || text[n] != '\0' || f >= RAWCD_FRAMES_PER_SECOND)
		return false;
	*out = (m * 60 + s) * RAWCD_FRAMES_PER_SECOND + f;
	return true;
}

char *rawcd_msf_format(uint32_t frames, char buf[10])
{
	unsigned m = frames / (60 * RAWCD_FRAMES_PER_SECOND);
	snprintf(buf, 10, "%02u:%02u:%02u", m % 1000, frames / RAWCD_FRAMES_PER_SECOND % 60,
		 frames % RAWCD_FRAMES_PER_SECOND);
	return buf;
}
