/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Parsers of the MMC responses a burn reads (DESIGN.md §5, research/burn.md §1.2–1.3), and the page-05h
 * parameter list for MODE SELECT(10). Every parser checks the response's own length field against the
 * bytes really transferred before it reads a field, and checks that the response is the one asked for:
 * drives that ignore GET CONFIGURATION's RT, or read the READ TOC format from the wrong byte, answer
 * with something else and GOOD status (research/burn.md §2b), and these checks are what catch them.
 * The byte and bit positions are those of the tables named in include/rawcd/mmc.h.
 */
#include "rawcd/mmc.h"

#include <string.h>

#include "rawcd/error.h"
#include "mmc_bytes.h"

#define FEATURE_HEADER_LEN 8    /* GET CONFIGURATION Feature Header (MMC-6 §6.5) */
#define FEATURE_DESC_HEADER 4   /* code (2), version/persistent/current, additional length */
#define INQUIRY_MIN_ADDITIONAL 31 /* byte 4 of a 36-byte standard INQUIRY answer (SPC-4) */
#define CAPABILITIES_MIN_PAGE 18  /* page 2Ah through the maximum write speed (bytes 18-19) */
#define WRITE_PARAMS_MIN_PAGE 16  /* page 05h through the audio pause length (bytes 14-15) */
#define WRITE_PARAMS_MIN_BASE 9   /* a page to edit must hold byte 8, the session format */
#define DISC_INFO_MIN_LENGTH 0x20 /* Disc Information Length of the standard block */
#define ATIP_MIN_LENGTH 0x16      /* ATIP data length without A3 (research/burn.md §1.2) */
#define TRACK_INFO_MIN_LENGTH 0x1A
#define BUFFER_CAPACITY_MIN_LENGTH 0x0A
#define AUDIO_PAUSE_DEFAULT 150   /* blocks, as libburn writes it into a page built from zeros */

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

static bool msf_ok(uint8_t m, uint8_t s, uint8_t f)
{
	return m <= 99 && s < 60 && f < RAWCD_FRAMES_PER_SECOND;
}

/* ---- INQUIRY ---- */

/* An ASCII field of INQUIRY data: trailing spaces and NULs dropped, anything unprintable shown as '?'. */
static void copy_ascii(char *dst, const uint8_t *src, size_t n)
{
	while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == 0))
		n--;
	for (size_t i = 0; i < n; i++)
		dst[i] = src[i] >= 0x20 && src[i] <= 0x7E ? (char)src[i] : '?';
	dst[n] = '\0';
}

int rawcd_mmc_parse_inquiry(struct rawcd_mmc_inquiry *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	if (len < RAWCD_MMC_INQUIRY_LEN || buf[4] < INQUIRY_MIN_ADDITIONAL)
		return RAWCD_E_FORMAT;
	struct rawcd_mmc_inquiry r = {
		.qualifier = (uint8_t)(buf[0] >> 5),
		.device_type = (uint8_t)(buf[0] & 0x1F),
		.removable = (buf[1] & 0x80) != 0,
		.version = buf[2],
		.response_format = (uint8_t)(buf[3] & 0x0F),
	};
	copy_ascii(r.vendor, buf + 8, 8);
	copy_ascii(r.product, buf + 16, 16);
	copy_ascii(r.revision, buf + 32, 4);
	*out = r;
	return RAWCD_OK;
}

/* ---- GET CONFIGURATION ---- */

/*
 * Find the first feature descriptor of a GET CONFIGURATION response and check that it is @p code,
 * with at least @p min_len bytes after its 4-byte header. The Data Length (bytes 0-3) counts the bytes
 * after itself; a response of the header alone means the drive has no such feature (RT = 2) and is
 * RAWCD_E_UNSUPPORTED.
 */
