/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file toc.h
 * @brief The table of contents: computed from a laid-out disc (IMAPI2 ExpectedTableOfContents), encoded
 *        as MMC READ TOC/PMA/ATIP response bytes, decoded back from such bytes (from a drive), and
 *        rendered as JSON with the disc identifiers (freedb, MusicBrainz, AccurateRip).
 *
 * Sources: MMC-6 §6.26 (READ TOC/PMA/ATIP) tables 467–478; ECMA-130 §22.3.4 and IEC 60908 §17.5 for the
 * lead-in Q items (POINT 01–99, A0, A1, A2, B0, C0) that format 2 returns; Orange Book part II for B0/C0.
 */
#ifndef RAWCD_TOC_H
#define RAWCD_TOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RAWCD_TOC_MAX_DESCRIPTORS 512 /**< room for 99 tracks, A0/A1/A2, B0, C0 in up to 99 sessions */

/** One 11-byte full-TOC descriptor (READ TOC format 2), binary values (not BCD). */
struct rawcd_toc_descriptor {
	uint8_t session;
	uint8_t adr;      /**< 1 (track/A0/A1/A2) or 5 (B0, C0) */
	uint8_t control;  /**< CONTROL nibble */
	uint8_t tno;      /**< always 0 in the lead-in */
	uint8_t point;    /**< 01–99, 0xA0, 0xA1, 0xA2, 0xB0, 0xC0 */
	uint8_t min, sec, frame; /**< running lead-in time (0 as drives report it); B0: next program area */
	uint8_t zero;     /**< B0: number of Mode-5 pointers */
	uint8_t pmin, psec, pframe;
};

/** One track as the TOC sees it. */
struct rawcd_toc_track {
	unsigned number;   /**< TNO */
	unsigned session;  /**< 1-based */
	uint8_t adr;       /**< 1 */
	uint8_t control;
	int32_t start_lba; /**< INDEX 01 */
	uint32_t length;   /**< sectors to the next track's start in the session, or to the session's lead-out */
	char isrc[RAWCD_ISRC_SIZE]; /**< the track's ISRC (12 characters), or "" for none or not known: a
				         READ TOC response carries none (rawcd_drive_read_mcn_isrc() reads it) */
};

/** A decoded or computed TOC. Plain data, no pointers: copy it freely. */
struct rawcd_toc {
	unsigned first_track, last_track;
	unsigned first_session, last_session;
	int32_t leadout_lba;       /**< lead-out of the last session */
	char mcn[RAWCD_MCN_SIZE];  /**< the disc's MCN (13 digits), or "" for none or not known: a READ TOC
				        response carries none (rawcd_drive_read_mcn_isrc() reads it) */
	struct rawcd_toc_track tracks[RAWCD_MAX_TRACKS];
	size_t track_count;
	struct rawcd_toc_descriptor full[RAWCD_TOC_MAX_DESCRIPTORS];
	size_t full_count;         /**< 0 when decoded from a format without a full TOC */
};

/**
 * Compute the TOC of a laid-out disc: tracks (length to the next INDEX 01 in the session, else to the
 * session's lead-out) and, per session in order, A0 (PMIN first track, PSEC disc type), A1 (PMIN last
 * track), A2 (lead-out MSF), one POINT per track (its INDEX 01 MSF), and for a multisession disc (ADR 5)
 * B0 in every session but the last (and in the last too when disc->last_session_open) (MIN/SEC/FRAME the next program area = this lead-out + its
 * leadout_length + the next session's leadin_length, 0 read as 6750 and 4500, i.e. lead-out + 11,250 by
 * default; ZERO the number of ADR-5 items in the session, 2 in session 1, else 1; PMIN/PSEC/PFRAME the
 * outermost lead-out RAWCD_DEFAULT_CAPACITY 79:59:74) and C0 in the first (PMIN/PSEC/PFRAME 95:00:00,
 * the lead-in start rawcd's images use; MIN, the writing power, 0). MIN/SEC/FRAME of ADR-1 items are 0,
 * as drives report them. A descriptor's CONTROL is its track's; A0's the session's first track's; A1's,
 * A2's, B0's and C0's the session's last track's. The MCN and each track's ISRC are copied from the
 * model (CATALOG, ISRC; "" where the sheet has none).
 * @param out written only on success. No allocation.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, the disc is not laid out, or its sessions do not cover its
 *         tracks in order with consecutive track numbers 1–99).
 */
