/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file cdtext.h
 * @brief CD-TEXT packs (MMC-6 Annex J; IEC 61866): built from a disc's CUE texts or read from a
 *        CDTEXTFILE, checked, decoded back to strings, and laid out as READ TOC format 5 returns them.
 *
 * A pack is 18 bytes: type (80h–8Fh), track number (bit 7 extension flag), sequence number, block and
 * character position (bit 7 DBCC, bits 6–4 block, bits 3–0 characters of the current string already in
 * earlier packs, 15 = 15 or more), 12 payload bytes, and a CRC-16 (x^16+x^12+x^5+1, preset 0, inverted,
 * big-endian) over bytes 0–15, the same CRC as the Q subchannel.
 */
#ifndef RAWCD_CDTEXT_H
#define RAWCD_CDTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RAWCD_CDTEXT_PACK_SIZE 18
#define RAWCD_CDTEXT_MAX_PACKS 2048 /**< 8 blocks of at most 256 packs */

/** Pack types (MMC-6 table J.2). */
enum rawcd_cdtext_pack_type {
	RAWCD_PACK_TITLE = 0x80, RAWCD_PACK_PERFORMER = 0x81, RAWCD_PACK_SONGWRITER = 0x82,
	RAWCD_PACK_COMPOSER = 0x83, RAWCD_PACK_ARRANGER = 0x84, RAWCD_PACK_MESSAGE = 0x85,
	RAWCD_PACK_DISC_ID = 0x86, RAWCD_PACK_GENRE = 0x87, RAWCD_PACK_TOC = 0x88, RAWCD_PACK_TOC2 = 0x89,
	RAWCD_PACK_CLOSED = 0x8D, RAWCD_PACK_UPC_ISRC = 0x8E, RAWCD_PACK_SIZE_INFO = 0x8F
};

/** A sequence of packs (all blocks), in the order they are recorded. */
struct rawcd_cdtext_packs {
	uint8_t (*pack)[RAWCD_CDTEXT_PACK_SIZE];
	size_t count;
};

/** CRC-16 of the Q subchannel and of CD-TEXT packs over @p n bytes: x^16+x^12+x^5+1, preset 0, MSB first,
 *  NOT inverted (callers store ~crc). Check value: "123456789" gives 0x31C3 (inverted: 0xCE3C). */
uint16_t rawcd_crc16(const void *data, size_t n);

/**
 * Build block 0 of a disc's CD-TEXT from its CUE texts: types 80h–85h (disc then each track, NUL-ended,
 * packed back to back; a track without the item gets an empty string), 86h DISC_ID, 87h GENRE (genre
 * code 0, then the text), 8Eh UPC/EAN (CATALOG, else UPC_EAN) and track ISRCs (ISRC, else the track's
 * UPC_ISRC item), and the three 8Fh size-information packs (first and last track of the disc,
 * copyright off); character code ISO-8859-1 (UTF-8 input is converted; a character outside Latin-1
 * becomes '?', with one warning naming the sheet; text that is not UTF-8, see rawcd_cdtext.not_utf8, is
 * taken as Latin-1 bytes as it is), language English (09h). Tracks' DISC_ID and GENRE are not recorded
 * (a warning). No packs (count 0) when the disc has no CD-TEXT item: CATALOG and ISRC alone make none.
 * @param out filled on success; free with rawcd_cdtext_packs_finish().
 * @param diag receives the warnings and the error, naming disc->sheet_path; may be NULL.
 * @return RAWCD_OK; RAWCD_E_LAYOUT (over 253 text packs: the texts are too long for one block);
 *         RAWCD_E_ARG (NULL); RAWCD_E_NOMEM.
 */
int rawcd_cdtext_build(struct rawcd_cdtext_packs *out, const struct rawcd_disc *disc, rawcd_diag *diag);

/** One block of CD-TEXT given as strings (a cdrdao TOC file's LANGUAGE n block), for
 *  rawcd_cdtext_build_blocks(). The strings are NUL-ended bytes already in the block's character code. */
