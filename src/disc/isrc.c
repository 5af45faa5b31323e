/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The ISRC of a track as sheets and programs give it (isrc.h). */
#include "disc/isrc.h"

#include <ctype.h>
#include <string.h>

bool rcd_isrc_parse(const char *in, size_t max, char out[RAWCD_ISRC_SIZE])
{
	size_t n = strnlen(in, max), k = 0;
	bool dashed = n == 15 && in[2] == '-' && in[6] == '-' && in[9] == '-';
	out[0] = '\0';
	if (n != 12 && !dashed)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!dashed || (i != 2 && i != 6 && i != 9))
			out[k++] = (char)toupper((unsigned char)in[i]);
	out[12] = '\0';
	for (int i = 0; i < 12; i++) {
		unsigned char c = (unsigned char)out[i];
		if (!(i < 2 ? isalpha(c) : i < 5 ? isalnum(c) : isdigit(c)))
			return false;
	}
	return true;
}
