/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal to the cdrdao TOC reader: tokens, the parser state shared by the statement and CD-TEXT parsers,
 * and the in-memory entry the fuzz harness and the unit tests call. */
#ifndef RCD_TOCFILE_INTERNAL_H
#define RCD_TOCFILE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/disc.h"

#define RCD_TOC_MAX_FILE (1u << 20)   /* 1 MiB: a TOC file of 99 tracks with 8 CD-TEXT blocks is far less */
#define RCD_TOC_MAX_STRING 4096u      /* bytes of one string (a CD-TEXT item, a file name) */
#define RCD_TOC_MAX_BLOCKS 8          /* CD-TEXT blocks (languages), MMC-6 Annex J */
#define RCD_TOC_MAX_MINUTES 999u      /* MSF minutes accepted: past 99 only a length the layout refuses */
#define RCD_TOC_MAX_NUMBER (1ull << 40) /* samples or bytes: a terabyte is not a CD */

enum rcd_toc_tok {
	RCD_TOK_END,     /* end of the text */
	RCD_TOK_WORD,    /* a keyword or a bare name: letters, digits and '_', starting with a letter */
	RCD_TOK_STRING,  /* "...", escapes resolved */
	RCD_TOK_NUMBER,  /* decimal digits */
	RCD_TOK_MSF,     /* mm:ss:ff (checked: ss < 60, ff < 75) */
	RCD_TOK_PUNCT,   /* one of { } : , # */
	RCD_TOK_BAD      /* something no token starts with; text says what */
};

struct rcd_toc_token {
	enum rcd_toc_tok kind;
	unsigned line;
	char *text;       /* WORD, STRING (NUL-ended, may hold other NULs: see len), PUNCT, BAD */
	size_t len;       /* bytes of a STRING */
	uint64_t value;   /* NUMBER; MSF as frames (sectors) */
};

struct rcd_toc_lexer {
	const char *text;
	size_t len, pos;
	unsigned line;
	unsigned last_line;       /* line of the last token before the end (where the end is reported) */
	const char *path;
	rawcd_diag *diag;
	struct rcd_toc_token tok; /* the current token */
	int error;                /* set by a lexical error (reported once) */
};

/* Start at the first token. Returns RAWCD_OK or the lexical error of the first token. */
int rcd_toc_lex_init(struct rcd_toc_lexer *lx, const char *text, size_t len, const char *path, rawcd_diag *diag);
/* Move to the next token; a lexical error (bad escape, unterminated string, bad MSF) is reported with its
 * line and returned (RAWCD_E_SYNTAX), and the lexer stays on a RCD_TOK_BAD token. */
int rcd_toc_lex_next(struct rcd_toc_lexer *lx);
void rcd_toc_lex_free(struct rcd_toc_lexer *lx);
/* true if the current token is the word @p w (keywords are upper case and matched exactly, as cdrdao). */
bool rcd_toc_is(const struct rcd_toc_lexer *lx, const char *w);
bool rcd_toc_is_punct(const struct rcd_toc_lexer *lx, char c);
/* A few words describing the current token for a message ("the word TRACK", "the end of the file"). */
const char *rcd_toc_describe(const struct rcd_toc_lexer *lx, char *buf, size_t size);

/* CD-TEXT as the TOC file gave it: per block, the disc's items and each track's (bytes as written, after
 * escapes); the charset and language of each block. */
struct rcd_toc_cdtext {
	bool have_map;
	int language[RCD_TOC_MAX_BLOCKS];      /* LANGUAGE_MAP code, -1 where the map has none */
	unsigned map_line[RCD_TOC_MAX_BLOCKS];
	bool used[RCD_TOC_MAX_BLOCKS];         /* a LANGUAGE n block was given (disc or track level) */
	uint8_t charset[RCD_TOC_MAX_BLOCKS];   /* 00 ISO-8859-1, 01 ASCII, 80 MS-JIS (ENCODING_* of the disc block) */
	struct rawcd_cdtext disc[RCD_TOC_MAX_BLOCKS];
	struct rawcd_cdtext *track[RCD_TOC_MAX_BLOCKS]; /* track_cap entries each */
	size_t track_cap;
};

