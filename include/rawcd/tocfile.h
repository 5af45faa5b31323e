/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file tocfile.h
 * @brief cdrdao TOC files (`.toc`, cdrdao 1.2.4's grammar) → a laid-out disc model.
 */
#ifndef RAWCD_TOCFILE_H
#define RAWCD_TOCFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Read a cdrdao TOC file (cdrdao(1) "TOC FILES"; cdrdao 1.2.4's grammar, plus the ENCODING_* words of
 * later versions), measure its files and lay the disc out. Each piece of a track's data (SILENCE, ZERO,
 * PREGAP, FILE/AUDIOFILE, DATAFILE) becomes one rawcd_file, in order: RAWCD_FILE_ZERO for the generated
 * ones, else the named file (relative to the TOC file's folder) with its byte_offset (`#offset` plus the
 * start, in bytes) and byte_length (0: to the end); a FILE named *.wav is RAWCD_FILE_WAVE, any other raw
 * audio RAWCD_FILE_MOTOROLA (big-endian, cdrdao(1)); SWAP sets rawcd_file.swap. A piece that is not a
 * whole number of sectors is padded (a warning). START / PREGAP give index 0 at the track's first
 * sector and index 1 that many sectors in; INDEX n positions count from index 1. Modes: AUDIO, MODE0,
 * MODE1 (MODE1/2048), MODE1_RAW (MODE1/2352), MODE2 (RAWCD_MODE_MODE2_FORMLESS), MODE2_FORM1,
 * MODE2_FORM2, MODE2_FORM_MIX (MODE2/2336), MODE2_RAW (MODE2/2352); AUDIO RW_RAW is CDG, other tracks'
 * RW / RW_RAW data is skipped (record_size + 96, a warning). The session's disc type is 00h (CD_DA,
 * CD_ROM), 20h (CD_ROM_XA) or 10h (CD_I). CD_TEXT blocks become rawcd_disc.cdtext_pack (every block,
 * rawcd_cdtext_build_blocks()), block 0 also rawcd_disc.cdtext and each rawcd_track.cdtext.
 * @param out the disc, written only on success; free with rawcd_disc_free().
 * @param opts layout options; NULL for defaults.
 * @return RAWCD_OK; RAWCD_E_SYNTAX (a line breaks the grammar, FIFO, FILE "-": file and line in @p diag);
 *         RAWCD_E_INPUT (the TOC file or a named file cannot be read, an offset or length beyond a file,
 *         a TOC file over 1 MiB); RAWCD_E_LAYOUT (START, PREGAP or INDEX beyond a track's data; the
 *         lead-out beyond the capacity; CD-TEXT too long for a block); RAWCD_E_IO; RAWCD_E_NOMEM.
 */
int rawcd_tocfile_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
		       rawcd_diag *diag);

/** true if @p text (@p len bytes) reads as a cdrdao TOC file: past a UTF-8 BOM and blanks it opens with a
 *  `//` comment (CUE sheets have none), or its first keyword is CD_DA, CD_ROM, CD_ROM_XA, CD_I, CD_TEXT or
 *  FIRST_TRACK_NO, or its first TRACK at the start of a line is followed by a mode word (a CUE sheet's
 *  TRACK is followed by a number). */
bool rawcd_tocfile_sniff(const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
