/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder's answers about the medium and the mechanism, the commands real burners (cdrdao,
 * wodim) and the kernel's sr driver send besides those of a burn: PREVENT ALLOW MEDIUM REMOVAL (MMC-6
 * §6.13), GET EVENT STATUS NOTIFICATION (§6.6, polled, the media class), READ CAPACITY (§6.18) and
 * MECHANISM STATUS (§6.10). START STOP UNIT (emu_commands.c) honours the prevention and raises the media
 * events.
 */
#include "emu_internal.h"

#include <string.h>

#include "mmc/mmc_bytes.h"

#define GESN_HEADER_LEN 4
#define GESN_MEDIA_LEN 8        /* the header and one media event descriptor */
#define GESN_CLASS_MEDIA 4      /* notification class of the media descriptor */
#define GESN_REQUEST_MEDIA 0x10 /* bit 4 of the class request (CDB byte 4) */
#define GESN_NEA 0x80           /* no event available (none of the classes asked for is supported) */
#define MEDIA_PRESENT 0x02      /* media status byte: Media Present (bit 1); bit 0 Door or Tray Open */
#define READ_CAPACITY_LEN 8
#define BLOCK_LENGTH 2048
#define MECHANISM_LEN 8

void rcd_emu_prevent_allow(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	(void)r;
	e->prevent = c->cdb[4] & 0x01; /* bit 1, persistent prevent, is not emulated */
}

/* The media event descriptor: the event pending since the last report (then NoChg), the status now. */
static void media_event(struct rcd_emu *e, uint8_t d[GESN_MEDIA_LEN])
{
	d[4] = e->media_event;
	d[5] = e->cfg.no_medium ? 0x01 : MEDIA_PRESENT; /* no medium: the tray is out (START STOP UNIT) */
	e->media_event = RCD_EMU_EVENT_NONE;
}

void rcd_emu_get_event_status(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (!(c->cdb[1] & 0x01)) { /* asynchronous notification is not supported: Polled must be 1 */
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	uint8_t d[GESN_MEDIA_LEN] = {0};
	size_t n = GESN_HEADER_LEN;
	d[3] = GESN_REQUEST_MEDIA; /* supported event classes */
	if (c->cdb[4] & GESN_REQUEST_MEDIA) {
		d[2] = GESN_CLASS_MEDIA;
		media_event(e, d);
		n = GESN_MEDIA_LEN;
	} else {
		d[2] = GESN_NEA;
	}
	rcd_put_be16(d, (unsigned)(n - 2));
	rcd_emu_copy_out(c, r, d, n, rcd_be16(c->cdb + 7));
}

/* The last LBA of the recorded disc (its lead-out less one) and 2048-byte blocks; a blank or incomplete
 * disc has no complete session: last LBA 0. */
void rcd_emu_read_capacity(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (!rcd_emu_medium(e, r))
		return;
	uint8_t d[READ_CAPACITY_LEN] = {0};
	if (e->st.disc_status == 2 && e->toc_valid && e->toc->leadout_lba > 0)
		rcd_put_be32(d, (uint32_t)(e->toc->leadout_lba - 1));
	rcd_put_be32(d + 4, BLOCK_LENGTH);
	rcd_emu_copy_out(c, r, d, sizeof(d), sizeof(d));
}

/* A drive without a changer: the header alone, no slot tables; byte 1 bits 7-5 the mechanism state
 * (0 idle, 1 writing while a recording runs), byte 0 bit 4 Door Open when the tray is out. */
void rcd_emu_mechanism_status(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	uint8_t d[MECHANISM_LEN] = {0};
	d[0] = e->cfg.no_medium ? 0x10 : 0x00;
	d[1] = e->st.recording ? 0x20 : 0x00;
	rcd_emu_copy_out(c, r, d, sizeof(d), rcd_be16(c->cdb + 8));
}
