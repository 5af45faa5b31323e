/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers for the transport tests: sending the MMC commands of a burn to a transport, and making raw
 * blocks with a chosen Q. Each helper asserts that the command was delivered (RAWCD_OK). */
#ifndef TEST_EMU_UTIL_H
#define TEST_EMU_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/emulated.h"
#include "rawcd/mmc.h"
#include "rawcd/transport.h"

#define RAW96_BLOCK 2448
#define PQ16_BLOCK 2368
#define BLOCKS_PER_WRITE 26 /* 26 x 2448 = 63648 bytes, under 64 KiB */
#define LEADIN_97_27_00 (-11625)

rawcd_transport *emu_open(const struct rawcd_emu_config *cfg);

/* Send a CDB; asserts RAWCD_OK and returns the result. */
struct rawcd_cmd_result emu_cmd(rawcd_transport *t, const uint8_t *cdb, int cdb_len, enum rawcd_xfer dir, void *buf,
				size_t len);

struct rawcd_cmd_result emu_tur(rawcd_transport *t);
/* MODE SELECT(10) of page 05h built by rawcd_mmc_build_write_params() from zeros. */
struct rawcd_cmd_result emu_select(rawcd_transport *t, uint8_t write_type, uint8_t dbt, bool test_write, bool bufe);
/* READ TOC of @p format into @p buf (@p cap bytes). */
struct rawcd_cmd_result emu_read_toc(rawcd_transport *t, unsigned format, uint8_t *buf, size_t cap);
struct rawcd_cmd_result emu_write(rawcd_transport *t, int32_t lba, unsigned blocks, const uint8_t *data,
				  size_t block_size);
struct rawcd_cmd_result emu_sync(rawcd_transport *t, bool immed);
struct rawcd_cmd_result emu_get_config(rawcd_transport *t, unsigned rt, uint16_t feature, uint8_t *buf, size_t cap);
struct rawcd_cmd_result emu_disc_info(rawcd_transport *t, struct rawcd_mmc_disc_info *out);

/* One block of @p size (2368 or 2448) at @p lba: zero main channel, a Q of ADR 1 (lead-in: TNO 0 POINT
 * A0; pregap: TNO 1 INDEX 0, P set; program: TNO 1 INDEX 1) with its CRC, spoiled when !good_crc. */
void emu_block(uint8_t *block, size_t size, int32_t lba, bool good_crc);
/* @p n blocks from @p lba on, into @p out. */
void emu_blocks(uint8_t *out, size_t size, int32_t lba, unsigned n, bool good_crc);
/* @p n lead-out frames (Q ADR 1, TNO AAh, good CRC) from @p lba on. */
void emu_leadout_blocks(uint8_t *out, size_t size, int32_t lba, unsigned n);

/* true if @p r is a CHECK CONDITION with this key, ASC and ASCQ. */
bool emu_sense_is(const struct rawcd_cmd_result *r, uint8_t key, uint8_t asc, uint8_t ascq);

/* The last logged command. */
const struct rawcd_emu_command *emu_last(const rawcd_transport *t);

struct rawcd_emu_state emu_state(const rawcd_transport *t);

#endif
