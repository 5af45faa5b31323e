/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file writer.h
 * @brief Writing a raw image to a recorder in raw DAO: the shape of IMAPI2's IDiscFormat2RawCD, in C.
 *
 * A ::rawcd_writer works on a ::rawcd_transport (transport.h: a drive through SG_IO, or the emulated
 * recorder of emulated.h). The flow is IMAPI's (research/imapi.md §4, §8): rawcd_writer_new(),
 * rawcd_writer_set_requested_sector_type(), rawcd_writer_set_write_speed(), rawcd_writer_set_progress(),
 * rawcd_writer_prepare_media() (a blank disc; StartOfNextSession and LastPossibleStartOfLeadout from
 * its ATIP), then rawcd_writer_write_media() with the image of rawcd_creator_create_result_image()
 * (creator.h), and rawcd_writer_release_media() in every case.
 *
 * The image is written as it is, record after record, from the medium's lead-in start (ATIP; e.g.
 * 97:27:00 = LBA -11,625) to its last lead-out record: what the image holds before that start is read
 * and dropped (IMAPI seeks there). The drive and medium checks, the MODE SELECT of page 05h, the
 * WRITE(10) loop (with retries of a busy drive), the flush and what a failure leaves are those of
 * rawcd_burn() (burn.h, src/burn/), so a rawcd_writer write of a creator's image sends the same blocks as
 * `rawcd burn --write-mode raw96r` of the equivalent CUE sheet. Data sectors (those with the sync field)
 * are scrambled on the way (ECMA-130 Annex B), as a raw write needs; audio never is.
 *
 * Errors and IMAPI's HRESULTs (research/imapi.md §4, §6); each error also leaves an entry in the
 * diagnostics that names the IMAPI condition in parentheses, e.g. "(E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED)".
 *
 * | rawcd return           | condition                                                     | IMAPI HRESULT |
 * |------------------------|---------------------------------------------------------------|---------------|
 * | RAWCD_E_STATE          | write or release before prepare                               | E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED 0xC0AA0602 |
 * | RAWCD_E_STATE          | prepare twice                                                 | E_IMAPI_DF2RAW_MEDIA_IS_PREPARED 0xC0AA0603 |
 * | RAWCD_E_STATE          | a call while a write runs                                     | E_IMAPI_DF2RAW_WRITE_IN_PROGRESS 0xC0AA0600 |
 * | RAWCD_E_STATE          | a second write after one prepare                              | E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK 0xC0AA0606 |
 * | RAWCD_E_IO             | the disc is not blank (READ DISC INFORMATION)                 | E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK 0xC0AA0606 |
 * | RAWCD_E_IO             | not an MMC recorder, no disc, not CD-R/RW, no ATIP            | E_IMAPI_DF2RAW_MEDIA_IS_NOT_SUPPORTED 0xC0AA0607, E_IMAPI_RECORDER_* |
 * | RAWCD_E_IO             | MODE SELECT refused the write type / data block type          | E_IMAPI_DF2RAW_DATA_BLOCK_TYPE_NOT_SUPPORTED 0xC0AA060E |
 * | RAWCD_E_IO             | a command failed (sense in the diagnostics)                   | E_IMAPI_RECORDER_*, E_IMAPI_LOSS_OF_STREAMING 0xC0AA0300 |
 * | RAWCD_E_LAYOUT         | the image's lead-in starts after the medium's                 | E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT 0xC0AA060F |
 * | RAWCD_E_LAYOUT         | the image's lead-out starts after LastPossibleStartOfLeadout  | E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE 0xC0AA0609 |
 * | RAWCD_E_UNSUPPORTED    | a lead-in of 4,650 sectors or fewer; under 6,900 records after LBA 0 | E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED 0xC0AA060D |
 * | RAWCD_E_ARG            | NULL; a stream without records; records of another size than the sector type | E_POINTER, E_INVALIDARG |
 * | RAWCD_E_CANCELED       | rawcd_writer_cancel_write() during the write                  | E_IMAPI_REQUEST_CANCELLED 0xC0AA0002 |
 */
#ifndef RAWCD_WRITER_H
#define RAWCD_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "burn.h"
#include "diag.h"
#include "stream.h"
#include "transport.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RAWCD_WRITER_LEADIN_SECTORS 22650 /**< WriteMedia: image records before LBA 0 (from 95:00:00) */
#define RAWCD_WRITER_MIN_LEADIN 4651      /**< WriteMedia2: fewer image records before LBA 0 are refused */
#define RAWCD_WRITER_MIN_AFTER_ZERO 6900  /**< records from LBA 0 on an image needs: 150 + 6750 lead-out */

