/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder (emulated.h), a test fake: opening it, the dispatch of a CDB to its handler,
 * the kernel-like refusals (EINVAL over the transfer limit, EPERM for write-class commands on a
 * read-only open: research/burn.md §1.8 and §1.10), the scripted faults, the command log, and turning
 * a handler's answer into what SG_IO would report (fixed-format sense with status 02h and DRIVER_SENSE;
 * a timeout as host_status 03h) so that the shared rules of rcd_transport_classify() judge it.
 */
#include "emu_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mmc/mmc_bytes.h"
#include "rawcd/error.h"
#include "transport_internal.h"
#include "util/diag.h"

#define DEFAULT_BUFFER_SIZE (2u * 1024u * 1024u)
#define DEFAULT_DRAIN 65536u
#define LOG_FIRST_CAPACITY 64
#define FIXED_SENSE_CODE 0x70
#define FIXED_SENSE_ADDITIONAL 10 /* bytes after byte 7: through the sense-key specific bytes 15-17 */
#define SKSV 0x80

static const struct rawcd_msf default_leadin = {97, 27, 0};
static const struct rawcd_msf default_leadout = {79, 59, 74};

/* The commands a read-only fd may not send without CAP_SYS_RAWIO (measured, research/burn.md §1.10). */
static const bool write_class[256] = {
	[RAWCD_MMC_OP_MODE_SELECT10] = true, [RAWCD_MMC_OP_SET_CD_SPEED] = true, [RAWCD_MMC_OP_WRITE10] = true,
	[RAWCD_MMC_OP_SYNCHRONIZE_CACHE] = true, [RAWCD_MMC_OP_BLANK] = true,
	[RAWCD_MMC_OP_SEND_CUE_SHEET] = true,
	[0x54] = true, /* SEND OPC INFORMATION */
};

static const rcd_emu_handler handlers[256] = {
	[RAWCD_MMC_OP_TEST_UNIT_READY] = rcd_emu_test_unit_ready,
	[RAWCD_MMC_OP_REQUEST_SENSE] = rcd_emu_request_sense,
	[RAWCD_MMC_OP_INQUIRY] = rcd_emu_inquiry,
	[RAWCD_MMC_OP_WRITE10] = rcd_emu_write10,
	[RAWCD_MMC_OP_SYNCHRONIZE_CACHE] = rcd_emu_synchronize_cache,
	[RAWCD_MMC_OP_READ_TOC] = rcd_emu_read_toc,
	[RAWCD_MMC_OP_GET_CONFIGURATION] = rcd_emu_get_configuration,
	[RAWCD_MMC_OP_READ_DISC_INFORMATION] = rcd_emu_read_disc_information,
	[RAWCD_MMC_OP_READ_TRACK_INFORMATION] = rcd_emu_read_track_information,
	[RAWCD_MMC_OP_MODE_SELECT10] = rcd_emu_mode_select,
	[RAWCD_MMC_OP_MODE_SENSE10] = rcd_emu_mode_sense,
	[RAWCD_MMC_OP_READ_BUFFER_CAPACITY] = rcd_emu_read_buffer_capacity,
	[RAWCD_MMC_OP_BLANK] = rcd_emu_blank,
	[RAWCD_MMC_OP_SET_CD_SPEED] = rcd_emu_set_cd_speed,
	[RAWCD_MMC_OP_READ_SUBCHANNEL] = rcd_emu_read_subchannel,
	[RAWCD_MMC_OP_START_STOP_UNIT] = rcd_emu_start_stop_unit,
	[RAWCD_MMC_OP_SEND_CUE_SHEET] = rcd_emu_send_cue_sheet,
	[RCD_EMU_OP_PREVENT_ALLOW] = rcd_emu_prevent_allow,
	[RCD_EMU_OP_GET_EVENT_STATUS] = rcd_emu_get_event_status,
	[RCD_EMU_OP_READ_CAPACITY] = rcd_emu_read_capacity,
	[RCD_EMU_OP_MECHANISM_STATUS] = rcd_emu_mechanism_status,
};

