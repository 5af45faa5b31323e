/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file stream.h
 * @brief The sector stream: the 2352-byte sectors of a laid-out disc, LBA after LBA, in batches.
 *
 * The image writers and (later) the burner consume it, so what is burned is what `convert` writes.
 * For each sector the stream reads the track's input (BINARY as is, MOTOROLA byte-swapped, WAVE/AIFF/FLAC
 * through libsndfile, raw 2352-byte data copied) and encodes what the input lacks (ECMA-130 §14): sync,
 * header, EDC and ECC for MODE1/2048 (Mode 1) and MODE2/2336 or CDI/2336 (Mode 2, Form 1 or 2 from the
 * subheader, formless without a valid one). Generated PREGAP/POSTGAP sectors are silence in audio tracks
 * and zero-data sectors of the track's mode in data tracks (Mode 1, or Mode 2 with an all-zero
 * subheader: Form 1 with EDC and parity). Raw 2352-byte data sectors are never rewritten: a wrong sync
 * or header is reported as a warning naming the LBA. A file marked `scrambled` (a CloneCD .img with
 * DataTracksScrambled=1) has its data sectors descrambled as they are read (ECMA-130 Annex B: the same
 * XOR both ways); audio sectors are never touched.
 *
 * Recorded subcode: when the disc holds some (rawcd_disc.recorded_subcode: a CloneCD .sub, the P–W of a
 * raw image) and the stream makes subcode without opts->regenerate_subcode, every LBA the record covers
 * (first_lba .. first_lba + sectors - 1, and no further than the file holds) gets the recorded P, Q and
 * R–W as they are (a PQ16 record has no R–W: that is generated), deliberately wrong Q of copy protections
 * and LibCrypt included; every other LBA (a lead-in the file lacks, a generated lead-out, the end a short
 * .sub lacks) is generated. The file is read in batches as the stream goes (never whole). Frames whose
 * 12 Q bytes differ from the generated ones are counted (rawcd_stream_recorded_q_differences()) and
 * reported in one warning naming the file when the stream is freed.
 */
#ifndef RAWCD_STREAM_H
#define RAWCD_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cdtext.h"
#include "diag.h"
#include "disc.h"
#include "image.h"
#include "subcode.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rawcd_stream rawcd_stream;

/** Options of rawcd_stream_new(). Initialise with RAWCD_STREAM_OPTIONS_INIT. */
struct rawcd_stream_options {
	unsigned version;          /**< RAWCD_STREAM_OPTIONS_VERSION */
	bool scramble;             /**< scramble data sectors (ECMA-130 Annex B), as on the disc; audio never is */
	int32_t first_lba;         /**< 0 (the program area), -150 (from the track-1 pregap) or lower (from a
	                                lead-in start, e.g. RAWCD_LEADIN_DEFAULT); sectors before LBA 0 are
	                                generated in the first track's kind (silence, or zero-data sectors of its
	                                mode with the header of their LBA), as cdrdao's raw writer does */
	uint32_t leadout_sectors;  /**< sectors of lead-out to add after the last lead-out start (0 for none),
	                                generated in the last track's kind */
	bool subcode;              /**< also generate the P–W subcode (rawcd_stream_read_subcode()) */
	const struct rawcd_cdtext_packs *cdtext; /**< with subcode: the lead-in CD-TEXT; NULL for none */
	bool session_gaps;         /**< multisession: also yield what lies between sessions (a lead-out in its
	                                session's last track's kind, the next lead-in and any unstored pregap in
	                                the next session's first track's kind), so LBAs run without a gap */
	bool regenerate_subcode;   /**< with subcode: ignore the subcode the image recorded
	                                (rawcd_disc.recorded_subcode) and generate all of it; false keeps the
	                                recorded P, Q and R–W for the LBAs its file covers */
};
#define RAWCD_STREAM_OPTIONS_VERSION 1
#define RAWCD_STREAM_OPTIONS_INIT { RAWCD_STREAM_OPTIONS_VERSION, false, 0, 0, false, NULL, false, false }

/** Most raw 2352-byte sectors with a wrong sync or header reported one by one; the rest are counted. */
#define RAWCD_STREAM_MAX_SECTOR_WARNINGS 10

