/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the creator gives back (creator.h; research/imapi.md §2.1–2.2): StartOfLeadout,
 * LastUsedUserSectorInImage, ExpectedTableOfContents (READ TOC format 2 from rawcd_toc_from_disc(), as
 * `rawcd toc` prints it) and CreateResultImage: the sector stream of the model from 95:00:00 through
 * 6,750 lead-out sectors with subcode, CD-TEXT from rawcd_cdtext_for_disc(), in records of the
 * ResultingImageType (stream_records.c), so the bytes are those `rawcd convert --format raw96 --lead-in
 * --lead-out` writes for the same disc.
 */
#include "api/creator_internal.h"

#include "image/stream_ext.h"
#include "rawcd/error.h"
#include "rawcd/toc.h"
#include "util/diag.h"

static int need_tracks(const rawcd_creator *c, const char *what)
{
	if (c->disc->track_count && c->disc->laid_out)
		return RAWCD_OK;
	return rcd_error(c->diag, RAWCD_E_STATE, RCD_CREATOR_NAME, 0, "%s: add a track first "
			 "(E_IMAPI_RAW_IMAGE_NO_TRACKS)", what);
}

int32_t rawcd_creator_start_of_leadout(const rawcd_creator *c)
{
	if (!c || !c->disc->track_count || !c->disc->laid_out)
		return RAWCD_E_STATE;
	return rawcd_disc_leadout_lba(c->disc);
}

int32_t rawcd_creator_last_used_user_sector(const rawcd_creator *c)
{
	int32_t leadout = rawcd_creator_start_of_leadout(c);
	return leadout < 0 ? leadout : leadout - 1;
}

int rawcd_creator_expected_toc(rawcd_creator *c, uint8_t *buf, size_t cap, size_t *len)
{
	if (!c || !buf || !len)
		return RAWCD_E_ARG;
	int rc = need_tracks(c, "ExpectedTableOfContents");
	if (rc)
		return rc;
	struct rawcd_toc toc;
	rc = rawcd_toc_from_disc(&toc, c->disc);
	if (rc == RAWCD_OK)
		rc = rawcd_toc_encode(&toc, 2, true, buf, cap, len);
	if (rc == RAWCD_E_ARG)
		rcd_error(c->diag, rc, RCD_CREATOR_NAME, 0, "ExpectedTableOfContents: %zu bytes of buffer are too "
			  "few (RAWCD_CREATOR_TOC_MAX suffices) (E_INVALIDARG)", cap);
	return rc;
}

/* The stream, its record format and the R-W generator; *out only on success. */
static int open_image(rawcd_creator *c, rawcd_stream **out)
{
	struct rawcd_image_options io = RAWCD_IMAGE_OPTIONS_INIT;
	io.format = c->format;
	io.leadin_sectors = RAWCD_LEADIN_SECTORS; /* from 95:00:00 */
	io.leadout_sectors = RAWCD_LEADOUT_DEFAULT;
	struct rawcd_stream_options so;
	rcd_image_stream_options(&so, &io); /* as rawcd_image_write() streams the same image */
	so.cdtext = c->packs.count && c->format != RAWCD_IMAGE_PQ16 ? &c->packs : NULL;
	rawcd_stream *s = NULL;
	int rc = rawcd_stream_new(&s, c->disc, &so, c->diag);
	if (rc == RAWCD_OK)
		rc = rawcd_stream_set_record_format(s, c->format);
	if (rc == RAWCD_OK && c->rw_read)
		rc = rcd_stream_set_rw_source(s, c->rw_read, c->rw_ctx, -RAWCD_MSF_LBA_OFFSET,
					      rawcd_disc_leadout_lba(c->disc));
	if (rc) {
		rawcd_stream_free(s);
		return rc;
	}
	*out = s;
	return RAWCD_OK;
}

int rawcd_creator_create_result_image(rawcd_creator *c, rawcd_stream **out)
{
	if (!c || !out)
		return RAWCD_E_ARG;
	int rc = rcd_creator_not_frozen(c, "CreateResultImage");
	if (rc == RAWCD_OK)
		rc = need_tracks(c, "CreateResultImage");
	if (rc)
		return rc;
	rawcd_cdtext_packs_finish(&c->packs);
	rc = rawcd_cdtext_for_disc(&c->packs, c->disc, c->diag);
	if (rc == RAWCD_OK)
		rc = open_image(c, out);
	if (rc == RAWCD_OK)
		c->frozen = true;
	return rc;
}