/* ---- helpers for the handlers ---- */

void rcd_emu_sense(struct rcd_emu_reply *r, uint8_t key, uint8_t asc, uint8_t ascq)
{
	*r = (struct rcd_emu_reply){.check = true, .key = key, .asc = asc, .ascq = ascq};
}

void rcd_emu_copy_out(const struct rcd_emu_cmd *c, struct rcd_emu_reply *r, const uint8_t *data, size_t n,
		      size_t alloc)
{
	if (n > alloc)
		n = alloc;
	if (c->dir != RAWCD_XFER_FROM_DEVICE)
		n = 0;
	if (n > c->len)
		n = c->len;
	if (n)
		memcpy(c->buf, data, n);
	r->transferred = n;
}

bool rcd_emu_medium(const struct rcd_emu *e, struct rcd_emu_reply *r)
{
	if (!e->cfg.no_medium)
		return true;
	rcd_emu_sense(r, 0x2, 0x3A, 0x00);
	return false;
}

bool rcd_emu_busy(const struct rcd_emu *e, struct rcd_emu_reply *r)
{
	if (e->busy == RCD_EMU_IDLE)
		return false;
	rcd_emu_sense(r, 0x2, 0x04, e->busy == RCD_EMU_FLUSHING ? 0x08 : 0x07);
	r->progress_valid = true;
	r->progress = (uint16_t)((e->busy_total - e->busy_left) * 65535u / e->busy_total);
	return true;
}

/* ---- faults ---- */

static bool fault_hits(const struct rawcd_emu_fault *f, unsigned n)
{
	unsigned first = f->first ? f->first : 1;
	if (n < first)
		return false;
	unsigned k = n - first;
	if (f->every == 0)
		return f->count == 0 || k < f->count;
	return k % f->every < (f->count ? f->count : 1);
}

static const struct rawcd_emu_fault *match_fault(const struct rcd_emu *e, uint8_t op, unsigned n)
{
	for (size_t i = 0; i < e->cfg.fault_count; i++)
		if (e->faults[i].opcode == op && fault_hits(&e->faults[i], n))
			return &e->faults[i];
	return NULL;
}

/* ---- the log ---- */

static struct rawcd_emu_command *log_append(struct rcd_emu *e)
{
	if (e->log_count == e->log_cap) {
		size_t cap = e->log_cap ? e->log_cap * 2 : LOG_FIRST_CAPACITY;
		struct rawcd_emu_command *n = realloc(e->log, cap * sizeof(*n));
		if (!n)
			return NULL;
		e->log = n;
		e->log_cap = cap;
	}
	struct rawcd_emu_command *l = &e->log[e->log_count++];
	memset(l, 0, sizeof(*l));
	return l;
}

/* The key fields of a CDB (and of a MODE SELECT's page 05h), for tests to read. */
static void log_fields(struct rawcd_emu_command *l, const struct rcd_emu_cmd *c)
{
	const uint8_t *cdb = c->cdb;
	switch (cdb[0]) {
	case RAWCD_MMC_OP_WRITE10:
		l->lba = rcd_be32_signed(cdb + 2);
		l->blocks = rcd_be16(cdb + 7);
		break;
	case RAWCD_MMC_OP_READ_TOC: l->format = cdb[2] & 0x0F; break;
	case RAWCD_MMC_OP_READ_SUBCHANNEL: l->format = cdb[3]; break;
	case RAWCD_MMC_OP_MODE_SENSE10: l->page = cdb[2] & 0x3F; break;
	case RAWCD_MMC_OP_GET_CONFIGURATION:
		l->rt = cdb[1] & 0x03;
		l->feature = rcd_be16(cdb + 2);
		break;
	case RAWCD_MMC_OP_SYNCHRONIZE_CACHE: l->immed = cdb[1] & 0x02; break;
	case RAWCD_MMC_OP_BLANK: l->immed = cdb[1] & 0x10; break;
	case RAWCD_MMC_OP_MODE_SELECT10:
		if (c->dir == RAWCD_XFER_TO_DEVICE && c->len >= RAWCD_MMC_MODE_HEADER_LEN) {
			size_t at = RAWCD_MMC_MODE_HEADER_LEN + rcd_be16(c->buf + 6);
			if (at < c->len)
				l->page = c->buf[at] & 0x3F;
			if (l->page == RAWCD_MMC_PAGE_WRITE_PARAMETERS && at + 5 <= c->len) {
				l->write_type = c->buf[at + 2] & 0x0F;
				l->test_write = c->buf[at + 2] & 0x10;
				l->data_block_type = c->buf[at + 4] & 0x0F;
			}
		}
		break;
	default: break;
	}
}

