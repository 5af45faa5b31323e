/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal to the .ccd reader: the INI text split into sections and key=value pairs, with their lines. */
#ifndef RCD_INSPECT_CCD_INTERNAL_H
#define RCD_INSPECT_CCD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <stdint.h>

#include "rawcd/diag.h"
#include "rawcd/disc.h"

#define RCD_CCD_MAX_TEXT (1u << 20) /* 1 MiB: a .ccd of 99 tracks with CD-TEXT is under 100 KiB */
#define RCD_CCD_NO_NUMBER (-1L)     /* a section without a number ([Disc]) */

struct rcd_ccd_kv {
	const char *key;   /* trimmed, NUL-terminated, inside rcd_ccd_doc.buf */
	const char *value; /* trimmed, may be "" */
	unsigned line;
};

struct rcd_ccd_section {
	const char *name;  /* "Disc", "Entry", "TRACK", ... as written */
	long number;       /* [Entry 3] → 3; RCD_CCD_NO_NUMBER without one */
	unsigned line;
	size_t first, count; /* its pairs: kv[first .. first + count) */
};

struct rcd_ccd_doc {
	char *buf;                       /* owned copy of the text, cut into strings */
	struct rcd_ccd_section *sec;
	size_t sec_count;
	struct rcd_ccd_kv *kv;
	size_t kv_count;
	const char *path;                /* the .ccd, for diagnostics */
	rawcd_diag *diag;
};

/* Split @p text into sections and pairs. Blank lines and lines starting with ';' or '#' are skipped; CR,
 * LF and CRLF end lines. Errors (RAWCD_E_SYNTAX with the line): a NUL byte, a line that is neither
 * "[name]", "[name N]" nor "key=value", a pair before any section. Repeated sections and keys are
 * found by the reader (rcd_ccd_get()). */
int rcd_ccd_lex(struct rcd_ccd_doc *doc, const char *text, size_t len, const char *path, rawcd_diag *diag);
void rcd_ccd_doc_free(struct rcd_ccd_doc *doc);

/* "[Name]" or "[Name N]" of a section into @p buf (truncated to @p size). Returns @p buf. */
char *rcd_ccd_label(const struct rcd_ccd_section *sec, char *buf, size_t size);

/* The pair @p key (no regard to case) of @p sec into *out, NULL when absent. RAWCD_E_SYNTAX (with the
 * line) when the key is given twice: only keys that are looked up are checked, so the cost stays linear. */
int rcd_ccd_get(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec, const char *key,
		const struct rcd_ccd_kv **out);

/* An integer: decimal, or hexadecimal after 0x; an optional '-'. RAWCD_E_SYNTAX naming the key and its
 * line if it is not a number or not in min..max. */
int rcd_ccd_int(const struct rcd_ccd_doc *doc, const struct rcd_ccd_kv *kv, long min, long max, long *out);

/* rcd_ccd_int() of a key that must be there (an error naming the section's line if it is not); with
 * @p optional, a missing key gives @p dflt instead. */
int rcd_ccd_key_int(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec, const char *key,
		    long min, long max, bool optional, long dflt, long *out);

/* Sessions of a .ccd (ccd_sessions.c): what the full TOC's A0, A1 and A2 of each session say, and where
 * the session lies in the .img, which holds the sessions' readable sectors back to back (libmirage's
 * reader: each track's data follows the previous track's; the lead-out, lead-in and unstored pregap
 * between sessions are not there). [TRACK n] INDEX values count from the session's first stored sector. */
#define RCD_CCD_MAX_SESSIONS 99

struct rcd_ccd_session {
	bool have_a0, have_a1, have_a2;
	long first, last, disc_type; /* A0 PMin, A1 PMin, A0 PSec */
	int32_t leadout;             /* A2 as an LBA */
	unsigned line;               /* of its A0 entry */
	int32_t base;                /* the LBA its INDEX values count from (0 in session 1) */
	uint32_t img_pos;            /* the .img sector of that LBA */
};

struct rcd_ccd_sessions {
	long count;                  /* [Disc] Sessions */
	struct rcd_ccd_session s[RCD_CCD_MAX_SESSIONS + 1]; /* s[1] .. s[count] */
};

/* An ADR 1 entry with Point A0, A1 or A2 of @p session (1 .. count) into @p ss; a repeat is an error. */
int rcd_ccd_session_point(struct rcd_ccd_sessions *ss, const struct rcd_ccd_doc *doc, unsigned line,
			  long session, long point, const long p[3]);

/* Every session has A0, A1, A2, its tracks follow the previous session's, its lead-out is after the
 * previous one. @p disc_line names [Disc] in the errors. */
int rcd_ccd_sessions_check(const struct rcd_ccd_sessions *ss, const struct rcd_ccd_doc *doc, unsigned disc_line);

/* The session (1 .. count) whose A0..A1 hold track @p number; 0 for none. */
long rcd_ccd_session_of(const struct rcd_ccd_sessions *ss, unsigned number);

/* Each session's base and .img position, from the TOC start (@p toc_lba) and the INDEX 1 value
 * (@p index1) of its first track, both indexed by track number. RAWCD_E_SYNTAX when a session's first
 * track would start before its base or the sessions overlap. */
int rcd_ccd_sessions_place(struct rcd_ccd_sessions *ss, const struct rcd_ccd_doc *doc, const int32_t *toc_lba,
			   const int32_t *index1, const unsigned *index1_line);

/* d->sessions from @p ss: their tracks (d->tracks holds them in order), disc types, and lead-out and
 * lead-in lengths that make rawcd_disc_layout() put each later session's first track at its TOC start
 * (@p toc_lba by track number): lead-out 6750 and the rest of the gap, less the 150-sector pregap, as
 * lead-in. The .img's sector count (every session's sectors) into *img_sectors. */
int rcd_ccd_sessions_build(const struct rcd_ccd_sessions *ss, const struct rcd_ccd_doc *doc, struct rawcd_disc *d,
			   const int32_t *toc_lba, uint32_t *img_sectors);

/* [CDText] (@p sec; NULL when absent) into d->cdtext_pack: Entries=N and Entry 0 .. N-1, each 16 hex bytes
 * (CRC computed) or 18 (CRC checked), of types 80h-8Fh, together valid CD-TEXT (rawcd_cdtext_decode());
 * RAWCD_E_SYNTAX at the line of what is wrong. A CDTextLength= of [Disc] (@p disc) that is not N * 18 is a
 * warning; unknown keys of [CDText] are warnings. */
int rcd_ccd_read_cdtext(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec,
			const struct rcd_ccd_section *disc, struct rawcd_disc *d);

#endif
