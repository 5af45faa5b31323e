/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The verdict on one sector's main channel: is it data, of which mode, and what is wrong with it. The
 * checks themselves are rawcd_sector_check(), the encoders' own code (ECMA-130 §14; CD-ROM XA Forms).
 */
#include "rawcd/inspect.h"

#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/sector.h"

#define SUBHEADER_COPY 4       /* bytes 16..19, then the same again at 20..23 */
#define SYNC_BITS_DATA 12      /* a sync this close to 00 FF×10 00 is a (damaged) data sector */
#define SYNC_BITS_WITH_HEADER 24 /* or this close, when the header names the sector's own LBA */

static const uint8_t sync_field[RAWCD_SYNC_SIZE] = {
	0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00
};

static unsigned sync_bit_errors(const uint8_t *s)
{
	unsigned bits = 0;
	for (size_t i = 0; i < RAWCD_SYNC_SIZE; i++)
		bits += (unsigned)__builtin_popcount((unsigned)(s[i] ^ sync_field[i]));
	return bits;
}

/*
 * Audio samples rarely come near the sync pattern: silence differs in 80 bits, a sector of 0xFF samples
 * in 16 (and its header is not BCD). A damaged data sector keeps most of its sync, or its header.
 */
static bool looks_like_data(const uint8_t *s, const struct rawcd_sector_check *c, enum rawcd_inspect_expect expect)
{
	if (expect == RAWCD_EXPECT_AUDIO)
		return c->sync_ok && c->header_ok;
	unsigned bits = sync_bit_errors(s);
	if (bits <= SYNC_BITS_DATA)
		return true;
	return bits <= SYNC_BITS_WITH_HEADER && c->header_ok && c->mode_byte <= 2;
}

static enum rawcd_inspect_class class_of(enum rawcd_sector_mode mode)
{
	switch (mode) {
	case RAWCD_SECTOR_MODE0: return RAWCD_INSPECT_MODE0;
	case RAWCD_SECTOR_MODE1: return RAWCD_INSPECT_MODE1;
	case RAWCD_SECTOR_MODE2_FORM1: return RAWCD_INSPECT_FORM1;
	case RAWCD_SECTOR_MODE2_FORM2: return RAWCD_INSPECT_FORM2;
	case RAWCD_SECTOR_MODE2: return RAWCD_INSPECT_FORMLESS;
	default: return RAWCD_INSPECT_DAMAGED;
	}
}

/* Mode 0 (an empty sector) is accepted in any data track. */
static bool mode_matches(enum rawcd_inspect_class cls, enum rawcd_inspect_expect expect)
{
	if (cls == RAWCD_INSPECT_DAMAGED)
		return false;
	switch (expect) {
	case RAWCD_EXPECT_AUDIO: return false;
	case RAWCD_EXPECT_MODE1: return cls == RAWCD_INSPECT_MODE0 || cls == RAWCD_INSPECT_MODE1;
	case RAWCD_EXPECT_MODE2: return cls != RAWCD_INSPECT_MODE1;
	default: return true;
	}
}

/*
 * A Mode 2 sector whose two subheader copies differ is formless, unless one copy is damaged: with the
 * other copy written over it, the sector is Form 1 or 2 with a valid (non-zero) EDC. The EDC covers the
 * subheader, so this cannot mistake formless data for XA.
 */
static bool repair_subheader(struct rawcd_sector_check *out, const uint8_t *s, int32_t lba)
{
	uint8_t copy[RAWCD_SECTOR_SIZE];
	for (int keep = 0; keep < 2; keep++) {
		memcpy(copy, s, sizeof(copy));
		size_t from = RAWCD_DATA_OFFSET + (size_t)keep * SUBHEADER_COPY;
		size_t to = RAWCD_DATA_OFFSET + (size_t)(1 - keep) * SUBHEADER_COPY;
		memcpy(copy + to, copy + from, SUBHEADER_COPY);
		struct rawcd_sector_check c;
		rawcd_sector_check(&c, copy, lba);
		bool xa = c.mode == RAWCD_SECTOR_MODE2_FORM1 || c.mode == RAWCD_SECTOR_MODE2_FORM2;
		if (xa && c.edc == RAWCD_CHECK_OK && !c.edc_zero) {
			*out = c;
			return true;
		}
	}
	return false;
}

static unsigned data_findings(const struct rawcd_sector_check *c)
{
	unsigned f = 0;
	if (!c->sync_ok)
		f |= RAWCD_FINDING_SYNC;
	if (!c->header_ok)
		f |= RAWCD_FINDING_HEADER;
	if (c->edc == RAWCD_CHECK_BAD)
		f |= RAWCD_FINDING_EDC;
	if (c->ecc == RAWCD_CHECK_BAD)
		f |= RAWCD_FINDING_ECC;
	if (!c->zero_ok)
		f |= RAWCD_FINDING_ZERO;
	return f;
}

int rawcd_inspect_sector(struct rawcd_inspect_sector *out, const uint8_t *sector, int32_t lba,
			 enum rawcd_inspect_expect expect)
{
	if (!out || !sector || (unsigned)expect > RAWCD_EXPECT_MODE2)
		return RAWCD_E_ARG;
	struct rawcd_sector_check c;
	int rc = rawcd_sector_check(&c, sector, lba);
	if (rc)
		return rc;
	struct rawcd_inspect_sector r = {.cls = RAWCD_INSPECT_AUDIO};
	if (!looks_like_data(sector, &c, expect)) {
		bool data_wanted = expect >= RAWCD_EXPECT_DATA;
		r.findings = data_wanted ? RAWCD_FINDING_MODE : 0;
		*out = r;
		return RAWCD_OK;
	}
	unsigned extra = 0;
	if (c.mode_byte == 2 && !c.subheader_equal && repair_subheader(&c, sector, lba))
		extra = RAWCD_FINDING_SUBHEADER;
	r.cls = class_of(c.mode);
	r.findings = data_findings(&c) | extra;
	if (!mode_matches(r.cls, expect) && (expect != RAWCD_EXPECT_ANY || r.cls == RAWCD_INSPECT_DAMAGED))
		r.findings |= RAWCD_FINDING_MODE;
	r.no_edc = c.edc_zero;
	*out = r;
	return RAWCD_OK;
}

const char *rawcd_inspect_class_name(enum rawcd_inspect_class cls)
{
	static const char *const names[RAWCD_INSPECT_CLASS_COUNT] = {
		"audio", "mode0", "mode1", "form1", "form2", "formless", "damaged",
	};
	return (unsigned)cls < RAWCD_INSPECT_CLASS_COUNT ? names[cls] : "?";
}

const char *rawcd_inspect_finding_name(unsigned finding)
{
	static const char *const names[RAWCD_FINDING_COUNT] = {
		"sync", "header", "mode", "edc", "ecc", "subheader", "zero", "subq_crc", "subq_position", "subp",
		"missing",
	};
	for (unsigned i = 0; i < RAWCD_FINDING_COUNT; i++)
		if (finding == 1u << i)
			return names[i];
	return NULL;
}