/* ---- the outcome ---- */

static void fixed_sense(uint8_t s[RCD_EMU_SENSE_LEN], const struct rcd_emu_reply *r)
{
	memset(s, 0, RCD_EMU_SENSE_LEN);
	s[0] = FIXED_SENSE_CODE;
	s[2] = r->key & 0x0F;
	s[7] = FIXED_SENSE_ADDITIONAL;
	s[12] = r->asc;
	s[13] = r->ascq;
	if (r->progress_valid) {
		s[15] = SKSV;
		rcd_put_be16(s + 16, r->progress);
	}
}

/* What SG_IO would have reported for this answer, judged by the shared rules. */
static void finish(struct rcd_emu *e, const struct rcd_emu_cmd *c, const struct rcd_emu_reply *r, bool timed_out,
		   struct rawcd_cmd_result *out)
{
	uint8_t sense[RCD_EMU_SENSE_LEN];
	struct rcd_scsi_outcome o = {.requested = c->len, .resid = (int)(c->len - r->transferred)};
	if (timed_out) {
		o.host_status = RCD_HOST_TIME_OUT;
		o.info = RCD_INFO_CHECK;
		o.resid = (int)c->len;
	} else if (r->check) {
		fixed_sense(sense, r);
		memcpy(e->last_sense, sense, sizeof(sense));
		e->have_last_sense = true;
		o.status = RCD_SCSI_CHECK_CONDITION;
		o.driver_status = RCD_DRIVER_SENSE;
		o.info = RCD_INFO_CHECK;
		o.sense = sense;
		o.sense_len = sizeof(sense);
	}
	rcd_transport_classify(&o, out);
}

static void count_write(struct rcd_emu *e, const struct rcd_emu_reply *r, bool timed_out)
{
	e->st.writes++;
	if (timed_out || !r->check)
		return;
	e->st.writes_refused++;
	if (r->key == 0x2 && r->asc == 0x04 && r->ascq == 0x08)
		e->st.busy_answers++;
}

/* Run the command: a scripted fault, or its handler (5/20/00 for an opcode the fake does not know). */
static void run(struct rcd_emu *e, const struct rcd_emu_cmd *c, const struct rawcd_emu_fault *f,
		struct rcd_emu_reply *r, bool *timed_out)
{
	uint8_t op = c->cdb[0];
	if (f && f->kind == RAWCD_EMU_FAULT_TIMEOUT) {
		*timed_out = true;
		return;
	}
	if (f && f->kind == RAWCD_EMU_FAULT_SENSE) {
		rcd_emu_sense(r, f->key, f->asc, f->ascq);
		if (op == RAWCD_MMC_OP_WRITE10 && (f->key == 0x3 || f->key == 0x4) && e->st.recording)
			e->st.recording_failed = true;
		return;
	}
	if (handlers[op])
		handlers[op](e, c, r);
	else
		rcd_emu_sense(r, 0x5, 0x20, 0x00);
	if (f && f->kind == RAWCD_EMU_FAULT_RECOVERED && !r->check) {
		size_t moved = r->transferred;
		rcd_emu_sense(r, f->key, f->asc, f->ascq);
		r->transferred = moved;
	}
}

