/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: the state of a rawcd_creator (creator.h), shared by creator.c (properties, tracks),
 * creator_track.c (TrackInfo, indexes, CD-TEXT) and creator_image.c (TOC, CreateResultImage). */
#ifndef RCD_CREATOR_INTERNAL_H
#define RCD_CREATOR_INTERNAL_H

#include <stdbool.h>

#include "rawcd/cdtext.h"
#include "rawcd/creator.h"

#define RCD_CREATOR_NAME "rawcd_creator" /* the "file" its diagnostics name */

struct rawcd_creator {
	rawcd_diag *diag;
	struct rawcd_disc *disc;     /* the model: files[0] is the special pregap when there is one, then one
	                                CALLBACK file a track; tracks[] and one session; laid out when it has
	                                tracks */
	enum rawcd_image_format format;
	unsigned first_number;       /* StartingTrackNumber */
	bool gaps;                   /* DisableGaplessAudio */
	int32_t limit;               /* StartOfLeadoutLimit */
	bool special_pregap;
	bool frozen;                 /* CreateResultImage ran */
	bool loaded;                 /* the disc came from a reader (creator_load.c): its description is the
	                                file's, so only ResultingImageType and the getters apply */
	rawcd_read_fn rw_read;       /* AddSubcodeRWGenerator */
	void *rw_ctx;
	struct rawcd_cdtext_packs packs; /* the lead-in CD-TEXT of the image */
};

/* RAWCD_E_STATE with an entry when the creator is read-only (CreateResultImage ran) or its disc was
 * loaded from a file (its description is the file's), else RAWCD_OK. */
int rcd_creator_writable(rawcd_creator *c, const char *what);

/* RAWCD_E_STATE with an entry when CreateResultImage ran, else RAWCD_OK (loaded or not). */
int rcd_creator_not_frozen(rawcd_creator *c, const char *what);

/* Number, pregaps, session and layout of the model after a change; RAWCD_OK or an error entry. */
int rcd_creator_layout(rawcd_creator *c);

/* The track at 1-based position @p pos, or NULL (with an RAWCD_E_ARG entry when @p what is not NULL). */
struct rawcd_track *rcd_creator_track(rawcd_creator *c, unsigned pos, const char *what);

/* A file (callback) for the model, appended; its index in files[]. */
int rcd_creator_add_file(rawcd_creator *c, rawcd_read_fn read, void *ctx, uint64_t bytes, const char *label,
			 size_t *index);

#endif
