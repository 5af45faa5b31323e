/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Choosing the write mode (DESIGN.md §5; research/burn.md §1.1 and §1.5): MODE SELECT of page 05h with
 * one write type / data block type pair after the other, as libburn and wodim probe them, keeping the
 * first the drive accepts: RAW with data block type 3 (raw P-W: everything as rawcd generates it), RAW
 * with type 1 (P and Q only), then SAO with a cue sheet: with data block type 3 and the CD-TEXT as R-W
 * over the lead-in (cdrdao's page for a CD-TEXT lead-in) when the sheet has CD-TEXT, else type 0. SAO is
 * asked for only when feature 002Eh reports it (and R-W, for the CD-TEXT) and the cue sheet fits its
 * maximum length. A note says which mode was chosen and why.
 */
#include "burn_internal.h"

#include <stdio.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

struct variant {
	enum rawcd_write_mode mode;
	uint8_t write_type, block_type;
	bool cdtext_leadin; /* SAO: the host writes the lead-in's R-W */
	const char *label;  /* how a list of refusals names it */
	const char *what;   /* what the note says it writes */
};

static const struct variant variants[] = {
	{RAWCD_WRITE_RAW96R, RAWCD_MMC_WRITE_RAW, RAWCD_MMC_DBT_RAW_PW, false, "RAW with data block type 3",
	 "2448-byte blocks with raw P-W: Q, CD-TEXT and CD+G as generated"},
	{RAWCD_WRITE_RAW16, RAWCD_MMC_WRITE_RAW, RAWCD_MMC_DBT_RAW_PQ, false, "RAW with data block type 1",
	 "2368-byte blocks with P and Q only: no CD-TEXT, no CD+G graphics"},
	{RAWCD_WRITE_SAO, RAWCD_MMC_WRITE_SAO, RAWCD_MMC_DBT_RAW_PW, true,
	 "SAO with data block type 3 and the CD-TEXT lead-in",
	 "a cue sheet, the CD-TEXT in 96-byte R-W blocks over the lead-in, then 2352-byte blocks of main "
	 "channel from LBA -150; the drive writes P, Q, the TOC and the lead-out"},
	{RAWCD_WRITE_SAO, RAWCD_MMC_WRITE_SAO, RAWCD_MMC_DBT_RAW, false, "SAO with data block type 0",
	 "a cue sheet and 2352-byte blocks of main channel from LBA -150; the drive writes the lead-in, P, Q "
	 "and the lead-out"},
};
#define VARIANTS (sizeof(variants) / sizeof(variants[0]))
#define WHY_MAX (RAWCD_SENSE_MESSAGE_MAX + 64)
#define LIST_MAX (VARIANTS * (WHY_MAX + 64))
#define RAW16 1 /* variants[RAW16]: the fallback whose note stays a warning (it loses R-W) */
#define SAO_CDTEXT 2

enum outcome {
	LEFT_OUT = 0, /* not for this burn: another forced mode, no CD-TEXT to write */
	SKIPPED,      /* not sent: the features say the drive cannot (why says it) */
	REFUSED       /* MODE SELECT refused (why holds the sense) */
};

struct choice {
	enum outcome outcome[VARIANTS];
	char why[VARIANTS][WHY_MAX];
};

static bool disc_has_cdg(const struct rcd_burn *b)
{
	for (size_t i = 0; i < b->disc->track_count; i++)
		if (b->disc->tracks[i].mode == RAWCD_MODE_CDG)
			return true;
	return false;
}

/* Whether @p v is not asked for; *out says how (LEFT_OUT or SKIPPED, with why). */
static bool skip(const struct rcd_burn *b, const struct variant *v, enum outcome *out, char *why)
{
	const struct rawcd_mmc_cd_mastering *m = &b->info.cd_mastering;
	size_t cue_len = rawcd_mmc_cue_sheet_length(b->disc);
	*out = SKIPPED;
	if ((b->o.write_mode != RAWCD_WRITE_AUTO && b->o.write_mode != v->mode) ||
	    (v->cdtext_leadin && b->cdtext.count == 0))
		*out = LEFT_OUT;
	else if (v->write_type == RAWCD_MMC_WRITE_SAO && (!b->info.has_cd_mastering || !m->sao))
		snprintf(why, WHY_MAX, "the drive does not report SAO in feature 002Eh, CD Mastering");
	else if (v->write_type == RAWCD_MMC_WRITE_SAO && m->max_cue_sheet_length && cue_len > m->max_cue_sheet_length)
		snprintf(why, WHY_MAX, "the cue sheet is %zu bytes, over the %u that feature 002Eh says the drive "
			 "takes", cue_len, (unsigned)m->max_cue_sheet_length);
	else if (v->write_type == RAWCD_MMC_WRITE_SAO && rcd_burn_multisession(b, 0))
		snprintf(why, WHY_MAX, "rawcd writes several sessions, or --multi, in raw modes only");
	else if (v->cdtext_leadin && !m->rw)
		snprintf(why, WHY_MAX, "the drive does not report R-W in feature 002Eh");
	else
		return false;
	return true;
}

/* "LABEL (why), LABEL (why) and LABEL (why)" of the variants refused or skipped before @p end. */
static void reasons(const struct choice *ch, size_t end, char *out, size_t cap)
{
	size_t used = 0, n = 0, total = 0;
	out[0] = '\0';
	for (size_t i = 0; i < end; i++)
		total += ch->outcome[i] != LEFT_OUT;
	for (size_t i = 0; i < end && used < cap; i++) {
		if (ch->outcome[i] == LEFT_OUT)
			continue;
		const char *sep = n == 0 ? "" : n + 1 == total ? " and " : ", ";
		int k = snprintf(out + used, cap - used, "%s%s (%s)", sep, variants[i].label, ch->why[i]);
		used += k > 0 ? (size_t)k : 0;
		n++;
	}
}

static void note_mode(struct rcd_burn *b, const struct variant *v, const struct choice *ch, size_t i)
{
	char extra[160], refused[LIST_MAX];
	snprintf(extra, sizeof(extra), "; BUFE %s; Test Write %s",
		 b->r.bufe ? "on" : b->o.no_bufe ? "off (--no-bufe)" : "off (the drive reports no BUF)",
		 b->r.test_write ? "on (simulation: the laser stays off)" : "off");
	const char *name = rawcd_write_mode_name(v->mode);
	const char *type = v->write_type == RAWCD_MMC_WRITE_SAO ? "SAO" : "RAW";
	reasons(ch, i, refused, sizeof(refused));
	if (b->o.write_mode != RAWCD_WRITE_AUTO)
		rcd_note(b->d.diag, b->d.name, 0, "write mode %s (write type %s, data block type %u, %s), as "
			 "--write-mode asked%s", name, type, v->block_type, v->what, extra);
	else if (!refused[0])
		rcd_note(b->d.diag, b->d.name, 0, "write mode %s (write type %s, data block type %u, %s): the "
			 "first the drive accepted%s", name, type, v->block_type, v->what, extra);
	else if (i == RAW16)
		rcd_warn(b->d.diag, b->d.name, 0, "write mode %s (write type RAW, data block type %u, %s): the "
			 "drive refused data block type 3 (%s)%s", name, v->block_type, v->what, ch->why[0], extra);
	else
		rcd_note(b->d.diag, b->d.name, 0, "write mode %s (write type %s, data block type %u, %s): the "
			 "drive refused %s%s", name, type, v->block_type, v->what, refused, extra);
}

/* What the chosen mode cannot put on the disc of what the sheet has. */
static void warn_lost(struct rcd_burn *b, const struct variant *v, const struct choice *ch)
{
	const char *name = rawcd_write_mode_name(v->mode);
	if (v->mode == RAWCD_WRITE_RAW16 && (b->cdtext.count > 0 || disc_has_cdg(b)))
		rcd_warn(b->d.diag, b->d.name, 0, "the sheet has CD-TEXT or CD+G, which %s cannot write: the disc "
			 "will not have it", name);
	if (v->mode != RAWCD_WRITE_SAO)
		return;
	if (b->cdtext.count > 0 && !v->cdtext_leadin)
		rcd_warn(b->d.diag, b->d.name, 0, "the sheet has CD-TEXT, which SAO writes only as R-W over the "
			 "lead-in (%s: %s): the CD-TEXT is not written, the disc will not have it",
			 variants[SAO_CDTEXT].label, ch->outcome[SAO_CDTEXT] == REFUSED ? ch->why[SAO_CDTEXT]
			 : ch->why[SAO_CDTEXT][0] ? ch->why[SAO_CDTEXT] : "not tried");
	if (disc_has_cdg(b))
		rcd_warn(b->d.diag, b->d.name, 0, "the sheet has CD+G tracks, whose graphics (R-W) %s cannot write: "
			 "the disc will have their audio only", name);
}

static int set_result_mode(struct rcd_burn *b, const struct variant *v)
{
	b->r.mode = v->mode;
	b->r.write_type = v->write_type;
	b->r.data_block_type = v->block_type;
	b->r.cdtext_written = b->cdtext.count > 0 && (v->mode == RAWCD_WRITE_RAW96R || v->cdtext_leadin);
	if (v->write_type == RAWCD_MMC_WRITE_SAO) {
		b->r.block_size = RAWCD_SECTOR_SIZE;
		return rcd_burn_sao_setup(b, v->cdtext_leadin);
	}
	b->r.block_size = rawcd_mmc_block_size(v->block_type);
	rcd_burn_raw_runs(b);
	return RAWCD_OK;
}

static int none_accepted(struct rcd_burn *b, const struct choice *ch)
{
	char list[LIST_MAX];
	struct rcd_drive *d = &b->d;
	size_t considered = 0, last = 0;
	for (size_t i = 0; i < VARIANTS; i++)
		if (ch->outcome[i] != LEFT_OUT) {
			considered++;
			last = i;
		}
	if (b->o.write_mode != RAWCD_WRITE_AUTO && considered == 1)
		snprintf(list, sizeof(list), "%s", ch->why[last]);
	else
		reasons(ch, VARIANTS, list, sizeof(list));
	if (b->o.write_mode != RAWCD_WRITE_AUTO)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the drive refused write mode %s (%s); nothing "
				 "was written", rawcd_write_mode_name(b->o.write_mode), list);
	return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the drive accepted no write mode: %s; nothing was "
			 "written", list);
}

