/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internal to the emulated recorder (emulated.h): its state, and the command handlers split over
 * emulated.c (open, dispatch, faults, log), emu_commands.c (the commands that report), emu_media.c (the
 * medium and mechanism: PREVENT ALLOW, GET EVENT STATUS NOTIFICATION, READ CAPACITY), emu_write.c
 * (WRITE(10), SYNCHRONIZE CACHE, BLANK and what the lead-in and the program area's Q carried) and
 * emu_sao.c (SEND CUE SHEET and the session-at-once recording).
 */
#ifndef RCD_TRANSPORT_EMU_INTERNAL_H
#define RCD_TRANSPORT_EMU_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rawcd/emulated.h"
#include "rawcd/mmc.h"
#include "rawcd/subcode.h"

#define RCD_EMU_PAGE05_LEN 52  /* page 05h: code, length 32h, 50 bytes */
#define RCD_EMU_SENSE_LEN 18   /* fixed-format sense with the sense-key specific bytes */
#define RCD_EMU_MAX_ITEMS 256  /* one slot per Q POINT byte */
#define RCD_EMU_MAX_TRACKS 100 /* ISRC slots, by track number 1-99 */

/* Operation codes the fake answers that rawcd itself never sends (so mmc.h has no builder for them). */
#define RCD_EMU_OP_PREVENT_ALLOW 0x1E    /* PREVENT ALLOW MEDIUM REMOVAL (MMC-6 §6.13) */
#define RCD_EMU_OP_READ_CAPACITY 0x25    /* MMC-6 §6.18 */
#define RCD_EMU_OP_GET_EVENT_STATUS 0x4A /* GET EVENT STATUS NOTIFICATION (MMC-6 §6.6) */
#define RCD_EMU_OP_MECHANISM_STATUS 0xBD /* MMC-6 §6.10 */

#define RCD_EMU_MAX_SESSIONS 99

/* A lead-in ADR 5 item (B0, C0) as first seen: Q CONTROL and Q bytes 3-9 (MIN SEC FRAME ZERO PMIN PSEC
 * PFRAME, BCD except C0's MIN). */
struct rcd_emu_item5 {
	bool seen;
	uint8_t control;
	uint8_t q[7];
};

enum rcd_emu_busy { RCD_EMU_IDLE, RCD_EMU_FLUSHING, RCD_EMU_BLANKING };

/* Media event codes of GET EVENT STATUS NOTIFICATION (MMC-6 §6.6, Table 5): NoChg, NewMedia, MediaRemoval. */
enum rcd_emu_event { RCD_EMU_EVENT_NONE = 0, RCD_EMU_EVENT_NEW_MEDIA = 2, RCD_EMU_EVENT_REMOVAL = 3 };

/* A lead-in TOC item as first seen: Q CONTROL and the raw (BCD) PMIN, PSEC, PFRAME bytes. */
struct rcd_emu_item {
	bool seen;
	uint8_t control;
	uint8_t p[3];
};

/* A session of an appendable or completed disc: its lead-in's items and the LBAs it was written over. */
struct rcd_emu_session {
	struct rcd_emu_item items[RCD_EMU_MAX_ITEMS];
	struct rcd_emu_item5 b0, c0;
	int32_t first_lba, end_lba; /* the recording: [first_lba, end_lba) */
};

/* An MCN (ADR 2) or ISRC (ADR 3) of the program area as first seen: Q CONTROL, the code as characters
 * and AFRAME (Q byte 9, binary). */
struct rcd_emu_code {
	bool seen;
	uint8_t control;
	uint8_t aframe;
	char text[14];
};

struct rcd_emu {
	struct rawcd_transport base;
	struct rawcd_emu_config cfg;      /* defaults applied; strings and faults point to the copies below */
	struct rawcd_emu_fault *faults;
	char vendor[9], product[17], revision[5];
	unsigned occurrences[256];
	struct rawcd_emu_command *log;
	size_t log_count, log_cap;
	FILE *sink_file;

	int32_t leadin_lba;               /* ATIP lead-in start */
	int32_t leadout_lba;              /* last possible lead-out start */
	uint8_t page05[RCD_EMU_PAGE05_LEN];
	unsigned not_ready_left;
	enum rcd_emu_busy busy;
	unsigned busy_left, busy_total;
	uint8_t last_sense[RCD_EMU_SENSE_LEN];
	bool have_last_sense;
	struct rawcd_emu_state st;
	bool prevent;                     /* PREVENT ALLOW MEDIUM REMOVAL: removal prevented */
	uint8_t media_event;              /* enum rcd_emu_event not yet reported */

	/* what the lead-in carried (this recording) */
	struct rcd_emu_item items[RCD_EMU_MAX_ITEMS];
	uint8_t run_point;
	unsigned run_len;
	uint8_t (*packs)[RAWCD_CDTEXT_PACK_SIZE]; /* RAWCD_CDTEXT_MAX_PACKS of them */
	bool packs_done;
	/* what the program area's Q carried (this recording) */
	unsigned q_tno;                   /* TNO of the last good ADR 1 frame there (1-99), 0 before one */
	struct rcd_emu_code mcn;
	struct rcd_emu_code isrc[RCD_EMU_MAX_TRACKS];

	/* the cue sheet of SAO (SEND CUE SHEET), kept until the recording ends */
	uint8_t *cue;                     /* as received, NULL when none was accepted */
	size_t cue_len;
	struct rcd_emu_cue_point *points; /* its ADR 1 entries after the lead-in's */
	size_t point_count;
	uint8_t leadin_form;              /* the lead-in entry's data form (41h: R-W from the host) */
	bool sao;                         /* the recording is an SAO one */

	/* the burned disc */
	struct rawcd_toc *toc;
	bool toc_valid;
	/* its sessions (emu_sessions.c) and the ADR 5 items of this recording's lead-in */
	struct rcd_emu_session *sessions; /* RCD_EMU_MAX_SESSIONS of them */
	size_t session_count;
	struct rcd_emu_item5 b0, c0;
};

/* An ADR 1 entry of an accepted cue sheet, from the first track's INDEX 00 to the lead-out: where it
 * starts (LBA), its CONTROL, TNO, INDEX (binary) and data form. */
struct rcd_emu_cue_point {
	int32_t lba;
	uint8_t control, tno, index, form;
};

/* One command as a handler sees it. */
struct rcd_emu_cmd {
	const uint8_t *cdb;
	size_t cdb_len;
	enum rawcd_xfer dir;
	uint8_t *buf;
	size_t len;
};

/* A handler's answer: GOOD with @c transferred bytes, or CHECK CONDITION with this sense. */
struct rcd_emu_reply {
	bool check;
	uint8_t key, asc, ascq;
	bool progress_valid;
	uint16_t progress;
	size_t transferred;
};

typedef void (*rcd_emu_handler)(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);

/* emulated.c */
void rcd_emu_sense(struct rcd_emu_reply *r, uint8_t key, uint8_t asc, uint8_t ascq);
/* Copy a response of @p n bytes to the data buffer, at most the CDB's allocation length @p alloc. */
void rcd_emu_copy_out(const struct rcd_emu_cmd *c, struct rcd_emu_reply *r, const uint8_t *data, size_t n,
		      size_t alloc);
/* false with 2/3A/00 in @p r when there is no medium. */
bool rcd_emu_medium(const struct rcd_emu *e, struct rcd_emu_reply *r);
/* true with NOT READY (2/04/08 flushing, 2/04/07 blanking) and progress in @p r while an Immed
 * operation runs. */
bool rcd_emu_busy(const struct rcd_emu *e, struct rcd_emu_reply *r);

/* emu_commands.c */
void rcd_emu_test_unit_ready(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_request_sense(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_inquiry(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_get_configuration(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_read_disc_information(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_read_toc(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_read_track_information(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_set_cd_speed(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_read_buffer_capacity(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_read_subchannel(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_start_stop_unit(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);

/* emu_media.c */
void rcd_emu_prevent_allow(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_get_event_status(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_read_capacity(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_mechanism_status(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);

/* emu_modes.c */
void rcd_emu_page05_default(uint8_t page[RCD_EMU_PAGE05_LEN]);
void rcd_emu_mode_sense(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_mode_select(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
uint8_t rcd_emu_mastering_bits(const struct rcd_emu *e); /* feature 002Eh byte 4 */
uint8_t rcd_emu_tao_bits(const struct rcd_emu *e);       /* feature 002Dh byte 4 */
uint32_t rcd_emu_max_cue_sheet(const struct rcd_emu *e);  /* feature 002Eh bytes 5-7 */

/* emu_write.c */
void rcd_emu_write10(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_synchronize_cache(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
void rcd_emu_blank(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
/* The full TOC the lead-in items make (READ TOC format 2 of the burned disc); RAWCD_E_FORMAT if none. */
int rcd_emu_toc_from_items(const struct rcd_emu *e, struct rawcd_toc *out);
/* The recording fields of rawcd_emu_state and what the lead-in and Q carried start again (first WRITE). */
void rcd_emu_start_recording(struct rcd_emu *e, bool test);
/* What a write does with each block it took (counts it, decodes its subcode). */
typedef void (*rcd_emu_block_fn)(struct rcd_emu *e, int32_t lba, const uint8_t *block, size_t size);
/* Take @p blocks blocks of @p size bytes a WRITE(10) brought for LBA @p lba on, already checked: hand them
 * to the sink file and callback (a failure there ends the recording with 4/44/00 and returns false), pass
 * each to @p look, then move next_lba and the counters and answer with the whole length transferred. */
bool rcd_emu_take_blocks(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r, int32_t lba,
			 size_t blocks, size_t size, rcd_emu_block_fn look);
/* Collect the CD-TEXT packs of one lead-in block's R-W symbols (RAWCD_SUBCODE_SIZE of them). */
void rcd_emu_collect_packs(struct rcd_emu *e, const uint8_t *rw);

/* emu_sao.c */
void rcd_emu_send_cue_sheet(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r);
/* WRITE(10) of @p blocks at @p lba while page 05h says SAO (rcd_emu_write10 hands it over). */
void rcd_emu_sao_write(struct rcd_emu *e, const struct rcd_emu_cmd *c, int32_t lba, size_t blocks,
		       struct rcd_emu_reply *r);
/* SYNCHRONIZE CACHE of a real SAO recording: true (the lead-in items, MCN and ISRCs filled from the cue
 * sheet) when every block up to the lead-out was written; false when it stopped short. */
bool rcd_emu_sao_finish(struct rcd_emu *e);
/* Forget the cue sheet (a recording ended, BLANK, close). */
void rcd_emu_drop_cue_sheet(struct rcd_emu *e);

/* emu_sessions.c */
/* Keep a lead-in's B0 or C0 (ADR 5, TNO 0) of this recording. */
void rcd_emu_leadin_item5(struct rcd_emu *e, const uint8_t q[RAWCD_Q_SIZE]);
/* A session was closed and another may follow (disc status 01b, not recording). */
bool rcd_emu_appendable(const struct rcd_emu *e);
/* The disc has sessions to report (appendable or complete). */
bool rcd_emu_has_sessions(const struct rcd_emu *e);
/* A raw recording ended well: keep it as a session, the disc appendable (page 05h Multi-session 11b) or
 * complete, and rebuild e->toc over every session. RAWCD_E_FORMAT when the lead-ins make no TOC. */
int rcd_emu_session_close(struct rcd_emu *e);
/* BLANK: no sessions. */
void rcd_emu_sessions_forget(struct rcd_emu *e);
/* Where the next recording must start: after the last session, else the ATIP lead-in. */
int32_t rcd_emu_next_leadin(const struct rcd_emu *e);
/* The multisession fields of a Disc Information Block @p d (status, sessions, next lead-in). */
void rcd_emu_disc_info_sessions(const struct rcd_emu *e, uint8_t *d);
/* Track Information of the invisible track of an appendable disc into @p d; false if not appendable. */
bool rcd_emu_track_info_next(const struct rcd_emu *e, uint32_t number, uint8_t *d);

#endif