/** IMAPI_FORMAT2_RAW_CD_WRITE_ACTION. */
enum rawcd_writer_action {
	RAWCD_WRITER_UNKNOWN = 0,
	RAWCD_WRITER_PREPARING = 1,  /**< mode page, speed: nothing written yet */
	RAWCD_WRITER_WRITING = 2,    /**< WRITE(10) of the image's records */
	RAWCD_WRITER_FINISHING = 3   /**< SYNCHRONIZE CACHE and waiting for the drive */
};

/** IDiscFormat2RawCDEventArgs (with IWriteEngine2EventArgs' StartLba, SectorCount, LastWrittenLba). */
struct rawcd_writer_progress {
	enum rawcd_writer_action current_action; /**< CurrentAction */
	int32_t start_lba;          /**< StartLba: the first LBA of the write (StartOfNextSession, negative) */
	uint32_t sector_count;      /**< SectorCount: records the write sends */
	int32_t last_written_lba;   /**< LastWrittenLba: the last LBA the drive accepted (start_lba - 1 before
	                                 the first) */
	uint64_t written;           /**< records the drive accepted: last_written_lba + 1 - start_lba */
	double elapsed_time;        /**< ElapsedTime in seconds since the write began */
	double remaining_time;      /**< RemainingTime in seconds, estimated from the rate so far; -1 unknown */
	int buffer_fill;            /**< the drive's buffer in percent, -1 unknown */
};

/** The Update event: called during rawcd_writer_write_media() from the writing thread, before the
 *  first WRITE, after every WRITE(10) and when finishing. It may call rawcd_writer_cancel_write() and
 *  must not call another writer function. (The sketch names rawcd_progress_fn, which image.h
 *  already defines with another signature.) */
typedef void (*rawcd_writer_progress_fn)(void *ctx, const struct rawcd_writer_progress *progress);

typedef struct rawcd_writer rawcd_writer;

/**
 * A new writer on @p recorder (CoCreateInstance of MsftDiscFormat2RawCD, put_Recorder): RequestedSectorType
 * RAWCD_WRITE_RAW96R, the fastest speed, no progress callback. Sends nothing.
 * @param recorder not owned: close it after rawcd_writer_free().
 * @param diag receives every later call's diagnostics (one thread at a time); may be NULL.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p out or @p recorder: E_IMAPI_RECORDER_REQUIRED); RAWCD_E_NOMEM.
 */
int rawcd_writer_new(rawcd_writer **out, rawcd_transport *recorder, rawcd_diag *diag);

/** Free a writer (a prepared medium is released first). Accepts NULL. */
void rawcd_writer_free(rawcd_writer *w);

/**
 * PrepareMedia: the recorder and its disc checked as rawcd_burn()'s preflight does (an MMC drive opened
 * read-write, CD-R or CD-RW, a blank disc by READ DISC INFORMATION, a valid ATIP by READ TOC format 4),
 * its page 05h saved (restored by rawcd_writer_release_media()), and StartOfNextSession (the ATIP lead-in
 * start) and LastPossibleStartOfLeadout (the ATIP's last possible lead-out start) kept. On a blank disc
 * these are what READ DISC INFORMATION bytes 17–19 and 21–23 give too (MMC-6 §6.22.3.1).
 * @return RAWCD_OK; RAWCD_E_STATE (prepared already, a write running); RAWCD_E_IO (not a recorder, no
 *         disc, not blank, no ATIP, a command failed); RAWCD_E_UNSUPPORTED (an ATIP lead-in before
 *         90:00:00).
 */
int rawcd_writer_prepare_media(rawcd_writer *w);

/** WriteMedia: rawcd_writer_write_media2(w, image, RAWCD_WRITER_LEADIN_SECTORS): an image from 95:00:00,
 *  as rawcd_creator_create_result_image() makes it. */
int rawcd_writer_write_media(rawcd_writer *w, rawcd_stream *image);

