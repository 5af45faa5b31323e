/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IDiscFormat2RawCD (writer.h; research/imapi.md §4): the object, its properties, PrepareMedia and
 * ReleaseMedia. The drive checks are rawcd_burn()'s preflight (src/burn/burn_preflight.c) and page 05h is
 * read and restored with its helpers; the write is writer_write.c's.
 */
#include "api/writer_internal.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

int rawcd_writer_new(rawcd_writer **out, rawcd_transport *recorder, rawcd_diag *diag)
{
	if (!out || !recorder)
		return RAWCD_E_ARG;
	rawcd_writer *w = calloc(1, sizeof(*w));
	if (!w)
		return RAWCD_E_NOMEM;
	w->t = recorder;
	w->diag = diag;
	w->sector_type = RAWCD_WRITE_RAW96R;
	atomic_init(&w->writing, false);
	atomic_init(&w->cancel, false);
	*out = w;
	return RAWCD_OK;
}

void rawcd_writer_free(rawcd_writer *w)
{
	if (!w)
		return;
	if (w->prepared)
		rawcd_writer_release_media(w);
	free(w);
}

int rcd_writer_idle(rawcd_writer *w, const char *what)
{
	if (!atomic_load(&w->writing))
		return RAWCD_OK;
	return rcd_error(w->diag, RAWCD_E_STATE, w->t->name, 0, "%s: a write is running "
			 "(E_IMAPI_DF2RAW_WRITE_IN_PROGRESS); wait for it or cancel it", what);
}

void rcd_writer_burn_init(rawcd_writer *w, struct rcd_burn *b)
{
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.write_speed = (uint16_t)w->speed;
	o.write_mode = w->sector_type;
	*b = (struct rcd_burn){.o = o, .buffer_fill = -1, .cancel_flag = &w->cancel};
	rcd_drive_init(&b->d, w->t, w->diag);
}

int rawcd_writer_prepare_media(rawcd_writer *w)
{
	if (!w)
		return RAWCD_E_ARG;
	int rc = rcd_writer_idle(w, "PrepareMedia");
	if (rc)
		return rc;
	if (w->prepared)
		return rcd_error(w->diag, RAWCD_E_STATE, w->t->name, 0, "PrepareMedia: the media is prepared "
				 "already (E_IMAPI_DF2RAW_MEDIA_IS_PREPARED); release it first");
	struct rcd_burn *b = calloc(1, sizeof(*b));
	if (!b)
		return RAWCD_E_NOMEM;
	rcd_writer_burn_init(w, b);
	rc = rcd_burn_check_drive(b);
	if (rc == RAWCD_OK) {
		w->info = b->info;
		w->next_session = b->info.atip.leadin_start_lba;
		w->last_leadout = b->info.atip.last_leadout_start_lba;
		w->have_saved_page = rcd_read_write_params(&b->d, &w->saved_page) == RAWCD_OK;
		w->prepared = true;
		w->written = false;
	}
	free(b);
	return rc;
}

int rawcd_writer_release_media(rawcd_writer *w)
{
	if (!w)
		return RAWCD_E_ARG;
	int rc = rcd_writer_idle(w, "ReleaseMedia");
	if (rc)
		return rc;
	if (!w->prepared)
		return rcd_error(w->diag, RAWCD_E_STATE, w->t->name, 0, "ReleaseMedia: the media is not prepared "
				 "(E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED)");
	w->prepared = false;
	if (!w->have_saved_page || !w->written)
		return RAWCD_OK;
	const struct rawcd_mmc_write_params *p = &w->saved_page;
	struct rawcd_mmc_write_setup setup = {.write_type = p->write_type, .data_block_type = p->data_block_type,
					      .test_write = p->test_write, .bufe = p->bufe,
					      .multisession = p->multisession, .track_mode = p->track_mode,
					      .session_format = p->session_format};
	struct rcd_drive d;
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	rcd_drive_init(&d, w->t, w->diag);
	if (rcd_select_write_params(&d, &setup, p, why, sizeof(why)) != RAWCD_OK)
		rcd_warn(w->diag, w->t->name, 0, "ReleaseMedia: page 05h could not be set back as it was (%s)", why);
	return RAWCD_OK;
}

int rawcd_writer_set_write_speed(rawcd_writer *w, unsigned kb_per_s, bool pure_cav)
{
	if (!w || kb_per_s >= 0xFFFF)
		return RAWCD_E_ARG;
	int rc = rcd_writer_idle(w, "SetWriteSpeed");
	if (rc == RAWCD_OK) {
		w->speed = kb_per_s;
		w->pure_cav = pure_cav;
	}
	return rc;
}

int32_t rawcd_writer_last_possible_start_of_leadout(const rawcd_writer *w)
{
	return w && w->prepared ? w->last_leadout : RAWCD_E_STATE;
}

int32_t rawcd_writer_start_of_next_session(const rawcd_writer *w)
{
	return w && w->prepared ? w->next_session : 0;
}

int rawcd_writer_set_requested_sector_type(rawcd_writer *w, enum rawcd_write_mode m)
{
	if (!w)
		return RAWCD_E_ARG;
	int rc = rcd_writer_idle(w, "RequestedSectorType");
	if (rc)
		return rc;
	if (m != RAWCD_WRITE_RAW96R && m != RAWCD_WRITE_RAW16)
		return rcd_error(w->diag, RAWCD_E_ARG, w->t->name, 0, "RequestedSectorType %s: a raw image is "
				 "written raw96r or raw16 (E_INVALIDARG)", rawcd_write_mode_name(m));
	w->sector_type = m;
	return RAWCD_OK;
}

void rawcd_writer_set_progress(rawcd_writer *w, rawcd_writer_progress_fn fn, void *ctx)
{
	if (!w)
		return;
	w->progress = fn;
	w->progress_ctx = ctx;
}

void rawcd_writer_cancel_write(rawcd_writer *w)
{
	if (w && atomic_load(&w->writing))
		atomic_store(&w->cancel, true);
}

int rawcd_writer_last_result(const rawcd_writer *w, struct rawcd_burn_result *out)
{
	if (!w || !out)
		return RAWCD_E_ARG;
	*out = w->result;
	return RAWCD_OK;
}
