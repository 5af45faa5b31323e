/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inspecting a drive (DESIGN.md §5, research/burn.md §1.1–1.3): who it is, what it can write, what disc
 * is in it, and which write modes it really accepts. The feature bits are read but not trusted alone:
 * libburn (spc_probe_write_modes) and wodim (check_writemodes_mmc) try MODE SELECT of page 05h with each
 * write type / data block type pair and keep what the drive takes; this does the same, and reads the
 * page back because a drive may accept MODE SELECT and ignore it (tgt, research/burn.md §2a).
 */
#include "burn_internal.h"

#include <stdio.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

#define CONFIG_ALLOC 4096u      /* room for a whole feature list from a drive that ignores RT */
#define FEATURE_HEADER 8u       /* GET CONFIGURATION Feature Header (MMC-6 §6.5) */
#define DESC_HEADER 4u          /* feature code (2), version/persistent/current, additional length */
#define READY_BUDGET_MS 30000u  /* how long a drive may take to become ready (spin-up, disc loading) */

static unsigned be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* TEST UNIT READY until the drive stops saying "becoming ready"; 2/3A means no medium, which is a fact
 * about the drive, not a failure. Another sense is left to INQUIRY to judge (a device that is no drive). */
static int probe_ready(struct rcd_drive *d, struct rawcd_drive_info *info)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_test_unit_ready(cdb);
	info->medium_present = true;
	for (unsigned waited = 0, wait = 10;; waited += wait, wait = wait < 500 ? wait * 2 : 500) {
		struct rawcd_cmd_result res;
		if (rcd_exec(d, cdb, (size_t)n, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_DEFAULT_MS, false, &res) ==
		    RAWCD_OK)
			return RAWCD_OK;
		if (res.timed_out || res.os_error)
			return rcd_cmd_error(d, "TEST UNIT READY", &res, RAWCD_TIMEOUT_DEFAULT_MS);
		enum rawcd_sense_class cls = rcd_cmd_class(&res);
		if (cls == RAWCD_SENSE_NO_MEDIUM)
			info->medium_present = false;
		if (cls != RAWCD_SENSE_RETRY)
			return RAWCD_OK;
		if (waited >= READY_BUDGET_MS)
			return rcd_cmd_error(d, "waiting for the drive to become ready: TEST UNIT READY", &res,
					     RAWCD_TIMEOUT_DEFAULT_MS);
		rcd_sleep_ms(wait);
	}
}

int rcd_probe_identify(struct rcd_drive *d, struct rawcd_drive_info *info)
{
	uint8_t cdb[RAWCD_CDB_MAX], buf[RAWCD_MMC_INQUIRY_LEN];
	struct rawcd_cmd_result res;
	int rc = probe_ready(d, info);
	if (rc)
		return rc;
	int n;
	n = rawcd_mmc_cdb_inquiry(cdb, RAWCD_MMC_INQUIRY_LEN);
	size_t got = 0;
	if (rcd_read_cmd(d, cdb, (size_t)n, buf, sizeof(buf), &got, &res))
		return rcd_cmd_error(d, "INQUIRY", &res, RAWCD_TIMEOUT_DEFAULT_MS);
	if (rawcd_mmc_parse_inquiry(&info->inquiry, buf, got))
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "INQUIRY returned %zu bytes that are not standard "
				 "INQUIRY data: not an MMC drive", got);
	if (info->inquiry.device_type != 5)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "not a CD/DVD drive: INQUIRY reports peripheral "
				 "device type %u (%s %s), MMC drives are type 5", info->inquiry.device_type,
				 info->inquiry.vendor, info->inquiry.product);
	return RAWCD_OK;
}

/*
 * Find feature @p code in a GET CONFIGURATION response and copy the header and that one descriptor to
 * @p one, so that mmc.h's parser (which insists that the first descriptor is the one asked for) reads
 * it. A drive honouring RT = 2 sends just that descriptor (or none); one that ignores RT sends its whole
 * list, in which it is looked up by its code, never taken from its place: *whole_list is set when the
 * response holds any other descriptor (QEMU's scsi-cd sends features 0000h, 0001h and 0003h whatever
 * is asked). Returns the bytes in @p one, 8 (the header alone: no such feature) or 0 (malformed).
 */
