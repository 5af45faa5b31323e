/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal to the .ccd reader: the INI text split into sections and key=value pairs, with their lines. */
#ifndef RCD_INSPECT_CCD_INTERNAL_H
#define RCD_INSPECT_CCD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

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

/* [CDText] (@p sec; NULL when absent) into d->cdtext_pack: Entries=N and Entry 0 .. N-1, each 16 hex bytes
 * (CRC computed) or 18 (CRC checked), of types 80h-8Fh, together valid CD-TEXT (rawcd_cdtext_decode());
 * RAWCD_E_SYNTAX at the line of what is wrong. A CDTextLength= of [Disc] (@p disc) that is not N * 18 is a
 * warning; unknown keys of [CDText] are warnings. */
int rcd_ccd_read_cdtext(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec,
			const struct rcd_ccd_section *disc, struct rawcd_disc *d);

#endif
