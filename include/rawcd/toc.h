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
};

/** A decoded or computed TOC. Plain data, no pointers: copy it freely. */
struct rawcd_toc {
	unsigned first_track, last_track;
	unsigned first_session, last_session;
	int32_t leadout_lba;       /**< lead-out of the last session */
	struct rawcd_toc_track tracks[RAWCD_MAX_TRACKS];
	size_t track_count;
	struct rawcd_toc_descriptor full[RAWCD_TOC_MAX_DESCRIPTORS];
	size_t full_count;         /**< 0 when decoded from a format without a full TOC */
};

/**
 * Compute the TOC of a laid-out disc: tracks and, per session in order, A0 (PMIN first track, PSEC disc
 * type), A1 (PMIN last track), A2 (lead-out MSF), one POINT per track (its INDEX 01 MSF), and for a
 * multisession disc B0 in every session but the last (next program area = lead-out + 11,250, the
 * outermost lead-out = capacity 79:59:74) and C0 in the first (PMIN/PSEC/PFRAME 95:00:00, the lead-in
 * start rawcd's images use; MIN, the writing power, 0). A descriptor's CONTROL is its track's, A2's the
 * session's last track's.
 * @return RAWCD_OK; RAWCD_E_ARG if the disc is not laid out.
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
 * @return RAWCD_OK; RAWCD_E_ARG (bad format, buffer too small); RAWCD_E_UNSUPPORTED (format 2 with no
 *         full TOC, any other format).
 */
int rawcd_toc_encode(const struct rawcd_toc *toc, int format, bool msf, uint8_t *buf, size_t capacity,
		     size_t *out_len);

/**
 * Decode a READ TOC/PMA/ATIP response of format 0, 1 or 2 (as rawcd_toc_encode() or a drive writes
 * it). Checks that the length field fits @p len and the format's descriptor size, so that a drive which
 * answered another format is caught. Track lengths are derived from the next start or the lead-out.
 * Format 1 gives only the first track of the last session and no lead-out (leadout_lba 0).
 * @return RAWCD_OK; RAWCD_E_FORMAT (short, a length that does not fit, descriptors out of order,
 *         values out of range); RAWCD_E_UNSUPPORTED (other formats).
 */
int rawcd_toc_decode(struct rawcd_toc *out, int format, bool msf, const uint8_t *buf, size_t len);

/** Disc identifiers computed from a TOC (its first session's audio tracks, as those services do). */
struct rawcd_disc_ids {
	char freedb[9];          /**< 8 hex digits, from every track of the disc (libdiscid) */
	char musicbrainz[29];    /**< 28 characters (libdiscid), or "" if there is no audio track */
	char accuraterip[32];    /**< "nnn-xxxxxxxx-xxxxxxxx-xxxxxxxx" (audio track count, id1, id2, freedb),
	                              or "" if there is no audio track */
};

/**
 * Compute the freedb, MusicBrainz and AccurateRip identifiers. For a CD-Extra (audio session then a data
 * session, or a trailing data track) MusicBrainz and AccurateRip use the audio tracks only and take the
 * lead-out as the data track's start - 11,400.
 * @return RAWCD_OK; RAWCD_E_ARG for a TOC with no tracks.
 */
int rawcd_toc_disc_ids(struct rawcd_disc_ids *out, const struct rawcd_toc *toc);

/**
 * Render a TOC as the JSON object of DESIGN.md §3: first_track, last_track, leadout_lba, freedb_id,
 * musicbrainz_id, accuraterip_id, tracks[] (number, session, adr, control, start_lba, length) and
 * full_toc[] (session, adr, control, point, min, sec, frame, pmin, psec, pframe). When @p disc is not
 * NULL, adds what only the model knows: mcn, and per track mode, flags, pregap, indexes[] {number, lba}
 * and isrc.
 * @param out a malloc'd NUL-terminated string (pretty-printed, ending in a newline); free() it.
 * @return RAWCD_OK; RAWCD_E_NOMEM.
 */
int rawcd_toc_to_json(char **out, const struct rawcd_toc *toc, const struct rawcd_disc *disc);

#ifdef __cplusplus
}
#endif
#endif