static size_t isolate_feature(uint8_t *one, size_t cap, const uint8_t *buf, size_t len, unsigned code,
			      bool *whole_list)
{
	if (len < FEATURE_HEADER)
		return 0;
	size_t end = (size_t)be32(buf) + 4;
	if (end > len)
		end = len;
	memcpy(one, buf, FEATURE_HEADER);
	for (size_t off = FEATURE_HEADER; off + DESC_HEADER <= end;) {
		size_t n = DESC_HEADER + buf[off + 3];
		if (off + n > end || FEATURE_HEADER + n > cap)
			return 0;
		if (be16(buf + off) != code)
			*whole_list = true;
		if (be16(buf + off) == code) {
			*whole_list = *whole_list || end > off + n;
			memcpy(one + FEATURE_HEADER, buf + off, n);
			uint32_t data_len = (uint32_t)(FEATURE_HEADER - 4 + n);
			one[0] = (uint8_t)(data_len >> 24);
			one[1] = (uint8_t)(data_len >> 16);
			one[2] = (uint8_t)(data_len >> 8);
			one[3] = (uint8_t)data_len;
			return FEATURE_HEADER + n;
		}
		off += n;
	}
	one[0] = one[1] = one[2] = 0;
	one[3] = FEATURE_HEADER - 4;
	return FEATURE_HEADER;
}

static int get_configuration(struct rcd_drive *d, unsigned rt, uint16_t feature, uint8_t *buf, size_t *got)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	struct rawcd_cmd_result res;
	int n = rawcd_mmc_cdb_get_configuration(cdb, rt, feature, CONFIG_ALLOC);
	if (rcd_read_cmd(d, cdb, (size_t)n, buf, CONFIG_ALLOC, got, &res) == RAWCD_OK)
		return RAWCD_OK;
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, why, sizeof(why));
	rcd_warn(d->diag, d->name, 0, "GET CONFIGURATION (feature %04Xh) failed: %s", feature, why);
	return RAWCD_E_IO;
}

static void probe_feature(struct rcd_drive *d, struct rawcd_drive_info *info, uint16_t code)
{
	uint8_t buf[CONFIG_ALLOC], one[FEATURE_HEADER + DESC_HEADER + 255];
	size_t got;
	if (get_configuration(d, 2, code, buf, &got))
		return;
	bool whole = false;
	size_t n = isolate_feature(one, sizeof(one), buf, got, code, &whole);
	int rc = n == 0 ? RAWCD_E_FORMAT
		 : code == RAWCD_MMC_FEATURE_CD_MASTERING ? rawcd_mmc_parse_cd_mastering(&info->cd_mastering, one, n)
							   : rawcd_mmc_parse_cd_tao(&info->cd_tao, one, n);
	if (whole && rc != RAWCD_E_FORMAT && !info->ignores_rt) {
		info->ignores_rt = true;
		rcd_warn(d->diag, d->name, 0, "the drive ignores GET CONFIGURATION's RT = 2 and sends its whole "
			 "feature list: feature %04Xh was looked up in it", code);
	}
	if (rc == RAWCD_OK)
		*(code == RAWCD_MMC_FEATURE_CD_MASTERING ? &info->has_cd_mastering : &info->has_cd_tao) = true;
	else if (rc == RAWCD_E_FORMAT)
		rcd_warn(d->diag, d->name, 0, "GET CONFIGURATION for feature %04Xh returned %zu bytes that do not "
			 "hold that feature's descriptor: ignored", code, got);
}

void rcd_probe_config(struct rcd_drive *d, struct rawcd_drive_info *info)
{
	uint8_t buf[CONFIG_ALLOC];
	size_t got;
	if (get_configuration(d, 0, RAWCD_MMC_FEATURE_PROFILE_LIST, buf, &got) == RAWCD_OK) {
		int rc = rawcd_mmc_parse_profiles(&info->profiles, buf, got);
		info->has_profiles = rc == RAWCD_OK;
		if (rc)
			rcd_warn(d->diag, d->name, 0, "GET CONFIGURATION returned %zu bytes without a readable "
				 "profile list", got);
	}
	for (size_t i = 0; info->has_profiles && i < info->profiles.count; i++)
		if (info->profiles.list[i].number == RAWCD_MMC_PROFILE_CD_R ||
		    info->profiles.list[i].number == RAWCD_MMC_PROFILE_CD_RW)
			info->can_write_cd = true;
	probe_feature(d, info, RAWCD_MMC_FEATURE_CD_MASTERING);
	probe_feature(d, info, RAWCD_MMC_FEATURE_CD_TAO);
}