static int first_feature(const uint8_t **desc, uint16_t *current_profile, const uint8_t *buf, size_t len,
			 unsigned code, size_t min_len)
{
	if (len < FEATURE_HEADER_LEN)
		return RAWCD_E_FORMAT;
	uint32_t data_length = rcd_be32(buf);
	if (data_length < FEATURE_HEADER_LEN - 4)
		return RAWCD_E_FORMAT;
	if (data_length == FEATURE_HEADER_LEN - 4)
		return RAWCD_E_UNSUPPORTED;
	size_t avail = min_size(len, (size_t)data_length + 4);
	if (avail < FEATURE_HEADER_LEN + FEATURE_DESC_HEADER)
		return RAWCD_E_FORMAT;
	const uint8_t *d = buf + FEATURE_HEADER_LEN;
	if (rcd_be16(d) != code)
		return RAWCD_E_FORMAT;
	if (FEATURE_HEADER_LEN + FEATURE_DESC_HEADER + (size_t)d[3] > avail || d[3] < min_len)
		return RAWCD_E_FORMAT;
	*desc = d;
	*current_profile = (uint16_t)rcd_be16(buf + 6);
	return RAWCD_OK;
}

int rawcd_mmc_parse_profiles(struct rawcd_mmc_profiles *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	const uint8_t *d;
	uint16_t current;
	int err = first_feature(&d, &current, buf, len, RAWCD_MMC_FEATURE_PROFILE_LIST, 0);
	if (err)
		return err;
	size_t n = d[3] / 4u;
	if (d[3] % 4u != 0 || n > RAWCD_MMC_MAX_PROFILES)
		return RAWCD_E_FORMAT;
	out->current_profile = current;
	out->count = n;
	for (size_t i = 0; i < n; i++) {
		const uint8_t *p = d + FEATURE_DESC_HEADER + 4 * i; /* number (2), CurrentP (bit 0), reserved */
		out->list[i].number = (uint16_t)rcd_be16(p);
		out->list[i].current = (p[2] & 0x01) != 0;
	}
	return RAWCD_OK;
}

int rawcd_mmc_parse_cd_mastering(struct rawcd_mmc_cd_mastering *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	const uint8_t *d;
	uint16_t current;
	int err = first_feature(&d, &current, buf, len, RAWCD_MMC_FEATURE_CD_MASTERING, 4);
	if (err)
		return err;
	uint8_t b = d[4];
	*out = (struct rawcd_mmc_cd_mastering){
		.current_profile = current,
		.current = (d[2] & 0x01) != 0,
		.buf = (b & 0x40) != 0,
		.sao = (b & 0x20) != 0,
		.raw_ms = (b & 0x10) != 0,
		.raw = (b & 0x08) != 0,
		.test_write = (b & 0x04) != 0,
		.cd_rw = (b & 0x02) != 0,
		.rw = (b & 0x01) != 0,
		.max_cue_sheet_length = rcd_be24(d + 5),
	};
	return RAWCD_OK;
}

int rawcd_mmc_parse_cd_tao(struct rawcd_mmc_cd_tao *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	const uint8_t *d;
	uint16_t current;
	int err = first_feature(&d, &current, buf, len, RAWCD_MMC_FEATURE_CD_TAO, 4);
	if (err)
		return err;
	uint8_t b = d[4];
	*out = (struct rawcd_mmc_cd_tao){
		.current_profile = current,
		.current = (d[2] & 0x01) != 0,
		.buf = (b & 0x40) != 0,
		.rw_raw = (b & 0x10) != 0,
		.rw_pack = (b & 0x08) != 0,
		.test_write = (b & 0x04) != 0,
		.cd_rw = (b & 0x02) != 0,
		.rw_subcode = (b & 0x01) != 0,
		.data_types = (uint16_t)rcd_be16(d + 6),
	};
	return RAWCD_OK;
}

/* ---- MODE SENSE(10) pages ---- */

/*
 * Find page @p code in a MODE SENSE(10) response: the 8-byte header (mode data length in bytes 0-1,
 * counting the bytes after itself; block descriptor length in bytes 6-7), then the page, whose byte 1
 * is its length after byte 1. The page must be the one asked for, lie inside both the transfer and the
 * mode data length, and have at least @p min_len bytes.
 */