/* The errno the kernel (or an OS_ERROR fault) answers with before the drive sees the command, or 0;
 * @p f is the scripted fault that hits it, if any. */
static int refusal(struct rcd_emu *e, const struct rcd_emu_cmd *c, unsigned occurrence,
		   const struct rawcd_emu_fault **f)
{
	*f = NULL;
	if (c->len > e->cfg.transfer_limit)
		return EINVAL;
	if (e->cfg.read_only && write_class[c->cdb[0]])
		return EPERM;
	*f = match_fault(e, c->cdb[0], occurrence);
	if (*f && (*f)->kind == RAWCD_EMU_FAULT_OS_ERROR)
		return (*f)->os_error ? (*f)->os_error : EIO;
	return 0;
}

static int emu_execute(rawcd_transport *t, const uint8_t *cdb, size_t cdb_len, enum rawcd_xfer dir, void *buf,
		       size_t len, unsigned timeout_ms, struct rawcd_cmd_result *out)
{
	struct rcd_emu *e = (struct rcd_emu *)t;
	struct rcd_emu_cmd c = {.cdb = cdb, .cdb_len = cdb_len, .dir = dir, .buf = buf, .len = len};
	struct rawcd_emu_command scratch = {0}, *l = log_append(e);
	if (!l)
		l = &scratch; /* out of memory: the command runs, its entry is lost */
	memcpy(l->cdb, cdb, cdb_len);
	l->cdb_len = cdb_len;
	l->opcode = cdb[0];
	l->occurrence = ++e->occurrences[cdb[0]];
	l->dir = dir;
	l->len = len;
	l->timeout_ms = timeout_ms;
	log_fields(l, &c);

	const struct rawcd_emu_fault *f;
	int os_error = refusal(e, &c, l->occurrence, &f);
	if (f) {
		e->st.faults_fired++;
		l->fault = true;
	}
	if (os_error) {
		memset(out, 0, sizeof(*out));
		out->os_error = os_error;
		l->rc = RAWCD_E_IO;
		l->os_error = os_error;
		return RAWCD_E_IO;
	}

	uint32_t drain = e->cfg.drain_per_command;
	e->st.buffer_fill = e->st.buffer_fill > drain ? e->st.buffer_fill - drain : 0;
	struct rcd_emu_reply r = {0};
	bool timed_out = false;
	run(e, &c, f, &r, &timed_out);
	if (cdb[0] == RAWCD_MMC_OP_WRITE10)
		count_write(e, &r, timed_out);
	finish(e, &c, &r, timed_out, out);

	l->rc = RAWCD_OK;
	l->ok = out->ok;
	l->timed_out = out->timed_out;
	l->check_condition = out->check_condition;
	l->key = out->sense.key;
	l->asc = out->sense.asc;
	l->ascq = out->sense.ascq;
	return RAWCD_OK;
}

static size_t emu_max_transfer(const rawcd_transport *t)
{
	return ((const struct rcd_emu *)t)->cfg.max_transfer;
}

static void emu_close(rawcd_transport *t)
{
	struct rcd_emu *e = (struct rcd_emu *)t;
	if (e->sink_file)
		fclose(e->sink_file);
	rcd_emu_drop_cue_sheet(e);
	free(e->faults);
	free(e->log);
	free(e->packs);
	free(e->toc);
	free(e->sessions);
	free(e->base.name);
	free(e);
}

static const struct rawcd_transport_ops emu_ops = {
	.execute = emu_execute,
	.max_transfer = emu_max_transfer,
	.close = emu_close,
};

/* ---- opening ---- */

static bool is_zero_msf(struct rawcd_msf m)
{
	return m.m == 0 && m.s == 0 && m.f == 0;
}