void rcd_probe_capabilities(struct rcd_drive *d, struct rawcd_drive_info *info)
{
	uint8_t cdb[RAWCD_CDB_MAX], buf[RAWCD_MMC_MODE_SENSE_LEN];
	struct rawcd_cmd_result res;
	size_t got;
	int n = rawcd_mmc_cdb_mode_sense10(cdb, RAWCD_MMC_PAGE_CAPABILITIES, 0, sizeof(buf));
	if (rcd_read_cmd(d, cdb, (size_t)n, buf, sizeof(buf), &got, &res) == RAWCD_OK) {
		info->has_capabilities = rawcd_mmc_parse_capabilities(&info->capabilities, buf, got) == RAWCD_OK;
		if (!info->has_capabilities)
			rcd_warn(d->diag, d->name, 0, "MODE SENSE page 2Ah returned %zu bytes that are not that "
				 "page: speeds unknown", got);
	} else {
		char why[RAWCD_SENSE_MESSAGE_MAX + 64];
		rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, why, sizeof(why));
		rcd_warn(d->diag, d->name, 0, "MODE SENSE page 2Ah failed: %s; speeds unknown", why);
	}
	info->buf = (info->has_cd_mastering && info->cd_mastering.buf) || (info->has_cd_tao && info->cd_tao.buf) ||
		    (info->has_capabilities && info->capabilities.buf);
}

/* A failed optional step is a warning; a required one an error. */
static int step_failed(struct rcd_drive *d, bool required, const char *fmt, const char *what, const char *why)
{
	if (required)
		return rcd_error(d->diag, RAWCD_E_IO, d->name, 0, fmt, what, why);
	rcd_warn(d->diag, d->name, 0, fmt, what, why);
	return RAWCD_OK;
}

int rcd_probe_disc_info(struct rcd_drive *d, struct rawcd_drive_info *info, bool required)
{
	uint8_t cdb[RAWCD_CDB_MAX], buf[RAWCD_MMC_DISC_INFO_LEN];
	struct rawcd_cmd_result res;
	size_t got;
	int n = rawcd_mmc_cdb_read_disc_information(cdb, sizeof(buf));
	if (rcd_read_cmd(d, cdb, (size_t)n, buf, sizeof(buf), &got, &res)) {
		char why[RAWCD_SENSE_MESSAGE_MAX + 64];
		rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, why, sizeof(why));
		return step_failed(d, required, "%s failed: %s", "READ DISC INFORMATION", why);
	}
	info->has_disc_info = rawcd_mmc_parse_disc_info(&info->disc_info, buf, got) == RAWCD_OK;
	if (!info->has_disc_info)
		return step_failed(d, required, "%s returned %s", "READ DISC INFORMATION",
				   "bytes that are not a Disc Information Block");
	return RAWCD_OK;
}

int rcd_probe_atip(struct rcd_drive *d, struct rawcd_drive_info *info, bool required)
{
	uint8_t cdb[RAWCD_CDB_MAX], buf[RAWCD_MMC_ATIP_LEN];
	struct rawcd_cmd_result res;
	size_t got;
	int n = rawcd_mmc_cdb_read_toc(cdb, 4, true, 0, sizeof(buf));
	if (rcd_read_cmd(d, cdb, (size_t)n, buf, sizeof(buf), &got, &res)) {
		char why[RAWCD_SENSE_MESSAGE_MAX + 64];
		rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, why, sizeof(why));
		return step_failed(d, required, "%s (ATIP) failed: %s; the lead-in start is unknown",
				   "READ TOC format 4", why);
	}
	info->has_atip = rawcd_mmc_parse_atip(&info->atip, buf, got) == RAWCD_OK;
	if (!info->has_atip) {
		char what[96];
		snprintf(what, sizeof(what), "%zu bytes (data length %u) that are not ATIP", got,
			 got >= 2 ? be16(buf) : 0u);
		return step_failed(d, required, "READ TOC format 4 returned %s: %s", what,
				   "the drive may have answered with a TOC instead (some ATAPI drives read the format "
				   "from CDB byte 9); the lead-in start is unknown");
	}
	return RAWCD_OK;
}

int rcd_read_write_params(struct rcd_drive *d, struct rawcd_mmc_write_params *out)
{
	uint8_t cdb[RAWCD_CDB_MAX], buf[RAWCD_MMC_MODE_SENSE_LEN];
	struct rawcd_cmd_result res;
	size_t got;
	int n = rawcd_mmc_cdb_mode_sense10(cdb, RAWCD_MMC_PAGE_WRITE_PARAMETERS, 0, sizeof(buf));
	if (rcd_read_cmd(d, cdb, (size_t)n, buf, sizeof(buf), &got, &res))
		return RAWCD_E_IO;
	return rawcd_mmc_parse_write_params(out, buf, got) == RAWCD_OK ? RAWCD_OK : RAWCD_E_IO;
}