/**
 * Open a stream over a laid-out disc: from opts->first_lba (default 0) to the last lead-out (plus
 * opts->leadout_sectors), skipping the gaps between sessions unless opts->session_gaps. Opens the input
 * files.
 * @param out the stream, set only on success; free with rawcd_stream_free().
 * @param disc laid out (rawcd_disc_layout()); must outlive the stream and stay unchanged.
 * @param opts NULL for defaults.
 * @param diag receives warnings while streaming (wrong sync/header in raw sectors, short files); it must
 *        outlive the stream; may be NULL.
 * @return RAWCD_OK; RAWCD_E_ARG (disc not laid out, first_lba > 0 or before RAWCD_LBA_MIN);
 *         RAWCD_E_UNSUPPORTED (subcode of a disc rawcd_subcode_new() refuses); RAWCD_E_INPUT (a file
 *         cannot be opened, named in @p diag with its FILE line; with subcode, a recorded-subcode file
 *         that cannot be opened or is not a whole number of records from its byte_offset on: a cut or
 *         foreign .sub); RAWCD_E_NOMEM. A recorded subcode that ends before the lead-out is a warning:
 *         the rest is generated.
 */
int rawcd_stream_new(rawcd_stream **out, const struct rawcd_disc *disc, const struct rawcd_stream_options *opts,
		     rawcd_diag *diag);

/**
 * The next sectors: up to @p max_sectors consecutive LBAs, all of one track and one extent.
 * @param out room for @p max_sectors * 2352 bytes.
 * @param out_count sectors written; 0 at the end of the disc.
 * @param out_lba the LBA of the first of them.
 * @return RAWCD_OK; RAWCD_E_IO (a read failed: the file and errno are in the diagnostics);
 *         RAWCD_E_INPUT (an audio file could not be decoded).
 */
int rawcd_stream_read(rawcd_stream *stream, uint8_t *out, size_t max_sectors, size_t *out_count,
		      int32_t *out_lba);

/**
 * As rawcd_stream_read(), and the subcode of each sector into @p sub (@p max_sectors entries), when the
 * stream was opened with opts->subcode (else RAWCD_E_ARG). CD+G tracks carry their own R–W through.
 */
int rawcd_stream_read_subcode(rawcd_stream *stream, uint8_t *out, struct rawcd_subchannels *sub,
			      size_t max_sectors, size_t *out_count, int32_t *out_lba);

/**
 * Recorded Q frames so far that differ from what rawcd generates for their LBA (all 12 bytes compared,
 * CRC included), out of @p compared (may be NULL) frames taken from the record; the first such LBA in
 * @p first_lba (may be NULL; unchanged when there is none). 0 when the stream keeps no recorded subcode.
 */
uint64_t rawcd_stream_recorded_q_differences(const rawcd_stream *stream, uint64_t *compared, int32_t *first_lba);

/** Sectors the stream yields in all. */
uint64_t rawcd_stream_total(const rawcd_stream *stream);

/**
 * Say how rawcd_stream_read_records() lays out a sector: RAWCD_IMAGE_RAW96 (2352 main + 96 raw
 * interleaved P–W: MMC data block type 3, IMAPI IS_RAW), RAWCD_IMAGE_PACKED96 (2352 + 96 with R–W
 * packed: type 2, IS_COOKED) or RAWCD_IMAGE_PQ16 (2352 + 16 bytes of P and Q: type 1, PQ_ONLY); the same
 * bytes as rawcd_image_write() writes in that format. rawcd_creator_create_result_image() sets it.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, another format, a stream opened without opts->subcode).
 */
int rawcd_stream_set_record_format(rawcd_stream *stream, enum rawcd_image_format format);

/** Bytes of one record (2448 or 2368), or 0 when no record format is set (or NULL). */
size_t rawcd_stream_record_size(const rawcd_stream *stream);

/** The record format set by rawcd_stream_set_record_format(); RAWCD_IMAGE_BIN when none is. */
enum rawcd_image_format rawcd_stream_record_format(const rawcd_stream *stream);

/**
 * The next records: up to @p max_records consecutive LBAs (one batch of the stream: all of one track
 * and one extent), each rawcd_stream_record_size() bytes, main channel then subcode, as an image file
 * of the record format holds them. This is how a caller reads the image of
 * rawcd_creator_create_result_image() (IMAPI2's IStream) without putting main and subcode together.
 * @param buf room for @p max_records * rawcd_stream_record_size() bytes.
 * @param out_count records written; 0 at the end of the image.
 * @param out_lba LBA of the first (the image of a creator starts at -22650, MSF 95:00:00); may be NULL.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, no record format set); RAWCD_E_IO, RAWCD_E_INPUT (reading an
 *         input or a read callback failed: in the stream's diagnostics), RAWCD_E_NOMEM.
 */
int rawcd_stream_read_records(rawcd_stream *stream, uint8_t *buf, size_t max_records, size_t *out_count,
			      int32_t *out_lba);

/** Close the files and free the stream. Accepts NULL. */
void rawcd_stream_free(rawcd_stream *stream);

#ifdef __cplusplus
}
#endif
#endif