static bool msf_ok(struct rawcd_msf m)
{
	return m.m <= 99 && m.s < 60 && m.f < RAWCD_FRAMES_PER_SECOND;
}

/* Apply the defaults to @p c and check it. */
static int settle_config(struct rawcd_emu_config *c)
{
	if (c->version != RAWCD_EMU_CONFIG_VERSION)
		return RAWCD_E_ARG;
	if (c->profile == 0)
		c->profile = RAWCD_MMC_PROFILE_CD_R;
	if (c->profile != RAWCD_MMC_PROFILE_CD_R && c->profile != RAWCD_MMC_PROFILE_CD_RW)
		return RAWCD_E_ARG;
	if (is_zero_msf(c->atip_leadin))
		c->atip_leadin = default_leadin;
	if (is_zero_msf(c->atip_leadout))
		c->atip_leadout = default_leadout;
	if (!msf_ok(c->atip_leadin) || c->atip_leadin.m < 80 || !msf_ok(c->atip_leadout) || c->atip_leadout.m >= 80 ||
	    rawcd_msf_to_lba(c->atip_leadout) <= 0)
		return RAWCD_E_ARG;
	if (c->max_transfer == 0)
		c->max_transfer = RAWCD_MAX_TRANSFER_DEFAULT;
	if (c->transfer_limit == 0)
		c->transfer_limit = c->max_transfer;
	if (c->buffer_size == 0)
		c->buffer_size = DEFAULT_BUFFER_SIZE;
	if (c->drain_per_command == 0)
		c->drain_per_command = DEFAULT_DRAIN;
	if (c->fault_count && !c->faults)
		return RAWCD_E_ARG;
	for (size_t i = 0; i < c->fault_count; i++)
		if (c->faults[i].kind > RAWCD_EMU_FAULT_OS_ERROR)
			return RAWCD_E_ARG;
	return RAWCD_OK;
}

static void copy_text(char *dst, size_t size, const char *src, const char *fallback)
{
	snprintf(dst, size, "%s", src ? src : fallback);
}

static int emu_alloc(struct rcd_emu *e, const struct rawcd_emu_config *cfg)
{
	e->base.name = strdup(cfg->name ? cfg->name : "emulated");
	e->packs = calloc(RAWCD_CDTEXT_MAX_PACKS, sizeof(*e->packs));
	e->toc = calloc(1, sizeof(*e->toc));
	e->sessions = calloc(RCD_EMU_MAX_SESSIONS, sizeof(*e->sessions));
	if (cfg->fault_count) {
		e->faults = calloc(cfg->fault_count, sizeof(*e->faults));
		if (e->faults)
			memcpy(e->faults, cfg->faults, cfg->fault_count * sizeof(*e->faults));
	}
	if (!e->base.name || !e->packs || !e->toc || !e->sessions || (cfg->fault_count && !e->faults))
		return RAWCD_E_NOMEM;
	return RAWCD_OK;
}

static void emu_reset_drive(struct rcd_emu *e)
{
	rcd_emu_page05_default(e->page05);
	e->leadin_lba = rawcd_msf_to_lba(e->cfg.atip_leadin);
	e->leadout_lba = rawcd_msf_to_lba(e->cfg.atip_leadout);
	e->not_ready_left = e->cfg.not_ready_polls;
	e->st.next_lba = e->leadin_lba;
	e->st.first_lba = e->leadin_lba;
	e->st.buffer_size = e->cfg.buffer_size;
	e->st.write_type = e->page05[2] & 0x0F;
	e->st.data_block_type = e->page05[4] & 0x0F;
}