int rcd_select_write_params(struct rcd_drive *d, const struct rawcd_mmc_write_setup *setup,
			    const struct rawcd_mmc_write_params *base, char *why, size_t why_len)
{
	uint8_t cdb[RAWCD_CDB_MAX], list[RAWCD_MMC_MODE_HEADER_LEN + RAWCD_MMC_PAGE_MAX];
	size_t len;
	if (rawcd_mmc_build_write_params(list, sizeof(list), &len, setup, base) != RAWCD_OK) {
		snprintf(why, why_len, "page 05h cannot hold write type %u, data block type %u",
			 setup->write_type, setup->data_block_type);
		return RAWCD_E_UNSUPPORTED;
	}
	int n = rawcd_mmc_cdb_mode_select10(cdb, (unsigned)len);
	struct rawcd_cmd_result res;
	if (rcd_exec(d, cdb, (size_t)n, RAWCD_XFER_TO_DEVICE, list, len, RAWCD_TIMEOUT_DEFAULT_MS, true, &res)) {
		rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, why, why_len);
		enum rawcd_sense_class cls = rcd_cmd_class(&res);
		return cls == RAWCD_SENSE_REFUSED || cls == RAWCD_SENSE_NOT_SUPPORTED ? RAWCD_E_UNSUPPORTED
										      : RAWCD_E_IO;
	}
	struct rawcd_mmc_write_params back;
	if (rcd_read_write_params(d, &back) == RAWCD_OK &&
	    (back.write_type != setup->write_type || back.data_block_type != setup->data_block_type)) {
		snprintf(why, why_len, "MODE SELECT was accepted but page 05h reads back write type %u, data "
			 "block type %u: the drive ignored it", back.write_type, back.data_block_type);
		return RAWCD_E_UNSUPPORTED;
	}
	return RAWCD_OK;
}

/* MODE SELECT each pair in turn (libburn and wodim probe the same way), Test Write and BUFE off. */
static void probe_write_modes(struct rcd_drive *d, struct rawcd_drive_info *info)
{
	static const struct {
		uint8_t write_type, block_type;
		size_t field; /* offset of the rawcd_mode_support member */
	} pairs[] = {
		{RAWCD_MMC_WRITE_RAW, RAWCD_MMC_DBT_RAW_PW, offsetof(struct rawcd_drive_info, raw96r)},
		{RAWCD_MMC_WRITE_RAW, RAWCD_MMC_DBT_RAW_PQ, offsetof(struct rawcd_drive_info, raw16)},
		{RAWCD_MMC_WRITE_RAW, RAWCD_MMC_DBT_RAW_PW_PACK, offsetof(struct rawcd_drive_info, raw96p)},
		{RAWCD_MMC_WRITE_SAO, RAWCD_MMC_DBT_RAW, offsetof(struct rawcd_drive_info, sao)},
	};
	struct rawcd_mmc_write_params base;
	bool have_base = rcd_read_write_params(d, &base) == RAWCD_OK;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		struct rawcd_mmc_write_setup setup = {.write_type = pairs[i].write_type,
						      .data_block_type = pairs[i].block_type};
		char why[RAWCD_SENSE_MESSAGE_MAX + 64];
		enum rawcd_mode_support *s = (enum rawcd_mode_support *)((char *)info + pairs[i].field);
		int rc = rcd_select_write_params(d, &setup, have_base ? &base : NULL, why, sizeof(why));
		if (rc == RAWCD_E_IO) {
			rcd_warn(d->diag, d->name, 0, "probing write modes stopped: MODE SELECT failed: %s", why);
			return;
		}
		*s = rc == RAWCD_OK ? RAWCD_MODE_ACCEPTED : RAWCD_MODE_REFUSED;
	}
}

int rawcd_drive_probe(rawcd_transport *t, struct rawcd_drive_info *out, rawcd_diag *diag)
{
	if (!t || !out)
		return RAWCD_E_ARG;
	struct rcd_drive d;
	rcd_drive_init(&d, t, diag);
	struct rawcd_drive_info info = {.read_only = t->read_only};
	int rc = rcd_probe_identify(&d, &info);
	if (rc)
		return rc;
	rcd_probe_config(&d, &info);
	rcd_probe_capabilities(&d, &info);
	bool cd_medium = info.has_profiles && (info.profiles.current_profile == RAWCD_MMC_PROFILE_CD_R ||
					       info.profiles.current_profile == RAWCD_MMC_PROFILE_CD_RW);
	if (info.medium_present)
		rcd_probe_disc_info(&d, &info, false);
	if (info.medium_present && cd_medium)
		rcd_probe_atip(&d, &info, false);
	if (info.can_write_cd && !t->read_only)
		probe_write_modes(&d, &info);
	*out = info;
	return RAWCD_OK;
}

const char *rawcd_mode_support_name(enum rawcd_mode_support support)
{
	switch (support) {
	case RAWCD_MODE_UNTESTED: return "untested";
	case RAWCD_MODE_ACCEPTED: return "accepted";
	case RAWCD_MODE_REFUSED: return "refused";
	}
	return "unknown";
}
