/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file creator.h
 * @brief Building a disc from code and creating its raw image: the shape of IMAPI2's
 *        IRawCDImageCreator (and IRawCDImageTrackInfo), in C.
 *
 * A program makes a ::rawcd_creator, sets its properties, adds tracks whose data come through
 * ::rawcd_read_fn callbacks (IMAPI passes an IStream), and asks for the result image: a ::rawcd_stream
 * whose records (rawcd_stream_read_records()) are the raw image from MSF 95:00:00 (LBA -22,650, as
 * IMAPI's images start) through the lead-in (TOC in Q, CD-TEXT in R–W), the 150-sector pregap, the
 * tracks and 6,750 lead-out sectors. rawcd_writer (writer.h) writes such an image to a recorder.
 *
 * There is one path from a description to bytes: the creator fills the same disc model
 * (struct rawcd_disc, disc.h) that the CUE, cdrdao TOC and CloneCD readers fill, with one
 * RAWCD_FILE_CALLBACK file a track, and lays it out, streams it, builds its TOC and its CD-TEXT with
 * the functions they use (rawcd_disc_load_files(), rawcd_disc_layout(), rawcd_stream_new(),
 * rawcd_toc_from_disc(), rawcd_cdtext_for_disc()). So the image equals, byte for byte,
 * `rawcd convert --format raw96 --lead-in --lead-out` of a CUE sheet that says the same.
 *
 * Units: LBAs (0 = MSF 00:02:00); lengths and offsets in sectors (1/75 s); data in bytes.
 *
 * IMAPI's rules kept (research/imapi.md §2–3): track numbers 1–99; every track at least 300 sectors
 * (4 s, ECMA-130 §22.3.3.1); the lead-out may not start after StartOfLeadoutLimit (at most 398,099,
 * 88:29:74); indexes at least 10 sectors apart and at most 99 a track; an MCN of 13 digits with a valid
 * EAN/UPC check digit; after rawcd_creator_create_result_image() every setter fails (read-only).
 * Beyond IMAPI (which takes AUDIO only): every ::rawcd_track_mode; a track whose kind (audio or data)
 * differs from the one before gets a 150-sector pregap (IEC 60908 §18); and CD-TEXT
 * (rawcd_creator_set_cdtext(), IMAPI has no CD-TEXT encoder).
 *
 * Errors and IMAPI's HRESULTs (imapi2error.h; research/imapi.md §6). Each error also leaves an entry in
 * the diagnostics that names the IMAPI condition in parentheses, e.g. "(E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE)".
 *
 * | rawcd return (rawcd_strerror())                        | condition                                            | IMAPI HRESULT |
 * |--------------------------------------------------------|------------------------------------------------------|---------------|
 * | RAWCD_E_STATE "not allowed in the object's current state" | a setter after CreateResultImage                  | E_IMAPI_RAW_IMAGE_IS_READ_ONLY 0x80AA0A00 |
 * | RAWCD_E_STATE                                          | StartOfLeadout, TOC, image with no track            | E_IMAPI_RAW_IMAGE_NO_TRACKS 0x80AA0A03 |
 * | RAWCD_E_STATE                                          | special pregap or starting number after a track; a second special pregap | E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED 0x80AA0A04 |
 * | RAWCD_E_STATE                                          | R–W generator with PQ_ONLY, PQ_ONLY with a generator | E_INVALIDARG 0x80070057 |
 * | RAWCD_E_LAYOUT "the disc cannot be laid out"           | a track number would pass 99                         | E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS 0x80AA0A01 |
 * | RAWCD_E_LAYOUT                                         | the lead-out would start after StartOfLeadoutLimit  | E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE 0x80AA0A05 |
 * | RAWCD_E_LAYOUT                                         | a 100th index                                        | E_IMAPI_RAW_IMAGE_TOO_MANY_TRACK_INDEXES 0x80AA0A06 |
 * | RAWCD_E_LAYOUT                                         | an index under 10 sectors from another or the end   | E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX 0x80AA0A0A |
 * | RAWCD_E_ARG "invalid argument"                         | clearing an index that is not there                 | E_IMAPI_RAW_IMAGE_TRACK_INDEX_NOT_FOUND 0x80AA0A07 |
 * | RAWCD_E_ARG                                            | clearing offset 0 (index 1)                          | E_IMAPI_RAW_IMAGE_TRACK_INDEX_OFFSET_ZERO_CANNOT_BE_CLEARED 0x80AA0A09 |
 * | RAWCD_E_ARG                                            | NULL pointer                                         | E_POINTER 0x80004003 |
 * | RAWCD_E_ARG                                            | a track under 300 sectors, a starting number 0 or over 99, a bad MCN or ISRC, a limit over 398,099, another value out of range | E_INVALIDARG 0x80070057 (IMAPI documents no code of its own for these) |
 * | RAWCD_OK                                               | adding an index that exists                          | S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS 0x00AA0A08 (a success) |
 * | RAWCD_E_NOMEM                                          | out of memory                                        | E_OUTOFMEMORY 0x8007000E |
 * | RAWCD_E_INPUT, RAWCD_E_IO (while the image is read)    | a read callback failed, R–W with P or Q bits set     | the IStream's error |
 *
 * | RAWCD_E_STATE                                          | a setter of a loaded disc (rawcd_creator_load())     | E_IMAPI_RAW_IMAGE_IS_READ_ONLY 0x80AA0A00 |
 *
 * A refused call changes nothing. A creator is not thread-safe: one thread at a time.
 *
 * A creator over a loaded disc. rawcd_creator_load() and rawcd_creator_new_from_disc() wrap a disc
 * that a reader built (a CUE sheet, a cdrdao TOC file, a CloneCD image, a raw image: input.h), so a
 * program, and the rawcd CLI's convert, toc and check, reach a file's disc through this API. On such a
 * creator these members work as on a built one: ResultingImageType (get and put),
 * NumberOfExistingTracks, TrackInfo (get; positions 1..n in the file's order, TrackNumber the file's
 * numbers), ExpectedTableOfContents, StartOfLeadout, LastUsedUserSectorInImage, MediaCatalogNumber
 * (get), StartOfLeadoutLimit (get: the default, which is not applied), CreateResultImage and
 * rawcd_creator_disc(). The description stays the file's: StartingTrackNumber, MediaCatalogNumber,
 * DisableGaplessAudio and StartOfLeadoutLimit (put), AddTrack, AddSpecialPregap, AddSubcodeRWGenerator,
 * TrackInfo (put), AddTrackIndex, ClearTrackIndex and the CD-TEXT setter fail with RAWCD_E_STATE
 * (E_IMAPI_RAW_IMAGE_IS_READ_ONLY). IMAPI's rules above are enforced, as errors, for what is added
 * through the API only: a file may hold what IMAPI refuses (a CUE sheet may have a 2-s track, several
 * sessions, a lead-out past 88:29:74 with a larger capacity), and its reader's layout warns of a track
 * under 4 s or a short pregap and checks the lead-out against rawcd_layout_options.capacity_lba, as
 * every command reads the file. The result image of a loaded disc is, byte for byte, what
 * `rawcd convert --format raw96|packed96|pq16 --lead-in --lead-out` writes of the file (the two share
 * one record path): it runs through the lead-outs and lead-ins between sessions and records a CloneCD
 * or raw image's own subcode.
 */
#ifndef RAWCD_CREATOR_H
#define RAWCD_CREATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "disc.h"
#include "image.h"
#include "stream.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RAWCD_CREATOR_MAX_LEADOUT 398099   /**< StartOfLeadoutLimit's maximum and default: 88:29:74 */
#define RAWCD_CREATOR_MIN_TRACK 300        /**< sectors a track needs at least: 4 s */
#define RAWCD_CREATOR_MIN_SPECIAL_PREGAP 150 /**< sectors a special pregap needs at least: 2 s */
#define RAWCD_CREATOR_SPECIAL_PREGAP_END 397799 /**< 88:25:74: a special pregap must end by this LBA */
#define RAWCD_CREATOR_MIN_INDEX_GAP 10     /**< sectors between two indexes (and the last and the end) */
#define RAWCD_CREATOR_GAP 150              /**< silence before tracks 2..n with DisableGaplessAudio */
#define RAWCD_TRACK_INFO_ISRC_SIZE 16 /**< room for an ISRC with its hyphens and the NUL */
#define RAWCD_CREATOR_TOC_MAX (4 + 11 * (RAWCD_MAX_TRACKS + 3)) /**< bytes of the largest expected TOC */

/** IMAPI_CD_TRACK_DIGITAL_COPY_SETTING (values as in imapi2.h). */
enum rawcd_copy_setting {
	RAWCD_COPY_PERMITTED = 0,  /**< Q CONTROL bit 1 set (CUE FLAGS DCP) */
	RAWCD_COPY_PROHIBITED = 1, /**< bit clear: the default here (a CUE track without FLAGS) */
	RAWCD_COPY_SCMS = 2        /**< a copy of a protected track: the copy bit alternates (FLAGS SCMS) */
};

/** IRawCDImageTrackInfo: one track as the creator holds it. */
struct rawcd_track_info {
	int32_t starting_lba;          /**< StartingLba: LBA of INDEX 01 (read-only) */
	uint32_t sector_count;         /**< SectorCount: sectors from INDEX 01 to the next track's pregap or the
	                                    lead-out (read-only) */
	unsigned track_number;         /**< TrackNumber = position + StartingTrackNumber - 1 (read-only) */
	enum rawcd_track_mode sector_type; /**< SectorType: the mode given to rawcd_creator_add_track() (read-only) */
	char isrc[RAWCD_TRACK_INFO_ISRC_SIZE]; /**< ISRC: 12 characters (country, owner, year, designation,
	                                    no hyphens), or "" for none; NUL-terminated. On input the printed
	                                    form with hyphens, "US-K7Y-98-12345", is taken too */
	enum rawcd_copy_setting digital_audio_copy_setting; /**< DigitalAudioCopySetting (audio tracks) */
	bool audio_has_preemphasis;    /**< AudioHasPreemphasis: Q CONTROL bit 0 (audio tracks) */
	uint32_t track_indexes[RAWCD_MAX_INDEX]; /**< TrackIndexes: offsets in sectors from StartingLba of
	                                    INDEX 01, 02, ... in ascending order; the first is always 0 */
	size_t index_count;            /**< entries of track_indexes used, 1–99 */
};

typedef struct rawcd_creator rawcd_creator;

/**
 * A new creator (CoCreateInstance of MsftRawCDImageCreator): ResultingImageType RAWCD_IMAGE_RAW96,
 * StartingTrackNumber 1, no MCN, DisableGaplessAudio false, StartOfLeadoutLimit 398,099, no tracks.
 * (IMAPI's ResultingImageType default is IS_COOKED; rawcd's is IS_RAW, what rawcd convert writes.)
 * @param out written only on success; free with rawcd_creator_free().
 * @param diag receives the diagnostics of every later call on the creator and of the image streams it
 *        makes; must outlive them; may be NULL.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p out); RAWCD_E_NOMEM.
 */
int rawcd_creator_new(rawcd_creator **out, rawcd_diag *diag);

/** Free a creator. Accepts NULL. A stream from rawcd_creator_create_result_image() must be freed first. */
void rawcd_creator_free(rawcd_creator *c);

/**
 * A creator over a disc a reader built (see "A creator over a loaded disc" above): StartingTrackNumber
 * the first track's number, the MCN the disc's, ResultingImageType RAWCD_IMAGE_RAW96. The disc need not
 * be laid out (a CUE sheet parsed without its files: rawcd_cue_parse_file()); until it is, TrackInfo,
 * ExpectedTableOfContents, StartOfLeadout and CreateResultImage fail with RAWCD_E_STATE and only
 * NumberOfExistingTracks and the MCN answer. Nothing is checked or warned of: the reader did that.
 * @param disc taken over, also on failure: the creator frees it (rawcd_creator_free()); the caller must
 *        not free or change it afterwards (read it through rawcd_creator_disc()).
 * @param diag as for rawcd_creator_new(); may be NULL.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p out or @p disc); RAWCD_E_NOMEM.
 */
int rawcd_creator_new_from_disc(rawcd_creator **out, struct rawcd_disc *disc, rawcd_diag *diag);

/**
 * rawcd_input_load() of @p path (a CUE sheet, a cdrdao TOC file, a .ccd or a raw image, detected by
 * content; its files read and measured, the disc laid out against @p opts' capacity) wrapped by
 * rawcd_creator_new_from_disc(). The reader's warnings (a track under 4 s, ...) go to @p diag.
 * @param opts layout options (capacity_lba); NULL for the defaults.
 * @param out written only on success; free with rawcd_creator_free().
 * @return RAWCD_OK; RAWCD_E_ARG (NULL); any code of rawcd_input_load() (RAWCD_E_SYNTAX, RAWCD_E_INPUT,
 *         RAWCD_E_LAYOUT, RAWCD_E_UNSUPPORTED) with its entries; RAWCD_E_NOMEM.
 */
int rawcd_creator_load(rawcd_creator **out, const char *path, const struct rawcd_layout_options *opts,
		       rawcd_diag *diag);

/** true when @p c wraps a loaded disc (rawcd_creator_load(), rawcd_creator_new_from_disc()). */
bool rawcd_creator_is_loaded(const rawcd_creator *c);

/**
 * ResultingImageType (put): RAWCD_IMAGE_RAW96 (IMAPI_FORMAT2_RAW_CD_SUBCODE_IS_RAW, 2448-byte records),
 * RAWCD_IMAGE_PACKED96 (IS_COOKED, 2448) or RAWCD_IMAGE_PQ16 (PQ_ONLY, 2368).
 * @return RAWCD_OK; RAWCD_E_ARG (another format); RAWCD_E_STATE (read-only; PQ16 with an R–W generator).
 */
int rawcd_creator_set_result_type(rawcd_creator *c, enum rawcd_image_format f);

/** ResultingImageType (get). */
enum rawcd_image_format rawcd_creator_result_type(const rawcd_creator *c);

/**
 * StartingTrackNumber (put): the number of the first track, 1–99; only before the first track.
 * @return RAWCD_OK; RAWCD_E_ARG (0 or over 99); RAWCD_E_STATE (tracks added; read-only).
 */
int rawcd_creator_set_starting_track_number(rawcd_creator *c, unsigned n);

/**
 * MediaCatalogNumber (put): 13 decimal digits (EAN-13/UPC-A; Q mode 2, CUE CATALOG) whose last is the
 * check digit: (10 - (d1 + 3·d2 + d3 + 3·d4 + … + 3·d12) mod 10) mod 10. Fewer digits are taken with
 * leading zeros added, as IMAPI does; NULL or "" removes the MCN.
 * @return RAWCD_OK; RAWCD_E_ARG (not digits, over 13 of them, a wrong check digit); RAWCD_E_STATE (read-only).
 */
int rawcd_creator_set_mcn(rawcd_creator *c, const char *mcn13);

/** MediaCatalogNumber (get): the 13 digits, or "" for none. Never NULL. */
const char *rawcd_creator_mcn(const rawcd_creator *c);

/**
 * DisableGaplessAudio (put). false (the default): the tracks follow one another with no gap, only track
 * 1 has the 150-sector pregap (LBA -150..-1). true: a 150-sector silent pregap (INDEX 00, P = 1) before
 * each of tracks 2..n, as CUE `PREGAP 00:02:00` makes. (IMAPI's pages contradict themselves; this is
 * what imapi2.dll and its users do: research/imapi.md §7.) It applies to every track, including those
 * already added.
 * @return RAWCD_OK; RAWCD_E_LAYOUT (true would move the lead-out past StartOfLeadoutLimit);
 *         RAWCD_E_STATE (read-only).
 */
int rawcd_creator_set_disable_gapless_audio(rawcd_creator *c, bool disable);

/**
 * StartOfLeadoutLimit (put): the latest LBA the lead-out may start at, 0–398,099 (88:29:74, IMAPI's
 * documented maximum; also the default). Compare rawcd_writer_last_possible_start_of_leadout().
 * @return RAWCD_OK; RAWCD_E_ARG (negative or over 398,099); RAWCD_E_LAYOUT (below the tracks already
 *         added: their lead-out starts later); RAWCD_E_STATE (read-only).
 */
int rawcd_creator_set_start_of_leadout_limit(rawcd_creator *c, int32_t lba);

/** StartOfLeadoutLimit (get). */
int32_t rawcd_creator_start_of_leadout_limit(const rawcd_creator *c);

/**
 * AddTrack: append a track of @p sectors sectors whose data @p read gives, in order, in sectors of the
 * mode's file sector size (rawcd_track_mode_file_sector_size(): 2352 bytes for RAWCD_MODE_AUDIO, as
 * 16-bit little-endian stereo samples, left then right, as in a WAVE file; 2048 for MODE1/2048 and
 * 2336 for MODE2/2336, which rawcd encodes into Mode 1 or Mode 2 sectors; 2352 for raw sectors; 2448
 * for CDG). Nothing is read now: @p read is called while the result image is read. Index 1 at offset 0;
 * DigitalAudioCopySetting PROHIBITED, no pre-emphasis, no ISRC (set them with
 * rawcd_creator_set_track_info()).
 * @param ctx passed to @p read; the caller keeps it alive until the image stream is freed.
 * @param track receives the track's position, 1 for the first added (IMAPI's trackIndex, not its number:
 *        number = position + StartingTrackNumber - 1); may be NULL.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p read, a mode out of range, under 300 sectors);
 *         RAWCD_E_LAYOUT (its number would pass 99; the lead-out would start after
 *         StartOfLeadoutLimit); RAWCD_E_STATE (read-only); RAWCD_E_NOMEM. A refused track is not added.
 */
int rawcd_creator_add_track(rawcd_creator *c, enum rawcd_track_mode mode, rawcd_read_fn read, void *ctx,
			    uint32_t sectors, unsigned *track);

/** NumberOfExistingTracks: tracks added so far. */
unsigned rawcd_creator_track_count(const rawcd_creator *c);

/**
 * AddSpecialPregap: audio (2352-byte sectors, as for an audio track) before track 1's INDEX 01, the
 * "hidden track" a player reaches only by rewinding from track 1: the 150 silent sectors -150..-1 stay,
 * the @p sectors sectors take LBAs 0..sectors-1 as track 1's INDEX 00, and track 1's INDEX 01 moves to
 * LBA @p sectors. Only before the first track, once.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p read, under 150 sectors); RAWCD_E_LAYOUT (ending after LBA
 *         397,799, 88:25:74); RAWCD_E_STATE (tracks added, a second call, read-only); RAWCD_E_NOMEM.
 */
int rawcd_creator_add_special_pregap(rawcd_creator *c, rawcd_read_fn read, void *ctx, uint32_t sectors);

/**
 * AddSubcodeRWGenerator: R–W of the program area from @p read instead of zeros: 96 bytes a sector, one
 * 6-bit symbol a byte (bit 5 = R … bit 0 = W; bits 7 and 6, P and Q, must be 0, else reading the image
 * fails with RAWCD_E_INPUT), for every sector from LBA -150 (track 1's pregap) to the last before the
 * lead-out, in order: (StartOfLeadout + 150) * 96 bytes in all. The lead-in keeps the CD-TEXT (or
 * zeros), the lead-out zeros. rawcd computes no R–W parity and no interleave (it has no packed→raw
 * R–W encoder): the bytes are recorded as given, laid out as rawcd_subcode_raw96() and
 * rawcd_subcode_packed96() lay out R–W symbols (the two are the same for R–W). So with RAWCD_IMAGE_RAW96
 * the generator must give R–W as it is on the disc (parity added and interleaved, as a CD+G file holds
 * it); with RAWCD_IMAGE_PACKED96 it gives packed R–W, which a recorder writing data block type 2 encodes.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p read); RAWCD_E_STATE (result type PQ16, a second generator,
 *         read-only).
 */
int rawcd_creator_add_subcode_rw_generator(rawcd_creator *c, rawcd_read_fn read, void *ctx);

/**
 * TrackInfo (get): the track at position @p track (1 = the first added).
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, no such track).
 */
int rawcd_creator_track_info(rawcd_creator *c, unsigned track, struct rawcd_track_info *out);

/**
 * TrackInfo (put): ISRC, DigitalAudioCopySetting, AudioHasPreemphasis and TrackIndexes of the track at
 * position @p track; the read-only members of @p in are ignored. Indexes: the first 0, ascending, each at
 * least 10 sectors after the one before and 10 before the track's end, at most 99.
 * @return RAWCD_OK; RAWCD_E_ARG (no such track, an ISRC not of 2 letters, 3 letters or digits, 7
 *         digits; a copy setting out of range; indexes not starting at 0 or not ascending; ISRC, copy
 *         setting or pre-emphasis on a data track); RAWCD_E_LAYOUT (over 99 indexes, two too close);
 *         RAWCD_E_STATE (read-only). A refused call changes nothing.
 */
int rawcd_creator_set_track_info(rawcd_creator *c, unsigned track, const struct rawcd_track_info *in);

/**
 * IRawCDImageTrackInfo::AddTrackIndex: an index @p offset sectors after the track's INDEX 01.
 * @return RAWCD_OK (also when it exists: IMAPI's S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS);
 *         RAWCD_E_ARG (no such track, @p offset not inside it); RAWCD_E_LAYOUT (a 100th index, under 10
 *         sectors from another or the end); RAWCD_E_STATE (read-only).
 */
int rawcd_creator_add_track_index(rawcd_creator *c, unsigned track, uint32_t offset);

/**
 * IRawCDImageTrackInfo::ClearTrackIndex: remove the index at @p offset.
 * @return RAWCD_OK; RAWCD_E_ARG (no such track or index, offset 0); RAWCD_E_STATE (read-only).
 */
int rawcd_creator_clear_track_index(rawcd_creator *c, unsigned track, uint32_t offset);

/**
 * CD-TEXT (not in IMAPI, which has none; named as IMAPI would): the text of one item for the disc
 * (@p track 0) or the track at position @p track, as a CUE sheet's TITLE, PERFORMER, ... give it, in
 * UTF-8 (converted to ISO-8859-1 in the packs; rawcd_cdtext_build()). NULL or "" removes it. The packs
 * are recorded in the lead-in's R–W (not with RAWCD_IMAGE_PQ16, which has no R–W).
 * @return RAWCD_OK; RAWCD_E_ARG (no such track, an item out of range, RAWCD_CDTEXT_UPC_ISRC: use the MCN
 *         and the ISRC); RAWCD_E_STATE (read-only); RAWCD_E_NOMEM.
 */
int rawcd_creator_set_cdtext(rawcd_creator *c, unsigned track, enum rawcd_cdtext_item item, const char *text);

/**
 * ExpectedTableOfContents: the READ TOC/PMA/ATIP format 2 response (full TOC: 4-byte header, 11-byte
 * descriptors A0, A1, A2 and one a track; MMC-6 §6.26.3.4) a drive will return for the disc once
 * written, as rawcd_toc_encode() makes it and `rawcd toc --format binary --toc-format 2` prints it.
 * (imapi2.dll returns a format-0 TOC, with a bug; research/imapi.md §2.2.)
 * @param cap bytes in @p buf; RAWCD_CREATOR_TOC_MAX always suffices. @param len set on success.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, too small); RAWCD_E_STATE (no tracks).
 */
int rawcd_creator_expected_toc(rawcd_creator *c, uint8_t *buf, size_t cap, size_t *len);

/** StartOfLeadout: the LBA where the lead-out starts (LastUsedUserSectorInImage + 1); RAWCD_E_STATE
 *  (negative) when there is no track. */
int32_t rawcd_creator_start_of_leadout(const rawcd_creator *c);

/** LastUsedUserSectorInImage: the last LBA of the last track (StartOfLeadout - 1); RAWCD_E_STATE when
 *  there is no track. */
int32_t rawcd_creator_last_used_user_sector(const rawcd_creator *c);

/**
 * CreateResultImage: the raw image, a ::rawcd_stream of records in the ResultingImageType
 * (rawcd_stream_record_size(): 2448 or 2368 bytes; read them with rawcd_stream_read_records()): from
 * LBA -22,650 (95:00:00) through 22,500 lead-in sectors (zero main channel, the TOC in Q, the CD-TEXT in
 * R–W), 150 pregap sectors, the special pregap and the tracks, and 6,750 lead-out sectors:
 * (22,650 + StartOfLeadout + 6,750) records in all (rawcd_stream_total()). Data sectors are not
 * scrambled (as rawcd convert writes them; rawcd_writer scrambles what it sends). The callbacks are
 * called while the records are read. Once only: the creator is read-only from then on.
 * @param out written only on success; free with rawcd_stream_free() before the creator.
 * @return RAWCD_OK; RAWCD_E_STATE (no tracks, a second call); RAWCD_E_LAYOUT (CD-TEXT too long);
 *         RAWCD_E_NOMEM.
 */
int rawcd_creator_create_result_image(rawcd_creator *c, rawcd_stream **out);

/** The disc model the creator built, laid out (NULL before the first track), or the loaded disc it
 *  wraps: what the readers give, for rawcd_toc_from_disc(), rawcd_toc_to_json(), rawcd_image_write()
 *  and the like. Owned by the creator; it changes with each call that changes the creator. Reading the
 *  sectors of a built disc (rawcd_image_write(), rawcd_burn(), a stream) calls the read callbacks,
 *  which cannot give their data twice (::rawcd_read_fn): do that instead of
 *  rawcd_creator_create_result_image(), not as well. A loaded disc's files can be read any number of
 *  times. */
const struct rawcd_disc *rawcd_creator_disc(const rawcd_creator *c);

#ifdef __cplusplus
}
#endif
#endif