int rawcd_transport_open_emulated(rawcd_transport **out, const struct rawcd_emu_config *cfg)
{
	struct rawcd_emu_config c = RAWCD_EMU_CONFIG_INIT;
	if (!out)
		return RAWCD_E_ARG;
	if (cfg)
		c = *cfg;
	int rc = settle_config(&c);
	if (rc != RAWCD_OK)
		return rc;
	const char *name = c.name ? c.name : "emulated";
	if (c.open_error)
		return rcd_transport_open_error(c.diag, name, c.open_error);
	struct rcd_emu *e = calloc(1, sizeof(*e));
	if (!e)
		return RAWCD_E_NOMEM;
	e->base.ops = &emu_ops;
	e->cfg = c;
	if (emu_alloc(e, &c) != RAWCD_OK) {
		emu_close(&e->base);
		return RAWCD_E_NOMEM;
	}
	e->base.read_only = c.read_only;
	e->cfg.faults = e->faults;
	copy_text(e->vendor, sizeof(e->vendor), c.vendor, "RAWCD");
	copy_text(e->product, sizeof(e->product), c.product, "EMULATED CD-R");
	copy_text(e->revision, sizeof(e->revision), c.revision, "1.0");
	e->cfg.vendor = e->vendor;
	e->cfg.product = e->product;
	e->cfg.revision = e->revision;
	e->cfg.name = e->base.name;
	e->cfg.diag = NULL;
	if (c.sink_path) {
		e->sink_file = fopen(c.sink_path, "wbe");
		if (!e->sink_file) {
			rc = rcd_error(c.diag, RAWCD_E_IO, c.sink_path, 0, "cannot create the emulated recorder's "
				       "sink file: %s", strerror(errno));
			emu_close(&e->base);
			return rc;
		}
	}
	e->cfg.sink_path = NULL;
	emu_reset_drive(e);
	*out = &e->base;
	return RAWCD_OK;
}

/* ---- accessors ---- */

bool rawcd_transport_is_emulated(const rawcd_transport *t)
{
	return t && t->ops == &emu_ops;
}

size_t rawcd_emu_command_count(const rawcd_transport *t)
{
	return rawcd_transport_is_emulated(t) ? ((const struct rcd_emu *)t)->log_count : 0;
}

const struct rawcd_emu_command *rawcd_emu_command_get(const rawcd_transport *t, size_t i)
{
	if (!rawcd_transport_is_emulated(t))
		return NULL;
	const struct rcd_emu *e = (const struct rcd_emu *)t;
	return i < e->log_count ? &e->log[i] : NULL;
}

void rawcd_emu_clear_log(rawcd_transport *t)
{
	if (rawcd_transport_is_emulated(t))
		((struct rcd_emu *)t)->log_count = 0;
}

int rawcd_emu_get_state(struct rawcd_emu_state *out, const rawcd_transport *t)
{
	if (!out || !rawcd_transport_is_emulated(t))
		return RAWCD_E_ARG;
	const struct rcd_emu *e = (const struct rcd_emu *)t;
	*out = e->st;
	return RAWCD_OK;
}

int rawcd_emu_leadin_toc(struct rawcd_toc *out, const rawcd_transport *t)
{
	if (!out || !rawcd_transport_is_emulated(t))
		return RAWCD_E_ARG;
	return rcd_emu_toc_from_items((const struct rcd_emu *)t, out);
}

int rawcd_emu_leadin_cdtext(struct rawcd_cdtext_packs *out, const rawcd_transport *t)
{
	if (!out || !rawcd_transport_is_emulated(t))
		return RAWCD_E_ARG;
	const struct rcd_emu *e = (const struct rcd_emu *)t;
	struct rawcd_cdtext_packs p = {NULL, 0};
	if (e->st.cdtext_packs) {
		p.pack = malloc(e->st.cdtext_packs * sizeof(*p.pack));
		if (!p.pack)
			return RAWCD_E_NOMEM;
		memcpy(p.pack, e->packs, e->st.cdtext_packs * sizeof(*p.pack));
		p.count = e->st.cdtext_packs;
	}
	*out = p;
	return RAWCD_OK;
}