static int mode_page(const uint8_t **page, size_t *page_len, const uint8_t *buf, size_t len, unsigned code,
		     size_t min_len)
{
	if (len < RAWCD_MMC_MODE_HEADER_LEN)
		return RAWCD_E_FORMAT;
	size_t avail = min_size(len, (size_t)rcd_be16(buf) + 2);
	size_t off = RAWCD_MMC_MODE_HEADER_LEN + rcd_be16(buf + 6);
	if (off + 2 > avail)
		return RAWCD_E_FORMAT;
	const uint8_t *p = buf + off;
	if ((p[0] & 0x3F) != code || (p[0] & 0x40) != 0) /* bit 6 SPF: a sub-page, not asked for */
		return RAWCD_E_FORMAT;
	size_t n = (size_t)p[1] + 2;
	if (off + n > avail || n < min_len)
		return RAWCD_E_FORMAT;
	*page = p;
	*page_len = n;
	return RAWCD_OK;
}

/* A 16-bit field of a page, or 0 when the page ends before it. */
static uint16_t page_be16(const uint8_t *p, size_t n, size_t at)
{
	return at + 2 <= n ? (uint16_t)rcd_be16(p + at) : 0;
}

int rawcd_mmc_parse_capabilities(struct rawcd_mmc_capabilities *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	const uint8_t *p;
	size_t n;
	int err = mode_page(&p, &n, buf, len, RAWCD_MMC_PAGE_CAPABILITIES, CAPABILITIES_MIN_PAGE);
	if (err)
		return err;
	struct rawcd_mmc_capabilities c = {
		.cd_r_read = (p[2] & 0x01) != 0,
		.cd_rw_read = (p[2] & 0x02) != 0,
		.cd_r_write = (p[3] & 0x01) != 0,
		.cd_rw_write = (p[3] & 0x02) != 0,
		.test_write = (p[3] & 0x04) != 0,
		.buf = (p[4] & 0x80) != 0,
		.multisession = (p[4] & 0x40) != 0,
		.cdda_accurate = (p[5] & 0x02) != 0,
		.rw_supported = (p[5] & 0x04) != 0,
		.rw_deinterleaved = (p[5] & 0x08) != 0,
		.isrc = (p[5] & 0x20) != 0,
		.upc = (p[5] & 0x40) != 0,
		.max_read_speed = page_be16(p, n, 8),
		.buffer_size = page_be16(p, n, 12),
		.current_read_speed = page_be16(p, n, 14),
		.max_write_speed = page_be16(p, n, 18),
	};
	/* MMC-3 made bytes 20-21 obsolete and moved the selected write speed to bytes 28-29. */
	uint16_t selected = page_be16(p, n, 28);
	c.current_write_speed = selected ? selected : page_be16(p, n, 20);
	/* Bytes 30-31 count the 4-byte write speed descriptors from byte 32 (reserved, rotation control,
	 * write speed supported in kB/s). */
	size_t count = page_be16(p, n, 30);
	for (size_t i = 0; i < count && c.write_speed_count < RAWCD_MMC_MAX_WRITE_SPEEDS; i++) {
		size_t at = 32 + 4 * i;
		if (at + 4 > n)
			break;
		c.write_speeds[c.write_speed_count++] = (uint16_t)rcd_be16(p + at + 2);
	}
	*out = c;
	return RAWCD_OK;
}

int rawcd_mmc_parse_write_params(struct rawcd_mmc_write_params *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	const uint8_t *p;
	size_t n;
	int err = mode_page(&p, &n, buf, len, RAWCD_MMC_PAGE_WRITE_PARAMETERS, WRITE_PARAMS_MIN_PAGE);
	if (err)
		return err;
	out->write_type = (uint8_t)(p[2] & 0x0F);
	out->test_write = (p[2] & 0x10) != 0;
	out->ls_v = (p[2] & 0x20) != 0;
	out->bufe = (p[2] & 0x40) != 0;
	out->multisession = (uint8_t)(p[3] >> 6);
	out->fp = (p[3] & 0x20) != 0;
	out->copy = (p[3] & 0x10) != 0;
	out->track_mode = (uint8_t)(p[3] & 0x0F);
	out->data_block_type = (uint8_t)(p[4] & 0x0F);
	out->link_size = p[5];
	out->host_application_code = (uint8_t)(p[7] & 0x3F);
	out->session_format = p[8];
	out->packet_size = rcd_be32(p + 10);
	out->audio_pause_length = (uint16_t)rcd_be16(p + 14);
	out->page_len = n;
	memcpy(out->page, p, n);
	memset(out->page + n, 0, sizeof out->page - n);
	return RAWCD_OK;
}