int rawcd_toc_from_disc(struct rawcd_toc *out, const struct rawcd_disc *disc);

/**
 * Encode a READ TOC/PMA/ATIP response (MMC-6 §6.26.3).
 * @param format 0 (formatted TOC, one 8-byte descriptor a track then AAh), 1 (session information) or
 *        2 (full TOC, 11-byte descriptors; needs toc->full_count > 0).
 * @param msf for formats 0 and 1: addresses as 0/M/S/F instead of a big-endian LBA (the CDB's MSF bit).
 * @param buf receives the whole response, header included (the 2-byte length counts the bytes after it).
 * @param capacity bytes available in @p buf; 4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS always suffices.
 * @param out_len bytes written, set only on success.
 * Format 0 lists every track of every session, the lead-out of the last session, with first/last track
 * in the header; format 1 the first and last session numbers and the first track of the last session.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, a format outside the CDB's 0–15, buffer too small, format 0/1
 *         of a TOC without tracks); RAWCD_E_UNSUPPORTED (format 2 with no full TOC; formats 3–15).
 */
int rawcd_toc_encode(const struct rawcd_toc *toc, int format, bool msf, uint8_t *buf, size_t capacity,
		     size_t *out_len);

/**
 * Decode a READ TOC/PMA/ATIP response of format 0, 1 or 2 (as rawcd_toc_encode() or a drive writes
 * it). Checks that the length field fits @p len (bytes beyond the response are ignored) and is a whole
 * number of the format's descriptors, so that a drive which answered another format is caught; then
 * that track numbers and addresses ascend, sessions never decrease and stay in the header's range, and
 * MSF values have sec < 60 and frame < 75. Track lengths are derived from the next start in the same
 * session or that session's lead-out.
 * Format 0 carries no session numbers: every track is given session 1 (first/last_session 1), and
 * full_count is 0. Format 1 gives only the first track of the last session (first_track = last_track =
 * it, length 0) and no lead-out (leadout_lba 0). Format 2 rebuilds the tracks from POINTs 01–99,
 * first_track from A0 of the first session, last_track and leadout_lba from A1 and A2 of the last, and
 * keeps every descriptor in full[] as read (ADR-5 items other than B0/C0 too). @p msf applies to formats
 * 0 and 1 only (format 2 is always MSF). No format carries the MCN or ISRCs: they are left "".
 * @param out written only on success. No allocation.
 * @return RAWCD_OK; RAWCD_E_FORMAT (short, a length that does not fit, descriptors out of order,
 *         values out of range, A0/A1/A2 missing or contradicting the tracks); RAWCD_E_UNSUPPORTED
 *         (formats 3–15); RAWCD_E_ARG (NULL, a format outside 0–15).
 */
int rawcd_toc_decode(struct rawcd_toc *out, int format, bool msf, const uint8_t *buf, size_t len);

/**
 * Tell which READ TOC/PMA/ATIP format (MMC-6 §6.26.3) the response in @p buf is, for bytes saved without
 * a note of the CDB that asked for them. The header's length field (the bytes after itself) must fit
 * @p len; what follows it must be, as a whole, 8-byte descriptors ending with the lead-out AAh that
 * rawcd_toc_decode() accepts as format 0, or exactly one 8-byte descriptor of a track that it accepts
 * as format 1, or 11-byte descriptors that it accepts as format 2 (A0, A1, A2 and the tracks), or 18-byte
 * CD-TEXT packs each with a good CRC (format 5, MMC-6 table 478; rawcd_cdtext_pack_crc_ok()). Bytes
 * after the response are ignored, as rawcd_toc_decode() does.
 * @param msf how addresses of formats 0 and 1 are to be read (the CDB's MSF bit; false for LBAs).
 * @return 0, 1, 2 or 5 when exactly one format fits; RAWCD_E_FORMAT when none fits (under 4 bytes, a
 *         length beyond @p len, no descriptors, sizes or content of no format) or more than one does
 *         (ambiguous: give the format); RAWCD_E_ARG (NULL @p buf with @p len > 0). No allocation.
 */