/* The parser's state: the disc being built and, per track, its pieces of data and index positions. */
struct rcd_toc_piece_pos {
	unsigned number; /* index number 2.. (INDEX statements) */
	uint32_t sector; /* sectors from the track's start (its index 1), as cdrdao's INDEX counts */
	unsigned line;
};

struct rcd_toc_track_extra {
	size_t first_file, file_count;    /* the track's pieces in rawcd_disc.files */
	struct rcd_toc_piece_pos pos[RAWCD_MAX_INDEX];
	size_t pos_count;
	bool has_start, has_pregap;
	bool start_at_end;                /* START without a time: all data given so far is the pregap */
	size_t start_pieces;              /* ... which is this many pieces */
	uint32_t start_sector;            /* START mm:ss:ff or PREGAP: sectors of pregap */
	unsigned start_line;
	unsigned sub_mode;                /* 0, or 96: RW / RW_RAW sub-channel bytes after each sector */
	bool rw_raw;
};

struct rcd_toc_parser {
	struct rcd_toc_lexer lx;
	struct rawcd_disc *disc;
	size_t file_cap, track_cap;
	struct rcd_toc_track_extra *extra;  /* track_cap entries */
	struct rcd_toc_cdtext text;
	uint8_t disc_type;
	unsigned first_track_no;
	int rc;                             /* first error */
};

/* Parse the whole text into @p p->disc (model only: no file is opened). Errors carry file and line. */
int rcd_toc_parse_statements(struct rcd_toc_parser *p);

/* CD_TEXT { ... } at the current token (the word CD_TEXT); @p track is -1 for the disc's block. */
int rcd_toc_parse_cdtext(struct rcd_toc_parser *p, long track);

/* Room for @p n tracks in the per-block track arrays. */
int rcd_toc_cdtext_reserve(struct rcd_toc_cdtext *t, size_t n);
void rcd_toc_cdtext_free(struct rcd_toc_cdtext *t, size_t tracks);

/* Report an error at @p line; keeps the first. Returns RAWCD_E_SYNTAX. */
int rcd_toc_fail(struct rcd_toc_parser *p, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Parse a TOC file held in memory (@p len bytes; need not be NUL-ended) into a disc model: tracks, files
 * (names resolved against @p path's folder, not opened), indexes as track-relative positions, CD-TEXT.
 * No file is read. The fuzz harness and the unit tests call this.
 * @param out_text the CD-TEXT blocks, moved to the caller (free with rcd_toc_cdtext_free(out_text,
 *        disc->track_count)); NULL to drop them.
 * @return RAWCD_OK; RAWCD_E_SYNTAX (file:line in @p diag); RAWCD_E_NOMEM.
 */
int rcd_tocfile_parse(const char *text, size_t len, const char *path, struct rawcd_disc **out,
		      struct rcd_toc_cdtext *out_text, struct rcd_toc_track_extra **out_extra, rawcd_diag *diag);

/* Before rawcd_disc_load_files(): one provisional index per piece, so each file is measured in its track's
 * sector size; RW / RW_RAW tracks' files get their 96-byte-longer record size (a warning: R-W dropped). */
int rcd_toc_provisional_indexes(struct rawcd_disc *d, const struct rcd_toc_track_extra *extra, rawcd_diag *diag);

/* After rawcd_disc_load_files(): turn each track's positions into indexes of (piece, sector offset).
 * RAWCD_E_LAYOUT when a position lies past the track's data. */
int rcd_toc_place_indexes(struct rawcd_disc *d, struct rcd_toc_track_extra *extra, rawcd_diag *diag);

/* The CD-TEXT packs of every block (rawcd_cdtext_build_blocks()), and block 0 copied to the CUE-style
 * rawcd_disc.cdtext and rawcd_track.cdtext. */
int rcd_toc_cdtext_finish(struct rawcd_disc *d, struct rcd_toc_cdtext *t, rawcd_diag *diag);

#endif
