/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IDiscFormat2RawCD::WriteMedia2 (writer.h; research/imapi.md §4): IMAPI's checks in its order, then
 * page 05h, SET CD SPEED and the write of the image's records through the burn's WRITE loop
 * (src/burn/burn_write.c, rcd_burn_write_records()), with its progress turned into the Update event.
 */
#include "api/writer_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "image/stream_ext.h"
#include "rawcd/error.h"
#include "util/diag.h"

static int check_state(rawcd_writer *w, const rawcd_stream *image, uint32_t lead_in)
{
	const char *dev = w->t->name;
	if (!image || rawcd_stream_record_size(image) == 0)
		return rcd_error(w->diag, RAWCD_E_ARG, dev, 0, "WriteMedia: %s (E_POINTER)", image ? "the stream has "
				 "no record format: rawcd_stream_set_record_format()" : "no image stream");
	if (lead_in < RAWCD_WRITER_MIN_LEADIN)
		return rcd_error(w->diag, RAWCD_E_UNSUPPORTED, dev, 0, "WriteMedia2: %u records before LBA 0; an "
				 "image needs more than 4650 (E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED)", lead_in);
	int rc = rcd_writer_idle(w, "WriteMedia");
	if (rc)
		return rc;
	if (!w->prepared)
		return rcd_error(w->diag, RAWCD_E_STATE, dev, 0, "WriteMedia: prepare the media first "
				 "(E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED)");
	if (w->written || w->next_session >= 0)
		return rcd_error(w->diag, RAWCD_E_STATE, dev, 0, "WriteMedia: the disc was written since it was "
				 "prepared (E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK); release it and use a blank one");
	if (rcd_stream_started(image) || rcd_stream_first_lba(image) != -(int32_t)lead_in)
		return rcd_error(w->diag, RAWCD_E_ARG, dev, 0, "WriteMedia2: the image %s, not at LBA %d as %u "
				 "lead-in records say (E_INVALIDARG)", rcd_stream_started(image) ? "was read from already"
				 : "starts at another LBA", -(int32_t)lead_in, lead_in);
	return RAWCD_OK;
}

/* The record size RequestedSectorType needs, and the data block type for the image's records. */
static int block_type(rawcd_writer *w, const rawcd_stream *image, uint8_t *dbt)
{
	enum rawcd_image_format f = rawcd_stream_record_format(image);
	bool pw = w->sector_type == RAWCD_WRITE_RAW96R;
	if (pw && (f == RAWCD_IMAGE_RAW96 || f == RAWCD_IMAGE_PACKED96)) {
		*dbt = f == RAWCD_IMAGE_RAW96 ? RAWCD_MMC_DBT_RAW_PW : RAWCD_MMC_DBT_RAW_PW_PACK;
		return RAWCD_OK;
	}
	if (!pw && f == RAWCD_IMAGE_PQ16) {
		*dbt = RAWCD_MMC_DBT_RAW_PQ;
		return RAWCD_OK;
	}
	return rcd_error(w->diag, RAWCD_E_ARG, w->t->name, 0, "WriteMedia: the image has %zu-byte records but "
			 "RequestedSectorType %s writes %u-byte blocks (E_INVALIDARG); make the image in the "
			 "matching ResultingImageType", rawcd_stream_record_size(image),
			 rawcd_write_mode_name(w->sector_type), pw ? 2448u : 2368u);
}

/* Where the write starts and ends against the image and the medium. */
static int check_extent(rawcd_writer *w, const rawcd_stream *image, uint32_t lead_in, struct rcd_burn *b)
{
	const char *dev = w->t->name;
	int64_t total = (int64_t)rawcd_stream_total(image), after_zero = total - lead_in;
	if ((int64_t)w->next_session + lead_in < 0)
		return rcd_error(w->diag, RAWCD_E_LAYOUT, dev, 0, "WriteMedia2: the image's lead-in starts at LBA "
				 "%d but the medium's at LBA %d (ATIP): %lld lead-in records are missing "
				 "(E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT); make the image with a longer lead-in",
				 -(int32_t)lead_in, w->next_session, -((long long)w->next_session + lead_in));
	if (after_zero < RAWCD_WRITER_MIN_AFTER_ZERO)
		return rcd_error(w->diag, RAWCD_E_UNSUPPORTED, dev, 0, "WriteMedia2: %lld records from LBA 0 on, "
				 "under the 6900 (pregap, track and lead-out) an image needs "
				 "(E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED)", (long long)after_zero);
	if (after_zero > (int64_t)w->last_leadout + RAWCD_BURN_LEADOUT_SECTORS)
		return rcd_error(w->diag, RAWCD_E_LAYOUT, dev, 0, "WriteMedia2: the image's lead-out starts at LBA "
				 "%lld, after the medium's last possible lead-out start LBA %d (ATIP) "
				 "(E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE); nothing was written",
				 (long long)(after_zero - RAWCD_BURN_LEADOUT_SECTORS), w->last_leadout);
	const struct rawcd_disc *disc = rcd_stream_disc(image);
	b->image_first_lba = -(int32_t)lead_in;
	b->r.first_lba = w->next_session;
	b->r.total = (uint64_t)(total - ((int64_t)w->next_session + lead_in));
	b->r.leadout_lba = disc ? rawcd_disc_leadout_lba(disc) : (int32_t)(after_zero - RAWCD_BURN_LEADOUT_SECTORS);
	b->r.block_size = rawcd_stream_record_size(image);
	return RAWCD_OK;
}