int rcd_burn_select_mode(struct rcd_burn *b)
{
	struct rcd_drive *d = &b->d;
	b->r.bufe = !b->o.no_bufe && b->info.buf;
	b->r.test_write = b->o.simulate;
	if (b->o.simulate && b->info.has_cd_mastering && !b->info.cd_mastering.test_write)
		rcd_warn(d->diag, d->name, 0, "the drive does not report Test Write (feature 002Eh): the "
			 "simulation may be refused");
	struct rawcd_mmc_write_params base;
	bool have_base = rcd_read_write_params(d, &base) == RAWCD_OK;
	struct choice ch = {0};
	for (size_t i = 0; i < VARIANTS; i++) {
		const struct variant *v = &variants[i];
		if (skip(b, v, &ch.outcome[i], ch.why[i]))
			continue;
		struct rawcd_mmc_write_setup setup = {
			.write_type = v->write_type,
			.data_block_type = v->block_type,
			.test_write = b->r.test_write,
			.bufe = b->r.bufe,
			.multisession = rcd_burn_multisession(b, 0),
			.track_mode = 0,
			.session_format = b->disc->sessions[0].disc_type,
		};
		int rc = rcd_select_write_params(d, &setup, have_base ? &base : NULL, ch.why[i], WHY_MAX);
		if (rc == RAWCD_OK) {
			rc = set_result_mode(b, v);
			if (rc == RAWCD_OK) {
				note_mode(b, v, &ch, i);
				warn_lost(b, v, &ch);
			}
			return rc;
		}
		if (rc == RAWCD_E_IO)
			return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "MODE SELECT page 05h (write type %s, data "
					 "block type %u) failed: %s; nothing was written",
					 v->write_type == RAWCD_MMC_WRITE_SAO ? "SAO" : "RAW", v->block_type, ch.why[i]);
		ch.outcome[i] = REFUSED;
	}
	return none_accepted(b, &ch);
}