static bool write_setup_valid(const struct rawcd_mmc_write_setup *s)
{
	unsigned dbt = s->data_block_type;
	if (s->write_type < RAWCD_MMC_WRITE_TAO || s->write_type > RAWCD_MMC_WRITE_RAW)
		return false;
	if (rawcd_mmc_block_size(dbt) == 0)
		return false;
	/* Raw writing sends the whole 2352 bytes plus subcode: data block types 1, 2 and 3 only. */
	if (s->write_type == RAWCD_MMC_WRITE_RAW && (dbt < RAWCD_MMC_DBT_RAW_PQ || dbt > RAWCD_MMC_DBT_RAW_PW))
		return false;
	if (s->multisession == 2 || s->multisession > 3 || s->track_mode > 0x0F)
		return false;
	return s->session_format == 0x00 || s->session_format == 0x10 || s->session_format == 0x20;
}

int rawcd_mmc_build_write_params(uint8_t *buf, size_t capacity, size_t *out_len,
				 const struct rawcd_mmc_write_setup *setup,
				 const struct rawcd_mmc_write_params *base)
{
	if (!buf || !out_len || !setup || !write_setup_valid(setup))
		return RAWCD_E_ARG;
	uint8_t page[RAWCD_MMC_PAGE_MAX] = {0};
	size_t n;
	if (base) {
		n = base->page_len;
		if (n < WRITE_PARAMS_MIN_BASE || n > RAWCD_MMC_PAGE_MAX || (size_t)base->page[1] + 2 != n ||
		    (base->page[0] & 0x3F) != RAWCD_MMC_PAGE_WRITE_PARAMETERS)
			return RAWCD_E_ARG;
		memcpy(page, base->page, n);
	} else {
		n = (size_t)RAWCD_MMC_WRITE_PARAMS_PAGE_LENGTH + 2;
		page[1] = RAWCD_MMC_WRITE_PARAMS_PAGE_LENGTH;
		rcd_put_be16(page + 14, AUDIO_PAUSE_DEFAULT);
	}
	if (capacity < RAWCD_MMC_MODE_HEADER_LEN + n)
		return RAWCD_E_ARG;
	page[0] = RAWCD_MMC_PAGE_WRITE_PARAMETERS; /* PS (bit 7) must be 0 in MODE SELECT */
	page[2] = (uint8_t)((setup->bufe ? 0x40 : 0) | (page[2] & 0x20) | (setup->test_write ? 0x10 : 0) |
			    setup->write_type);
	page[3] = (uint8_t)(setup->multisession << 6 | (page[3] & 0x30) | setup->track_mode);
	page[4] = setup->data_block_type;
	page[8] = setup->session_format;
	/* Mode parameter header (10): mode data length 0 (reserved in MODE SELECT), medium type 0,
	 * device-specific 0, block descriptor length 0. */
	memset(buf, 0, RAWCD_MMC_MODE_HEADER_LEN);
	memcpy(buf + RAWCD_MMC_MODE_HEADER_LEN, page, n);
	*out_len = RAWCD_MMC_MODE_HEADER_LEN + n;
	return RAWCD_OK;
}

/* ---- READ DISC INFORMATION ---- */

/* An MSF held in bytes 1-3 of a 4-byte field (byte 0 reserved). */
static bool field_msf(struct rawcd_msf *msf, int32_t *lba, const uint8_t *p)
{
	*msf = (struct rawcd_msf){.m = p[1], .s = p[2], .f = p[3]};
	if (!msf_ok(p[1], p[2], p[3])) {
		*lba = 0;
		return false;
	}
	*lba = rcd_msf_lba(p[1], p[2], p[3]);
	return true;
}

