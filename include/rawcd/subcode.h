/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file subcode.h
 * @brief The P–W subcode of every sector of a laid-out disc (IEC 60908 §17; ECMA-130 §22), and its
 *        layouts: raw interleaved 96 bytes (MMC data block type 3, IMAPI IS_RAW), packed 96 (type 2,
 *        IMAPI IS_COOKED), 16-byte PQ (type 1, IMAPI PQ_ONLY) and CloneCD's channel-major `.sub`.
 *
 * Units: LBAs (0 = MSF 00:02:00); session 1's lead-in is LBAs below -150 (its MSF wraps above 90:00:00),
 * the track-1 pregap -150..-1, each session's lead-out from its leadout_lba on. A later session's
 * lead-in, pregap and program area have positive LBAs, as rawcd_disc_layout() places them.
 * Facts and where writers disagree: ../shared/research/subcode.md; the choices made are said at each rule.
 */
#ifndef RAWCD_SUBCODE_H
#define RAWCD_SUBCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cdtext.h"
#include "disc.h"
#include "msf.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RAWCD_SUBCODE_SIZE 96  /**< bytes of subcode a sector: 96 bits of each of 8 channels */
#define RAWCD_PQ16_SIZE 16     /**< the PQ-only form: 12 Q bytes, 3 zero bytes, P in bit 7 of byte 15 */
#define RAWCD_Q_SIZE 12        /**< Q: CONTROL<<4|ADR, 9 data bytes, CRC-16 big-endian, inverted */
#define RAWCD_LEADIN_DEFAULT (-22650) /**< 95:00:00, where IMAPI2's images with lead-in start */
#define RAWCD_LEADOUT_DEFAULT 6750    /**< sectors of lead-out a recorder writes (90 s) */

/** One sector's subchannels, de-interleaved. */
struct rawcd_subchannels {
	uint8_t p[12];   /**< the P channel, 96 bits, first bit in bit 7 of p[0] */
	uint8_t q[RAWCD_Q_SIZE];
	uint8_t rw[96];  /**< R–W: one 6-bit symbol a byte (bit 5 = R … bit 0 = W), in recorded order */
};

typedef struct rawcd_subcode rawcd_subcode;

/** Options of rawcd_subcode_new(). Initialise with RAWCD_SUBCODE_OPTIONS_INIT. */
struct rawcd_subcode_options {
	unsigned version;     /**< RAWCD_SUBCODE_OPTIONS_VERSION */
	int32_t leadin_lba;   /**< first LBA of the lead-in: origin of the TOC and CD-TEXT cycles and of the
	                           lead-in running time (default RAWCD_LEADIN_DEFAULT) */
};
#define RAWCD_SUBCODE_OPTIONS_VERSION 1
#define RAWCD_SUBCODE_OPTIONS_INIT { RAWCD_SUBCODE_OPTIONS_VERSION, RAWCD_LEADIN_DEFAULT }

/**
 * A subcode generator for a laid-out disc of one or more sessions.
 * @param out the generator, written only on success; free with rawcd_subcode_free().
 * @param disc laid out; must outlive the generator and not change while it is used.
 * @param cdtext the packs for the lead-in R–W (rawcd_cdtext_build() or rawcd_cdtext_read_file()), copied;
 *        NULL or no packs for none.
 * @param opts NULL for defaults; leadin_lba is session 1's lead-in start (later lead-ins follow the
 *        previous lead-out, see rawcd_subcode_sector()).
 * @return RAWCD_OK; RAWCD_E_ARG (disc not laid out or with no or over 99 tracks; a CATALOG not of 13
 *         digits or an ISRC not of 5 characters 0–9/A–Z and 7 digits; lead-in start not below -150, or
 *         below RAWCD_LBA_MIN; a wrong options version; with several sessions: sessions that
 *         rawcd_toc_from_disc() refuses, a lead-out or lead-in length of 0, or a lead-in that would
 *         reach past the first track's INDEX 01 of its session); RAWCD_E_NOMEM.
 */
int rawcd_subcode_new(rawcd_subcode **out, const struct rawcd_disc *disc, const struct rawcd_cdtext_packs *cdtext,
		      const struct rawcd_subcode_options *opts);

/** Free a generator. Accepts NULL. */
void rawcd_subcode_free(rawcd_subcode *sc);

