/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Sector positions in an image that stores the sessions back to back (session_map.h). */
#include "image/session_map.h"

int32_t rcd_session_first_stored(const struct rawcd_disc *disc, size_t s)
{
	if (s == 0)
		return 0;
	return disc->tracks[disc->sessions[s].first_track].pregap_lba;
}

size_t rcd_session_of_lba(const struct rawcd_disc *disc, int32_t lba)
{
	size_t s = 0;
	while (s + 1 < disc->session_count && rcd_session_first_stored(disc, s + 1) <= lba)
		s++;
	return s;
}

uint32_t rcd_image_position(const struct rawcd_disc *disc, int32_t lba)
{
	size_t s = rcd_session_of_lba(disc, lba);
	int64_t pos = (int64_t)lba - rcd_session_first_stored(disc, s);
	for (size_t k = 0; k < s; k++)
		pos += (int64_t)disc->sessions[k].leadout_lba - rcd_session_first_stored(disc, k);
	return (uint32_t)pos;
}
