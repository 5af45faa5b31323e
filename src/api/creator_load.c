/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A creator over a disc a reader loaded (creator.h "A creator over a loaded disc"): the CUE, cdrdao TOC,
 * CloneCD and raw image readers give their disc to the creator, whose TrackInfo, ExpectedTableOfContents,
 * StartOfLeadout, LastUsedUserSectorInImage and CreateResultImage then read it, so the CLI's convert, toc
 * and check take their discs through the API. The description stays the file's: the setters that change
 * tracks refuse, and IMAPI's rules for tracks added through the API (4 s, StartOfLeadoutLimit) are not
 * applied: the readers' layout warns of a short track, and checks the capacity, as before.
 */
#include "api/creator_internal.h"

#include <stdlib.h>

#include "rawcd/error.h"
#include "rawcd/input.h"

int rawcd_creator_new_from_disc(rawcd_creator **out, struct rawcd_disc *disc, rawcd_diag *diag)
{
	if (!out || !disc) {
		rawcd_disc_free(disc);
		return RAWCD_E_ARG;
	}
	rawcd_creator *c = calloc(1, sizeof(*c));
	if (!c) {
		rawcd_disc_free(disc);
		return RAWCD_E_NOMEM;
	}
	*c = (rawcd_creator){.diag = diag, .disc = disc, .format = RAWCD_IMAGE_RAW96,
			     .first_number = disc->track_count ? disc->tracks[0].number : 1,
			     .limit = RAWCD_CREATOR_MAX_LEADOUT, .loaded = true};
	*out = c;
	return RAWCD_OK;
}

int rawcd_creator_load(rawcd_creator **out, const char *path, const struct rawcd_layout_options *opts,
		       rawcd_diag *diag)
{
	if (!out || !path)
		return RAWCD_E_ARG;
	struct rawcd_disc *disc = NULL;
	int rc = rawcd_input_load(&disc, path, opts, diag);
	return rc ? rc : rawcd_creator_new_from_disc(out, disc, diag);
}

bool rawcd_creator_is_loaded(const rawcd_creator *c)
{
	return c && c->loaded;
}