/**
 * P, Q and R–W of one LBA, from the lead-in start up to any LBA of the last lead-out. Pure: the same LBA always
 * gives the same bytes, in any order of calls (so the R–W interleave, which spans sectors, is not
 * generated here: CD-TEXT in the lead-in is recorded as plain packs, and CD+G input is already raw).
 *
 * What each region gets (the reasons and the writers followed are in src/codec/subcode.c):
 * - session layout: session 1's lead-in runs from the lead-in start to -151; on a multisession disc each
 *   later session k follows the previous one's lead-out [leadout_lba, leadout_lba + leadout_length):
 *   its lead-in for its leadin_length sectors, then its first track's pregap up to that track's INDEX 01
 *   (the 150 sectors rawcd_disc_layout() leaves, even when the sheet gave no INDEX 00), its program area
 *   and its lead-out. The last lead-out has no end.
 * - lead-in of a session: P 0; Q TOC items of that session: ADR 1 A0 (first track, disc type), A1 (last
 *   track), A2 (its lead-out), then each of its tracks' starts, then on a multisession disc ADR 5 B0
 *   (every session but the last) and C0 (session 1), with the values of rawcd_toc_from_disc() in BCD;
 *   every item on 3 sectors, cycling from that lead-in's start; ADR 1 items carry the running time = the
 *   LBA's absolute MSF (95:00:00 at -22650; LBA + 150 in a later lead-in). R–W: in session 1's lead-in
 *   the CD-TEXT packs, 4 a sector, cycling from the lead-in start; zero in later lead-ins.
 * - pregaps (-150 up to track 1's INDEX 01, a later session's first track's pregap, and every index-0
 *   pregap): P 1, INDEX 00, relative time counting down to 00:00:01 on the last pregap sector, CONTROL of
 *   the track that follows.
 * - program: P 0, Q ADR 1 with TNO, INDEX, relative time from INDEX 01, absolute time = LBA + 150; an SCMS
 *   track's copy bit is clear when (LBA + 150) % 8 <= 3, set otherwise. ADR 2 (MCN) replaces it where
 *   (LBA + 150) % 100 == 20, ADR 3 (the owning track's ISRC, pregap included) where it is 70; on a sector
 *   where TNO or INDEX changes (the first sector after a lead-in is one) the frame moves to the next
 *   sector where they do not. Never in a lead-in or lead-out.
 * - lead-out of a session: Q TNO AAh, INDEX 01, relative time from that lead-out's start, the session's
 *   last track's CONTROL; P 1 on its frame 0, 0 on frames 1–149, then 19 frames on and 19 off.
 * @param cdg_rw for an LBA of a CDG track (its pregap included): the 96 raw R–W bytes that follow the
 *        sector in the file (the low 6 bits are used); NULL elsewhere, where it is ignored anyway (R–W is
 *        then zero, or CD-TEXT in the lead-in).
 * @param out written in full on success.
 * @return RAWCD_OK; RAWCD_E_ARG for an LBA before the lead-in start or beyond RAWCD_LBA_MAX (89:59:74).
 */
int rawcd_subcode_sector(const rawcd_subcode *sc, int32_t lba, const uint8_t *cdg_rw, struct rawcd_subchannels *out);

/** Raw interleaved 96 bytes (data block type 3): byte i holds bit (7 - i % 8) of byte i / 8 of every
 *  channel, P in bit 7, Q in bit 6, R–W symbols in bits 5–0. */
void rawcd_subcode_raw96(const struct rawcd_subchannels *sc, uint8_t out[RAWCD_SUBCODE_SIZE]);

/** Packed 96 bytes (data block type 2): P and Q as in the raw form, the R–W symbols as recorded (for the
 *  lead-in's CD-TEXT the same as raw). */
void rawcd_subcode_packed96(const struct rawcd_subchannels *sc, uint8_t out[RAWCD_SUBCODE_SIZE]);

/** PQ 16 bytes (data block type 1): the 12 Q bytes, 3 zero bytes, P (its first bit) in bit 7 of byte 15. */
void rawcd_subcode_pq16(const struct rawcd_subchannels *sc, uint8_t out[RAWCD_PQ16_SIZE]);

/** CloneCD `.sub` layout: 12 bytes of P, then Q, then R, S, T, U, V, W, each channel's 96 bits in order. */
void rawcd_subcode_channels96(const struct rawcd_subchannels *sc, uint8_t out[RAWCD_SUBCODE_SIZE]);

/** The inverse of rawcd_subcode_raw96(), for readers of raw images. */
void rawcd_subcode_from_raw96(struct rawcd_subchannels *out, const uint8_t in[RAWCD_SUBCODE_SIZE]);

/** Write the CRC of a Q frame into bytes 10–11 (CRC-16 of bytes 0–9, inverted, big-endian). */
void rawcd_q_set_crc(uint8_t q[RAWCD_Q_SIZE]);

/** true if bytes 10–11 of a Q frame hold its CRC. */
bool rawcd_q_crc_ok(const uint8_t q[RAWCD_Q_SIZE]);

#ifdef __cplusplus
}
#endif
#endif