struct rawcd_cdtext_block_text {
	uint8_t block;    /**< 0–7: the block number (pack byte 3, bits 6–4); ascending in the array */
	uint8_t language; /**< language code (EBU Tech 3264; 8Fh bytes 28–35: 09h English, 08h German) */
	uint8_t charset;  /**< 8Fh byte 0: 00h ISO-8859-1, 01h ASCII, 80h MS-JIS (double-byte: DBCC bit set,
	                       strings end with two NULs) */
	const struct rawcd_cdtext *disc;   /**< the disc's items (pack track 0); NULL for none */
	const struct rawcd_cdtext *tracks; /**< one per disc->tracks[i]; NULL for none */
};

/**
 * Build CD-TEXT of several blocks (MMC-6 Annex J), each laid out as rawcd_cdtext_build() lays out block
 * 0: types 80h–85h (the disc's string, then each track's; a track without the item gets an empty
 * string), 86h DISC_ID and 87h GENRE (genre code 0, then the text) of the disc, 8Eh UPC_EAN and the tracks'
 * ISRC items — each type only when the block gives it somewhere — then three 8Fh size-information packs
 * (character code, first and last track, copyright off, pack counts of the block, the last sequence
 * number and the language of every block). Sequence numbers start at 0 in each block. The strings are
 * copied as they are (no conversion): the caller gives them in the block's character code. Unlike
 * rawcd_cdtext_build(), CATALOG and the tracks' ISRC (Q channel) are not added: only the blocks' items.
 * @param blocks @p count blocks (at most 8), in ascending block number.
 * @param out filled on success (count 0 when @p count is 0); free with rawcd_cdtext_packs_finish().
 * @param diag receives the error, naming disc->sheet_path; may be NULL.
 * @return RAWCD_OK; RAWCD_E_LAYOUT (a block over 253 text packs); RAWCD_E_ARG (NULL, over 8 blocks, block
 *         numbers not ascending or over 7, an unknown character code); RAWCD_E_NOMEM.
 */
int rawcd_cdtext_build_blocks(struct rawcd_cdtext_packs *out, const struct rawcd_disc *disc,
			      const struct rawcd_cdtext_block_text *blocks, size_t count, rawcd_diag *diag);

/**
 * Read a CDTEXTFILE: 18-byte packs, optionally after the 4-byte READ TOC format 5 header (its length
 * field must match the file: size - 2, or size - 3 when a NUL follows) and followed by one NUL byte
 * (the .cdt files cdrdao, cdrecord and libcdio write). Every pack must be of type 80h–8Fh with a valid
 * CRC. Sequence numbers and size information are left to rawcd_cdtext_decode().
 * @param path the file, opened as given (a CUE sheet's CDTEXTFILE is relative to the sheet's folder).
 * @param out filled on success; free with rawcd_cdtext_packs_finish().
 * @return RAWCD_OK; RAWCD_E_INPUT (cannot read; empty, over 2048 packs or not a whole number of
 *         packs; a damaged pack: the entry names the file and the first such pack, counted from 1, and
 *         its byte offset); RAWCD_E_ARG (NULL); RAWCD_E_NOMEM.
 */
int rawcd_cdtext_read_file(struct rawcd_cdtext_packs *out, const char *path, rawcd_diag *diag);

/**
 * The CD-TEXT of a disc, as a recorder would write it in the lead-in: the packs its reader kept
 * (rawcd_disc.cdtext_pack: a TOC file's language blocks, a .ccd's [CDText]), copied as they are; else the
 * sheet's CDTEXTFILE (a path
 * relative to the sheet's folder), read and checked (CRCs, sequence numbers, size information) with
 * rawcd_cdtext_decode(); else packs built from the sheet's CD-TEXT keywords (rawcd_cdtext_build()). With
 * a CDTEXTFILE, any CD-TEXT keywords of the sheet are left out of the packs, with a warning at the
 * CDTEXTFILE line naming them.
 * @return as those two calls: RAWCD_OK (count 0 when there is no text); RAWCD_E_INPUT (a bad CDTEXTFILE,
 *         named with the sheet's line); RAWCD_E_LAYOUT; RAWCD_E_NOMEM.
 */
int rawcd_cdtext_for_disc(struct rawcd_cdtext_packs *out, const struct rawcd_disc *disc, rawcd_diag *diag);