/**
 * WriteMedia2: write @p image, whose first @p lead_in_sectors records precede LBA 0, in raw DAO.
 * Checks, in IMAPI's order (nothing is written when one fails): @p lead_in_sectors over 4,650; prepared
 * and not writing; not written since rawcd_writer_prepare_media(); StartOfNextSession + @p
 * lead_in_sectors >= 0 (the image starts at or before the medium's lead-in, else the error gives both
 * LBAs and the records missing); records of the size RequestedSectorType needs (2448 for RAW96R: the
 * image's RAW96 records are sent with data block type 3, its PACKED96 ones with type 2; 2368 PQ16 records
 * for RAW16, type 1); at least 6,900 records from LBA 0 on; the image's lead-out not after
 * LastPossibleStartOfLeadout. Then MODE SELECT page 05h (write type RAW, the data block type, BUFE when
 * the drive has it, session format the image's disc type), SET CD SPEED, the records before
 * StartOfNextSession read and dropped, WRITE(10) of the rest from StartOfNextSession to the image's end,
 * SYNCHRONIZE CACHE and TEST UNIT READY until done. Synchronous; the progress callback is the Update
 * event. After a failure or a cancel once writing started the cache is flushed too and the diagnostics
 * say the disc is unusable (blank a CD-RW).
 * @param image a stream with a record format (rawcd_stream_set_record_format()), not read from yet; it
 *        is read to its end (or to the failure); the caller frees it.
 * @return RAWCD_OK; RAWCD_E_CANCELED; the errors of the table in this header.
 */
int rawcd_writer_write_media2(rawcd_writer *w, rawcd_stream *image, uint32_t lead_in_sectors);

/** CancelWrite: ask a running write to stop before its next WRITE(10). Thread-safe (an atomic flag):
 *  from the Update event or any thread. No effect when no write runs (IMAPI: WRITE_NOT_IN_PROGRESS). */
void rawcd_writer_cancel_write(rawcd_writer *w);

/**
 * ReleaseMedia: end the preparation: page 05h as the drive had it at rawcd_writer_prepare_media() (a
 * drive that refuses it is warned about). Needed after every prepare, also after a failed or canceled
 * write.
 * @return RAWCD_OK; RAWCD_E_STATE (not prepared; a write running).
 */
int rawcd_writer_release_media(rawcd_writer *w);

/**
 * SetWriteSpeed: the speed asked of SET CD SPEED at the next write, in kB/s (1x = 176; 0 = the fastest,
 * IMAPI's -1), and whether pure CAV rotation is asked for (CDB byte 1 Rotational Control 01b, MMC-6
 * §6.37). The drive picks the nearest it has; a drive that refuses is warned about.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL; over 65,534 kB/s); RAWCD_E_STATE (a write running).
 */
int rawcd_writer_set_write_speed(rawcd_writer *w, unsigned kb_per_s, bool pure_cav);

/** LastPossibleStartOfLeadout: the ATIP's last possible lead-out start LBA; RAWCD_E_STATE (negative)
 *  before rawcd_writer_prepare_media(). Compare rawcd_creator_start_of_leadout(). */
int32_t rawcd_writer_last_possible_start_of_leadout(const rawcd_writer *w);

/** StartOfNextSession: where the write starts, the ATIP lead-in start LBA (negative on a blank disc,
 *  e.g. -11,625 for 97:27:00); 0 before rawcd_writer_prepare_media() (IMAPI: MEDIA_IS_NOT_PREPARED). */
int32_t rawcd_writer_start_of_next_session(const rawcd_writer *w);

/**
 * RequestedSectorType: RAWCD_WRITE_RAW96R (2448-byte records with P–W: IMAPI IS_RAW, or IS_COOKED for
 * a PACKED96 image) or RAWCD_WRITE_RAW16 (2368-byte records with P and Q: PQ_ONLY). SAO and AUTO are
 * rawcd_burn()'s, not a raw image's.
 * @return RAWCD_OK; RAWCD_E_ARG (another mode); RAWCD_E_STATE (a write running).
 */
int rawcd_writer_set_requested_sector_type(rawcd_writer *w, enum rawcd_write_mode m);

/** The Update event's handler (NULL for none); @p ctx is passed to it. Set it before a write. */
void rawcd_writer_set_progress(rawcd_writer *w, rawcd_writer_progress_fn fn, void *ctx);

/** What the last rawcd_writer_write_media2() did (blocks, commands, retries, whether the disc is left
 *  unusable), as rawcd_burn() reports it; zeros before the first. */
int rawcd_writer_last_result(const rawcd_writer *w, struct rawcd_burn_result *out);

#ifdef __cplusplus
}
#endif
#endif