int rawcd_mmc_parse_disc_info(struct rawcd_mmc_disc_info *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	if (len < RAWCD_MMC_DISC_INFO_LEN || rcd_be16(buf) < DISC_INFO_MIN_LENGTH || (buf[2] & 0xE0) != 0)
		return RAWCD_E_FORMAT;
	struct rawcd_mmc_disc_info d = {
		.disc_status = (uint8_t)(buf[2] & 0x03),
		.last_session_state = (uint8_t)((buf[2] >> 2) & 0x03),
		.erasable = (buf[2] & 0x10) != 0,
		.first_track = buf[3],
		.sessions = (unsigned)buf[9] << 8 | buf[4],
		.first_track_last_session = (unsigned)buf[10] << 8 | buf[5],
		.last_track_last_session = (unsigned)buf[11] << 8 | buf[6],
		.did_v = (buf[7] & 0x80) != 0,
		.dbc_v = (buf[7] & 0x40) != 0,
		.uru = (buf[7] & 0x20) != 0,
		.disc_type = buf[8],
		.disc_id = rcd_be32(buf + 12),
	};
	d.leadin_valid = field_msf(&d.leadin_start, &d.leadin_start_lba, buf + 16);
	d.leadout_valid = field_msf(&d.last_leadout_start, &d.last_leadout_start_lba, buf + 20);
	*out = d;
	return RAWCD_OK;
}

/* ---- READ TOC/PMA/ATIP format 4 ---- */

int rawcd_mmc_parse_atip(struct rawcd_mmc_atip *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	if (len < 4)
		return RAWCD_E_FORMAT;
	size_t total = (size_t)rcd_be16(buf) + 2;
	size_t avail = min_size(len, total);
	if (total < ATIP_MIN_LENGTH + 2 || avail < ATIP_MIN_LENGTH + 2)
		return RAWCD_E_FORMAT;
	const uint8_t *li = buf + 8, *lo = buf + 12;
	/* The lead-in of a CD-R/RW starts in the last minutes of the 100-minute MSF range; a TOC sent in
	 * place of the ATIP has a track address here, minute 0 (or FFh for a negative LBA). */
	if (li[0] < 80 || !msf_ok(li[0], li[1], li[2]) || !msf_ok(lo[0], lo[1], lo[2]))
		return RAWCD_E_FORMAT;
	struct rawcd_mmc_atip a = {
		.writing_power = (uint8_t)((buf[4] >> 4) & 0x07),
		.reference_speed = (uint8_t)(buf[4] & 0x07),
		.uru = (buf[5] & 0x40) != 0,
		.disc_is_rw = (buf[6] & 0x40) != 0,
		.disc_subtype = (uint8_t)((buf[6] >> 3) & 0x07),
		.a1_valid = (buf[6] & 0x04) != 0,
		.a2_valid = (buf[6] & 0x02) != 0,
		.a3_valid = (buf[6] & 0x01) != 0,
		.leadin_start = {.m = li[0], .s = li[1], .f = li[2]},
		.leadin_start_lba = rcd_msf_frames(li[0], li[1], li[2]) - RAWCD_MSF_LEADIN_WRAP,
		.last_leadout_start = {.m = lo[0], .s = lo[1], .f = lo[2]},
		.last_leadout_start_lba = rcd_msf_lba(lo[0], lo[1], lo[2]),
	};
	/* A1-A3: 3 bytes each at 16, 20 and 24, present when the response reaches them. */
	uint8_t *dst[3] = {a.a1, a.a2, a.a3};
	for (size_t i = 0; i < 3; i++)
		if (16 + 4 * i + 3 <= avail)
			memcpy(dst[i], buf + 16 + 4 * i, 3);
	*out = a;
	return RAWCD_OK;
}

/* ---- READ TRACK INFORMATION ---- */