/**
 * For work that goes on without CD-TEXT (READ TOC formats 0-2, a BIN/CUE image, which only copies the
 * CDTEXTFILE line): read the disc's CDTEXTFILE as rawcd_cdtext_for_disc() would and say each of its
 * errors (a file that does not exist or cannot be read, damaged packs) as a warning at the sheet's
 * CDTEXTFILE line instead, so that it is not dropped without a word. Nothing is kept. The work that
 * records CD-TEXT (images with subcode, burning, READ TOC format 5) calls rawcd_cdtext_for_disc(),
 * where these are errors.
 * @return RAWCD_OK (also when it warned, and without a CDTEXTFILE); RAWCD_E_ARG (NULL @p disc);
 *         RAWCD_E_NOMEM.
 */
int rawcd_cdtext_file_check(const struct rawcd_disc *disc, rawcd_diag *diag);

/** true if the pack's CRC (bytes 16–17) is right. */
bool rawcd_cdtext_pack_crc_ok(const uint8_t pack[RAWCD_CDTEXT_PACK_SIZE]);

/** Free the packs. Accepts an already finished or zeroed struct. */
void rawcd_cdtext_packs_finish(struct rawcd_cdtext_packs *packs);

/** Strings of one block, decoded from packs: item[type - 0x80][track] (track 0 = the disc), NUL-ended
 *  bytes in the block's character code; NULL where absent. Text types: 80h–85h and 8Eh (the disc, then
 *  each track from first_track to last_track), 86h, 87h and 8Dh (the disc only). */
struct rawcd_cdtext_block {
	unsigned block;           /**< 0–7 */
	uint8_t charset;          /**< 8Fh byte 0: 00 ISO-8859-1, 01 ASCII, 80 MS-JIS */
	uint8_t language;         /**< 8Fh language code of the block (09 English, 08 German, ...) */
	unsigned first_track, last_track; /**< 8Fh bytes 1 and 2 */
	char *item[16][RAWCD_MAX_TRACKS + 1];
	uint16_t genre_code;      /**< 87h: the 2-byte genre code before the genre text (0 = not used,
	                               5 = classical, ...); 0 when there is no 87h pack */
};

/**
 * Decode packs to strings, block by block (the inverse of rawcd_cdtext_build(), and what a drive's
 * format 5 response or a .cdt file holds). A track string of one TAB ("as the previous track") is
 * given as the previous track's string. Single-byte text only: a block with double-byte characters
 * (DBCC) is in the output with its size information but no strings.
 * @param out an array of @p out_count blocks (NULL and 0 for no packs), malloc'd; free with
 *        rawcd_cdtext_blocks_free(). Written only on success.
 * @return RAWCD_OK; RAWCD_E_FORMAT (a bad CRC, not a pack type, blocks or sequence numbers out of
 *         order, no or impossible size information); RAWCD_E_ARG (NULL); RAWCD_E_NOMEM.
 */
int rawcd_cdtext_decode(struct rawcd_cdtext_block **out, size_t *out_count, const struct rawcd_cdtext_packs *packs);

/** Free what rawcd_cdtext_decode() returned. Accepts NULL. */
void rawcd_cdtext_blocks_free(struct rawcd_cdtext_block *blocks, size_t count);

/**
 * The READ TOC/PMA/ATIP format 5 response (MMC-6 §6.26.3.7): 2-byte big-endian length (the bytes after
 * it: 2 + 18 * count), 2 reserved bytes, then the packs as they are.
 * @param capacity bytes in @p buf; 4 + 18 * count suffices. @param out_len set on success.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, too small, over RAWCD_CDTEXT_MAX_PACKS packs).
 */
int rawcd_cdtext_encode_response(const struct rawcd_cdtext_packs *packs, uint8_t *buf, size_t capacity,
				 size_t *out_len);

/**
 * Decode a format 5 response into packs (checks the length field and the pack CRCs). @p len is the
 * number of bytes received; bytes after the length the header gives are ignored. A response with no
 * packs (length 2) gives count 0.
 * @param out filled on success; free with rawcd_cdtext_packs_finish().
 * @return RAWCD_OK; RAWCD_E_FORMAT (under 4 bytes, a length beyond @p len or not 2 + 18n, a bad CRC);
 *         RAWCD_E_ARG (NULL); RAWCD_E_NOMEM.
 */
int rawcd_cdtext_decode_response(struct rawcd_cdtext_packs *out, const uint8_t *buf, size_t len);

#ifdef __cplusplus
}
#endif
#endif
