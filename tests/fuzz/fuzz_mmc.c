/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz the decoders of what a drive answers besides the TOC (mmc.h): GET CONFIGURATION (profile list,
 * features 002Eh and 002Dh), sense data, INQUIRY, MODE SENSE pages 2Ah and 05h, READ DISC INFORMATION,
 * ATIP, READ TRACK INFORMATION, READ BUFFER CAPACITY and READ SUB-CHANNEL. The first byte chooses the
 * decoder (and for READ SUB-CHANNEL the format and MSF bit); the rest is the response.
 *
 * Invariants checked (an abort is a finding): each decoder returns one of its documented codes; decoded
 * sense has a key 0-15, a class and a NUL-terminated message that starts with "sense "; a profile list
 * holds at most RAWCD_MMC_MAX_PROFILES entries.
 */
#include <stdbool.h>
#include <string.h>

#include "fuzz_common.h"
#include "rawcd/error.h"
#include "rawcd/mmc.h"

#define DOC(rc) FUZZ_ASSERT((rc) == RAWCD_OK || (rc) == RAWCD_E_FORMAT || (rc) == RAWCD_E_UNSUPPORTED)

static void fuzz_sense(const uint8_t *buf, size_t len)
{
	struct rawcd_sense s;
	int rc = rawcd_sense_decode(&s, buf, len);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_FORMAT);
	if (rc != RAWCD_OK)
		return;
	FUZZ_ASSERT(s.key <= 15 && s.sense_class <= RAWCD_SENSE_FATAL);
	FUZZ_ASSERT(memchr(s.message, '\0', sizeof(s.message)) && strncmp(s.message, "sense ", 6) == 0);
	FUZZ_ASSERT(strcmp(rawcd_sense_class_name(s.sense_class), "unknown") != 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const uint8_t *buf = data + 1;
	size_t len = size - 1;
	int rc;
	switch (data[0] % 12) {
	case 0: {
		struct rawcd_mmc_profiles p;
		rc = rawcd_mmc_parse_profiles(&p, buf, len);
		DOC(rc);
		FUZZ_ASSERT(rc != RAWCD_OK || p.count <= RAWCD_MMC_MAX_PROFILES);
		break;
	}
	case 1: {
		struct rawcd_mmc_cd_mastering m;
		DOC(rawcd_mmc_parse_cd_mastering(&m, buf, len));
		break;
	}
	case 2: {
		struct rawcd_mmc_cd_tao t;
		DOC(rawcd_mmc_parse_cd_tao(&t, buf, len));
		break;
	}
	case 3:
		fuzz_sense(buf, len);
		break;
	case 4: {
		struct rawcd_mmc_inquiry q;
		DOC(rawcd_mmc_parse_inquiry(&q, buf, len));
		break;
	}
	case 5: {
		struct rawcd_mmc_capabilities c;
		DOC(rawcd_mmc_parse_capabilities(&c, buf, len));
		break;
	}
	case 6: {
		struct rawcd_mmc_write_params w;
		DOC(rawcd_mmc_parse_write_params(&w, buf, len));
		break;
	}
	case 7: {
		struct rawcd_mmc_disc_info d;
		DOC(rawcd_mmc_parse_disc_info(&d, buf, len));
		break;
	}
	case 8: {
		struct rawcd_mmc_atip a;
		DOC(rawcd_mmc_parse_atip(&a, buf, len));
		break;
	}
	case 9: {
		struct rawcd_mmc_track_info t;
		DOC(rawcd_mmc_parse_track_info(&t, buf, len));
		break;
	}
	case 10: {
		struct rawcd_mmc_buffer_capacity b;
		DOC(rawcd_mmc_parse_buffer_capacity(&b, buf, len));
		break;
	}
	default: {
		struct rawcd_mmc_subchannel s;
		unsigned format = 1 + (data[0] >> 4) % 3;
		DOC(rawcd_mmc_parse_subchannel(&s, format, data[0] & 0x80, buf, len));
		break;
	}
	}
	return 0;
}