int rawcd_mmc_parse_track_info(struct rawcd_mmc_track_info *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	if (len < TRACK_INFO_MIN_LENGTH + 2 || rcd_be16(buf) < TRACK_INFO_MIN_LENGTH)
		return RAWCD_E_FORMAT;
	size_t avail = min_size(len, (size_t)rcd_be16(buf) + 2);
	struct rawcd_mmc_track_info t = {
		.track = buf[2],
		.session = buf[3],
		.damage = (buf[5] & 0x20) != 0,
		.copy = (buf[5] & 0x10) != 0,
		.track_mode = (uint8_t)(buf[5] & 0x0F),
		.reserved_track = (buf[6] & 0x80) != 0,
		.blank = (buf[6] & 0x40) != 0,
		.packet = (buf[6] & 0x20) != 0,
		.fixed_packet = (buf[6] & 0x10) != 0,
		.data_mode = (uint8_t)(buf[6] & 0x0F),
		.lra_valid = (buf[7] & 0x02) != 0,
		.nwa_valid = (buf[7] & 0x01) != 0,
		.start = rcd_be32_signed(buf + 8),
		.next_writable = rcd_be32_signed(buf + 12),
		.free_blocks = rcd_be32(buf + 16),
		.fixed_packet_size = rcd_be32(buf + 20),
		.track_size = rcd_be32(buf + 24),
	};
	if (avail >= 32)
		t.last_recorded = rcd_be32_signed(buf + 28);
	if (avail >= 34) {
		t.track |= (unsigned)buf[32] << 8;
		t.session |= (unsigned)buf[33] << 8;
	}
	*out = t;
	return RAWCD_OK;
}

/* ---- READ BUFFER CAPACITY ---- */

int rawcd_mmc_parse_buffer_capacity(struct rawcd_mmc_buffer_capacity *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	if (len < RAWCD_MMC_BUFFER_CAPACITY_LEN || rcd_be16(buf) < BUFFER_CAPACITY_MIN_LENGTH)
		return RAWCD_E_FORMAT;
	uint32_t length = rcd_be32(buf + 4), blank = rcd_be32(buf + 8);
	if (blank > length)
		return RAWCD_E_FORMAT;
	out->length = length;
	out->blank = blank;
	out->fill_percent = length ? (unsigned)((uint64_t)(length - blank) * 100 / length) : 0;
	return RAWCD_OK;
}

/* ---- READ SUB-CHANNEL ---- */

/* A format-1 address: a two's complement LBA, or 00h M S F. */
static bool subchannel_address(int32_t *out, const uint8_t *p, bool msf, bool absolute)
{
	if (!msf) {
		*out = rcd_be32_signed(p);
		return true;
	}
	if (!msf_ok(p[1], p[2], p[3]))
		return false;
	*out = absolute ? rcd_msf_lba(p[1], p[2], p[3]) : rcd_msf_frames(p[1], p[2], p[3]);
	return true;
}

/* @p n characters, digits (or also A-Z), copied as a string; false if one is anything else. */
static bool copy_code(char *dst, const uint8_t *src, size_t n, bool digits_only)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t c = src[i];
		bool ok = (c >= '0' && c <= '9') || (!digits_only && c >= 'A' && c <= 'Z');
		if (!ok)
			return false;
		dst[i] = (char)c;
	}
	dst[n] = '\0';
	return true;
}

int rawcd_mmc_parse_subchannel(struct rawcd_mmc_subchannel *out, unsigned format, bool msf,
			       const uint8_t *buf, size_t len)
{
	if (!out || !buf || format < 1 || format > 3)
		return RAWCD_E_ARG;
	size_t need = format == 1 ? 12 : 20; /* Sub-channel Data Length: bytes after the 4-byte header */
	if (len < 4 + need || rcd_be16(buf + 2) < need || buf[4] != format)
		return RAWCD_E_FORMAT;
	struct rawcd_mmc_subchannel s = {.format = (uint8_t)format, .audio_status = buf[1]};
	if (format != 2) {
		s.adr = (uint8_t)(buf[5] >> 4);
		s.control = (uint8_t)(buf[5] & 0x0F);
		s.track = buf[6];
	}
	if (format == 1) {
		s.index = buf[7];
		if (!subchannel_address(&s.absolute_lba, buf + 8, msf, true) ||
		    !subchannel_address(&s.relative, buf + 12, msf, false))
			return RAWCD_E_FORMAT;
	} else {
		s.valid = (buf[8] & 0x80) != 0;
		if (s.valid && format == 2 && !copy_code(s.mcn, buf + 9, 13, true))
			return RAWCD_E_FORMAT;
		if (s.valid && format == 3 && !copy_code(s.isrc, buf + 9, 12, false))
			return RAWCD_E_FORMAT;
	}
	*out = s;
	return RAWCD_OK;
}