int rawcd_toc_detect_format(const uint8_t *buf, size_t len, bool msf);

/** Disc identifiers computed from a TOC, each the way its service reads a disc. */
struct rawcd_disc_ids {
	char freedb[9];          /**< 8 lower-case hex digits, from every track of the disc (libdiscid) */
	char musicbrainz[29];    /**< 28 characters (libdiscid), or "" if there is no audio track */
	char accuraterip[32];    /**< "nnn-xxxxxxxx-xxxxxxxx-xxxxxxxx" (audio track count, id1, id2, freedb),
	                              or "" if there is no audio track */
};

/**
 * Compute the freedb, MusicBrainz and AccurateRip identifiers (checked against EAC, CUETools, whipper
 * and MusicBrainz values in tests/unit/toc/test_disc_ids.c):
 * - freedb: every track of every session and the last lead-out (a CD-Extra's data track counts).
 * - MusicBrainz: the tracks up to the last audio track (a leading data track stays); if a data track
 *   follows it (CD-Extra), the lead-out is that data track's start - 11,400.
 * - AccurateRip: the audio tracks only, numbered 1..n in order, with the disc's last lead-out L even on
 *   a CD-Extra: id1 = Σ start_i + L, id2 = Σ max(start_i, 1)·i + max(L, 1)·(n + 1) (LBAs, mod 2³²).
 * Uses only tracks[] (number, CONTROL bit 2 = data, start_lba) and leadout_lba, so a decoded format-0
 * TOC gives the same ids as the computed one.
 * @param out written only on success.
 * @return RAWCD_OK; RAWCD_E_ARG (no tracks, starts not ascending, no lead-out after the last start as
 *         in a format-1 TOC, track numbers not consecutive); RAWCD_E_NOMEM.
 */
int rawcd_toc_disc_ids(struct rawcd_disc_ids *out, const struct rawcd_toc *toc);

/**
 * Render a TOC as the JSON object of DESIGN.md §3, keys in this order: first_track, last_track,
 * leadout_lba, mcn, freedb_id, musicbrainz_id, accuraterip_id (each a string, or null when it does
 * not apply), sessions (count), tracks[] (number, session, [mode], adr, control, [flags], start_lba,
 * length, [pregap], [indexes], isrc) and full_toc[] (session, adr, control, point, min, sec, frame,
 * pmin, psec, pframe). mcn and isrc are a string, or null when there is none (or it is not known).
 * The bracketed keys mode, flags, pregap and indexes appear only when @p disc is not NULL (the model
 * @p toc was computed from): mode (rawcd_track_mode_name()), flags (array of "PRE", "DCP", "4CH",
 * "SCMS"), pregap (start_lba - pregap_lba, sectors), indexes[] {number, lba}; mcn and isrc then come
 * from @p disc, else from @p toc (always printed). Without a disc the text depends only on @p toc, so a
 * TOC read from a drive (format 2, with rawcd_drive_read_mcn_isrc()) prints byte for byte like the
 * computed one; a TOC decoded from READ TOC bytes alone has mcn and every isrc null.
 * @param out a malloc'd NUL-terminated string (pretty-printed, two-space indent, ending in a newline);
 *        free() it. Written only on success.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p out or @p toc); RAWCD_E_NOMEM.
 */
int rawcd_toc_to_json(char **out, const struct rawcd_toc *toc, const struct rawcd_disc *disc);

#ifdef __cplusplus
}
#endif
#endif
