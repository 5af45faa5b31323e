/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file ccd.h
 * @brief CloneCD control files (`.ccd`) → a laid-out disc model, so that CloneCD images can be inspected,
 *        converted and burned (rawcd_input_load() makes the .sub the disc's recorded subcode).
 *
 * A CloneCD image is three files with one stem: `STEM.ccd` (INI text: the full TOC as READ TOC format 2
 * descriptors, tracks and indexes), `STEM.img` (2352-byte sectors from LBA 0 to the lead-out) and
 * `STEM.sub` (96 subcode bytes a sector, channel after channel: P, Q, R … W; subcode.h). Sections and keys
 * as CloneCD, libmirage, Aaru and BizHawk write and read them (research/subcode.md §6):
 *  - `[CloneCD]` Version; `[Disc]` TocEntries, Sessions, DataTracksScrambled, CDTextLength, CATALOG;
 *  - `[Session n]` PreGapMode, PreGapSubC (read, unused);
 *  - `[CDText]` Entries=N, then `Entry k=` for k = 0 … N-1: one CD-TEXT pack in hexadecimal bytes separated
 *    by blanks, 16 of them (the pack without its CRC, as CloneCD writes it: the CRC is computed) or 18
 *    (the CRC given: checked). Each must be of type 80h–8Fh and together they must decode as CD-TEXT
 *    (rawcd_cdtext_decode(): blocks, sequence numbers, size information); they become the disc's
 *    cdtext_pack, in order (so a conversion or a burn carries them to the lead-in). A CDTextLength that
 *    is not N * 18 and a key other than Entries and Entry k are warnings;
 *  - `[Entry n]` one full-TOC descriptor: Session, Point, ADR, Control, TrackNo, AMin, ASec, AFrame, ALBA,
 *    Zero, PMin, PSec, PFrame, PLBA (decimal, or hexadecimal with 0x);
 *  - `[TRACK n]` MODE (0 audio, 1 Mode 1, 2 Mode 2), INDEX k=LBA, ISRC.
 * Section names and keys are matched without regard to case; unknown sections and keys are ignored (other
 * writers add their own).
 *
 * Multisession images (Sessions=2 or more): the entries hold A0, A1 and A2 of every session (B0/C0, ADR 5,
 * are read and not needed); the .img and .sub hold each session's sectors right after the previous
 * session's (the gap between sessions is not stored: libmirage's reading), and a track's INDEX values count
 * from its session's first stored sector. The disc gets its sessions, with lead-out and lead-in lengths
 * (6750, and the rest of the gap less the 150-sector pregap) that lay each later session's first track out
 * at its TOC start.
 *
 * The disc built has one BINARY file (the .img) holding LBA n at sector n (in a later session: the LBA
 * less the gaps before it), marked `scrambled` when DataTracksScrambled=1 (the sector stream then
 * descrambles its data sectors); tracks with their mode
 * (MODE=0 → AUDIO, 1 → MODE1/2352, 2 → MODE2/2352), flags from the CONTROL of their TOC entry (DCP, PRE,
 * 4CH), indexes from `[TRACK n]`, the lead-out from the A2 entry, disc type from A0, CATALOG as the MCN. It
 * is laid out (rawcd_disc_layout()) with the same conventions as a CUE sheet's disc: INDEX 0 starts a
 * track's pregap, track 1's pregap starts at LBA 0, the file's sector count is the lead-out LBA.
 */
#ifndef RAWCD_CCD_H
#define RAWCD_CCD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a .ccd says beyond the disc model. Initialise with `{0}`; release with rawcd_ccd_info_finish(). */
struct rawcd_ccd_info {
	unsigned version;     /**< [CloneCD] Version (2 and 3 exist); 0 when the key is absent */
	bool data_scrambled;  /**< [Disc] DataTracksScrambled=1: the data sectors of the .img are stored
	                           scrambled (ECMA-130 Annex B) */
	char *sub_path;       /**< malloc'd path of the .sub: rawcd_ccd_parse() gives STEM.sub beside the .ccd
	                           without looking; rawcd_ccd_load() gives the file found (exact name, else the
	                           same name in another case), or NULL when there is none */
};

/** Free what @p info owns and zero it. Accepts NULL. */
void rawcd_ccd_info_finish(struct rawcd_ccd_info *info);

/**
 * Parse .ccd text into a laid-out disc, reading no file. Every error names @p ccd_path and the line of
 * the offending key or section (or line 0 for a section that is missing) and says what to do.
 * The .img is taken to be STEM.img beside @p ccd_path and to hold every sector up to the lead-out: its
 * rawcd_file has `loaded` set, `sectors` = the lead-out LBA (several sessions: the sum of their sectors)
 * and `bytes` = sectors * 2352 (rawcd_ccd_load() puts the real size there).
 * @param out the disc, written only on success; free with rawcd_disc_free().
 * @param info written only on success (sub_path = STEM.sub); may be NULL.
 * @param text the .ccd bytes, @p len long (NUL bytes are an error; no terminator needed).
 * @param ccd_path the .ccd's path: names it in diagnostics and gives the stem of the .img and .sub.
 * @param diag errors and warnings (a CONTROL that disagrees with MODE, an ISRC that is ignored); may be NULL.
 * @return RAWCD_OK; RAWCD_E_SYNTAX (a line that is neither `[section]` nor `key=value`, a missing section
 *         or key, a value out of range, tracks or indexes out of order, a track beyond the lead-out, a
 *         TOC entry that disagrees with its [TRACK n], a session without A0/A1/A2, sessions whose tracks
 *         do not follow one another, a later session that starts under 150 sectors after the previous
 *         lead-out, a bad [CDText] entry: its line, or the [CDText] line when the packs do not
 *         decode);
 *         RAWCD_E_ARG (NULL @p out, @p text or @p ccd_path); RAWCD_E_NOMEM.
 */
int rawcd_ccd_parse(struct rawcd_disc **out, struct rawcd_ccd_info *info, const char *text, size_t len,
		    const char *ccd_path, rawcd_diag *diag);

/**
 * Read a .ccd (at most 1 MiB), rawcd_ccd_parse() it and find its files: the .img (exact name, else the
 * same name in another case, with a warning) must exist, and its size goes into files[0].bytes (a size
 * that is not the lead-out's is a warning: sectors beyond the end are missing, sectors after the lead-out
 * are not part of the disc; rawcd_input_load() refuses a short one, since the commands it serves would
 * make the missing sectors up); the .sub is looked up the same way and may be absent (a warning: its
 * subcode is then generated). The .sub's size is checked where it is read (rawcd_stream_new()).
 * @return as rawcd_ccd_parse(); RAWCD_E_INPUT (the .ccd cannot be read or is over 1 MiB, the .img is
 *         missing).
 */
int rawcd_ccd_load(struct rawcd_disc **out, struct rawcd_ccd_info *info, const char *ccd_path, rawcd_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