static int select_mode(rawcd_writer *w, struct rcd_burn *b, uint8_t dbt, const rawcd_stream *image)
{
	const struct rawcd_disc *disc = rcd_stream_disc(image);
	struct rawcd_mmc_write_setup setup = {.write_type = RAWCD_MMC_WRITE_RAW, .data_block_type = dbt,
					      .bufe = w->info.buf, .session_format = disc ? disc->sessions[0].disc_type : 0};
	struct rawcd_mmc_write_params base;
	bool have = rcd_read_write_params(&b->d, &base) == RAWCD_OK;
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	if (rcd_select_write_params(&b->d, &setup, have ? &base : NULL, why, sizeof(why)) != RAWCD_OK)
		return rcd_error(w->diag, RAWCD_E_IO, w->t->name, 0, "WriteMedia: the drive refused page 05h with "
				 "write type RAW and data block type %u: %s (E_IMAPI_DF2RAW_DATA_BLOCK_TYPE_NOT_SUPPORTED); "
				 "nothing was written", dbt, why);
	b->r.mode = w->sector_type;
	b->r.write_type = RAWCD_MMC_WRITE_RAW;
	b->r.data_block_type = dbt;
	b->r.bufe = setup.bufe;
	return RAWCD_OK;
}

/* SET CD SPEED with Rotational Control (CDB byte 1 bits 1-0: 01b pure CAV; MMC-6 §6.37). */
static int set_speed(rawcd_writer *w, struct rcd_burn *b)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_set_cd_speed(cdb, 0xFFFF, w->speed ? (uint16_t)w->speed : 0xFFFF);
	if (w->pure_cav)
		cdb[1] |= 0x01;
	struct rawcd_cmd_result res;
	if (rcd_exec(&b->d, cdb, (size_t)n, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_DEFAULT_MS, true, &res) == RAWCD_OK)
		return RAWCD_OK;
	enum rawcd_sense_class cls = rcd_cmd_class(&res);
	if (cls != RAWCD_SENSE_NOT_SUPPORTED && cls != RAWCD_SENSE_REFUSED)
		return rcd_cmd_error(&b->d, "SET CD SPEED", &res, RAWCD_TIMEOUT_DEFAULT_MS);
	rcd_warn(w->diag, w->t->name, 0, "SET CD SPEED was refused (%s): the drive writes at the speed it "
		 "chooses", res.sense.message);
	return RAWCD_OK;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The burn's progress as IMAPI's Update event. */
static void update(void *user, const struct rawcd_burn_progress *p)
{
	rawcd_writer *w = user;
	if (!w->progress)
		return;
	struct rawcd_writer_progress u = {
		.current_action = p->phase == RAWCD_BURN_PREPARING ? RAWCD_WRITER_PREPARING
			: p->phase == RAWCD_BURN_FINISHING ? RAWCD_WRITER_FINISHING : RAWCD_WRITER_WRITING,
		.start_lba = w->next_session, .sector_count = (uint32_t)p->total,
		.last_written_lba = w->next_session + (int32_t)p->done - 1, .written = p->done,
		.elapsed_time = seconds_since(&w->started), .remaining_time = -1, .buffer_fill = p->buffer_fill};
	if (p->done > 0)
		u.remaining_time = u.elapsed_time * (double)(p->total - p->done) / (double)p->done;
	w->progress(w->progress_ctx, &u);
}

static int write_prepared(rawcd_writer *w, struct rcd_burn *b, rawcd_stream *image, uint32_t lead_in)
{
	uint8_t dbt = 0;
	int rc = block_type(w, image, &dbt);
	if (rc == RAWCD_OK)
		rc = check_extent(w, image, lead_in, b);
	if (rc == RAWCD_OK)
		rc = select_mode(w, b, dbt, image);
	if (rc == RAWCD_OK)
		rc = set_speed(w, b);
	if (rc == RAWCD_OK)
		rc = rcd_burn_write_records(b, image);
	if (rc == RAWCD_E_CANCELED && !b->r.started)
		rcd_error(w->diag, rc, w->t->name, 0, "WriteMedia: canceled before the first WRITE "
			  "(E_IMAPI_REQUEST_CANCELLED); the disc is still blank");
	else if (rc == RAWCD_E_CANCELED)
		rcd_note(w->diag, w->t->name, 0, "WriteMedia: canceled (E_IMAPI_REQUEST_CANCELLED)");
	return rc;
}

int rawcd_writer_write_media2(rawcd_writer *w, rawcd_stream *image, uint32_t lead_in_sectors)
{
	if (!w)
		return RAWCD_E_ARG;
	int rc = check_state(w, image, lead_in_sectors);
	if (rc)
		return rc;
	struct rcd_burn *b = calloc(1, sizeof(*b));
	if (!b)
		return RAWCD_E_NOMEM;
	rcd_writer_burn_init(w, b);
	b->info = w->info;
	b->progress = update;
	b->progress_user = w;
	atomic_store(&w->cancel, false);
	atomic_store(&w->writing, true);
	clock_gettime(CLOCK_MONOTONIC, &w->started);
	rc = write_prepared(w, b, image, lead_in_sectors);
	b->r.retries = b->d.retries;
	b->r.recovered = b->d.recovered;
	w->result = b->r;
	w->written = b->r.started;
	atomic_store(&w->writing, false);
	free(b);
	return rc;
}

int rawcd_writer_write_media(rawcd_writer *w, rawcd_stream *image)
{
	return rawcd_writer_write_media2(w, image, RAWCD_WRITER_LEADIN_SECTORS);
}
