/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: running MMC commands for the burn module (retries, sense sentences, waiting for the drive),
 * and the steps of drive inspection that the burn's preflight shares. */
#ifndef RCD_BURN_INTERNAL_H
#define RCD_BURN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>

#include "rawcd/burn.h"
#include "rawcd/stream.h"
#include "rawcd/subcode.h"

/* A drive being talked to: the transport, where diagnostics go, and counters for the burn's result. */
struct rcd_drive {
	rawcd_transport *t;
	rawcd_diag *diag;
	const char *name;    /* the device, as diagnostics name it */
	unsigned retries;    /* commands resent because the drive said "busy" */
	unsigned recovered;  /* commands that ended in a recovered error */
};

void rcd_drive_init(struct rcd_drive *d, rawcd_transport *t, rawcd_diag *diag);

/* Sleep @p ms milliseconds (through signals). */
void rcd_sleep_ms(unsigned ms);

/*
 * Run one command. With @p retry, a command the drive answers with a sense of class RAWCD_SENSE_RETRY
 * (2/04/xx "becoming ready / in progress", 6/x unit attention) is sent again after a short wait (1 ms,
 * 2 ms, ... up to 20 ms), at most RAWCD_BURN_MAX_RETRIES times. A recovered error is success.
 * @p res always holds the last attempt.
 * Returns RAWCD_OK, or RAWCD_E_IO (not delivered, timed out, CHECK CONDITION of another class, the
 * retries used up, a bad status): describe it with rcd_cmd_describe(). Adds nothing to the diagnostics.
 */
int rcd_exec(struct rcd_drive *d, const uint8_t *cdb, size_t cdb_len, enum rawcd_xfer dir, void *buf,
	     size_t len, unsigned timeout_ms, bool retry, struct rawcd_cmd_result *res);

/* The sense class of a failed command, or RAWCD_SENSE_FATAL when it did not end in CHECK CONDITION
 * with readable sense (timeout, transport error). */
enum rawcd_sense_class rcd_cmd_class(const struct rawcd_cmd_result *res);

/* One sentence saying why a command failed: the sense message, a timeout, an errno with what it means
 * here (EPERM: opened read-only; EINVAL/EIO on a large transfer: over the queue limit), or the status. */
void rcd_cmd_describe(const struct rawcd_cmd_result *res, unsigned timeout_ms, char *buf, size_t n);

/* rcd_cmd_describe() into an error entry "WHAT failed: WHY" (code RAWCD_E_IO); returns RAWCD_E_IO. */
int rcd_cmd_error(struct rcd_drive *d, const char *what, const struct rawcd_cmd_result *res,
		  unsigned timeout_ms);

/*
 * TEST UNIT READY until the drive is ready: while it answers class RAWCD_SENSE_RETRY (a flush, a blank,
 * a format, becoming ready), wait 10 ms, 20 ms, 40 ms ... up to 500 ms between polls, for at most
 * @p budget_ms in all. @p what names the operation waited for in a failure. Returns RAWCD_OK;
 * RAWCD_E_IO (error entry added: no medium, another sense, the budget used up).
 */
int rcd_wait_ready(struct rcd_drive *d, const char *what, unsigned budget_ms);

/* A command that only reads (INQUIRY, READ TOC, ...): build with @p cdb, run with retries, return the
 * bytes received in *got. Errors as rcd_exec (nothing added to the diagnostics). */
int rcd_read_cmd(struct rcd_drive *d, const uint8_t *cdb, size_t cdb_len, uint8_t *buf, size_t len, size_t *got,
		 struct rawcd_cmd_result *res);

/* ---- inspection steps (drive_probe.c), shared with the burn's preflight ---- */

/* TEST UNIT READY (waiting while the drive becomes ready) and INQUIRY; type 5 required.
 * Sets info->medium_present and info->inquiry. Errors are entries (RAWCD_E_IO). */
int rcd_probe_identify(struct rcd_drive *d, struct rawcd_drive_info *info);

/* GET CONFIGURATION: the profile list, then features 002Eh and 002Dh (searched for in a whole list when
 * the drive ignores RT). A failure here is a warning: the burn decides what it needs. */
void rcd_probe_config(struct rcd_drive *d, struct rawcd_drive_info *info);

/* MODE SENSE page 2Ah (warning when it cannot be read). Sets info->buf from every source. */
void rcd_probe_capabilities(struct rcd_drive *d, struct rawcd_drive_info *info);

/* READ DISC INFORMATION. @p required: failure is an error (RAWCD_E_IO), else a warning (returns OK). */
int rcd_probe_disc_info(struct rcd_drive *d, struct rawcd_drive_info *info, bool required);

/* READ TOC format 4 (ATIP), checked by rawcd_mmc_parse_atip(). @p required as above. */
int rcd_probe_atip(struct rcd_drive *d, struct rawcd_drive_info *info, bool required);

/* MODE SENSE page 05h, current values. Returns RAWCD_OK with *out filled, else RAWCD_E_IO (no entry). */
int rcd_read_write_params(struct rcd_drive *d, struct rawcd_mmc_write_params *out);

/*
 * MODE SELECT page 05h with @p setup, built on @p base (NULL: from zeros), then read back (when the
 * drive answers MODE SENSE for page 05h) to see that write type and data block type stuck.
 * Returns RAWCD_OK (accepted); RAWCD_E_UNSUPPORTED (refused: 5/24, 5/26, 5/20, or read back with
 * another pair; *why says how); RAWCD_E_IO (another failure: *why says it). Adds no entry.
 */
int rcd_select_write_params(struct rcd_drive *d, const struct rawcd_mmc_write_setup *setup,
			    const struct rawcd_mmc_write_params *base, char *why, size_t why_len);

/* ---- the burn (burn.c, burn_preflight.c, burn_mode.c, burn_sao.c) ---- */

/* Makes one block to send from a sector of the stream: its 2352 bytes of main channel and its
 * subchannels (NULL when the stream was opened without subcode). */
typedef void (*rcd_block_encoder)(const uint8_t *main, const struct rawcd_subchannels *sub, uint8_t *block);

/* A run of LBAs [start, end) written alike: blocks of @c size bytes made by @c encode. A WRITE(10) never
 * crosses the end of a run (in SAO a run is one data form of the cue sheet). */
struct rcd_run {
	int32_t start, end;
	size_t size;
	rcd_block_encoder encode;
};

#define RCD_MAX_RUNS 128 /* the CD-TEXT lead-in and a data form change at each of 99 tracks at most */

struct rcd_burn {
	struct rcd_drive d;
	const struct rawcd_disc *disc;
	struct rawcd_burn_options o;
	rawcd_burn_progress_fn progress;
	void *progress_user;
	const volatile sig_atomic_t *cancel;
	struct rawcd_burn_result r;
	struct rawcd_drive_info info;
	struct rawcd_cdtext_packs cdtext; /* the lead-in's CD-TEXT (rawcd_cdtext_for_disc()) */
	int buffer_fill;                  /* percent, -1 unknown */
	bool buffer_unanswered;           /* READ BUFFER CAPACITY failed once: not asked again */
	struct rcd_run runs[RCD_MAX_RUNS];/* what is written, in LBA order, from r.first_lba on */
	size_t run_count;
	uint8_t *cue;                     /* SAO: the cue sheet sent (rawcd_mmc_build_cue_sheet()) */
	size_t cue_len;
	bool sao_cdtext;                  /* SAO: the host writes the lead-in's R-W (the CD-TEXT) */
	bool stream_subcode;              /* the stream was opened with its subcode */
	bool records;                     /* the stream is a raw image: its records are the blocks */
	int32_t image_first_lba;          /* records: the LBA of the image's first record */
	const atomic_bool *cancel_flag;   /* polled with @c cancel (rawcd_writer_cancel_write()); NULL: none */
	struct rcd_burn_image *image;     /* a raw image whose records' main channel is sent (burn_image.c) */
	bool may_append;                  /* rawcd_burn(): an appendable disc gets the sheet as new sessions */
	struct rcd_burn_append *append;   /* appending: the disc model b->disc points at (burn_append.c) */
	size_t append_from;               /* appending: the first session written (0-based), else 0 */
};

/* Preflight less the capacity: a read-write MMC recorder with a blank CD-R/RW and a valid ATIP in
 * b->info. Errors are entries: RAWCD_E_IO, RAWCD_E_UNSUPPORTED. */
int rcd_burn_check_drive(struct rcd_burn *b);

/* Drive, medium and capacity checks; fills b->info, b->r.first_lba, leadout_lba and total. Errors are
 * entries: RAWCD_E_IO, RAWCD_E_LAYOUT, RAWCD_E_UNSUPPORTED. Sends nothing that changes the drive. */
int rcd_burn_preflight(struct rcd_burn *b);

/* MODE SELECT page 05h: RAW/3, else RAW/1, else SAO (or the forced mode; burn_mode.c); fills b->r's
 * mode fields and b->runs, and says in a diagnostic which mode was chosen and why. RAWCD_E_IO when the
 * drive accepts none. */
int rcd_burn_select_mode(struct rcd_burn *b);

/* Raw writing (burn.c): one run from the ATIP lead-in start to the end of the lead-out, blocks of
 * b->r.block_size with raw P-W (data block type 3) or P and Q (type 1). */
void rcd_burn_raw_runs(struct rcd_burn *b);

/* SAO (burn_sao.c): build the cue sheet (with the CD-TEXT lead-in when @p cdtext_leadin), the runs it
 * implies (the lead-in's R-W from the ATIP start when @p cdtext_leadin, then from LBA -150 one run per
 * data form up to the lead-out) and b->r's first_lba, total and cue_sheet_length. RAWCD_E_NOMEM, or
 * RAWCD_E_INTERNAL (an error entry) when the sheet cannot be built. */
int rcd_burn_sao_setup(struct rcd_burn *b, bool cdtext_leadin);

/* SEND CUE SHEET of b->cue. RAWCD_E_IO with an error entry when the drive refuses it. */
int rcd_burn_send_cue_sheet(struct rcd_burn *b);

/* SET CD SPEED; a drive that refuses it (5/20, 5/24) gets a warning. */
int rcd_burn_set_speed(struct rcd_burn *b);

/* READ BUFFER CAPACITY into b->buffer_fill (informational: a drive that refuses it is not asked again). */
void rcd_burn_update_buffer(struct rcd_burn *b);

/* ---- the WRITE phase (burn_write.c) ---- */

/* A progress report (when there is a callback). */
void rcd_burn_report(struct rcd_burn *b, enum rawcd_burn_phase phase, int32_t next_lba);

/* The cancel flag or b->cancel_flag is raised. */
bool rcd_burn_canceled(const struct rcd_burn *b);

/* Every block of every run from b->r.first_lba, read from @p st: RAWCD_OK when b->r.total were
 * written; a failed WRITE, RAWCD_E_CANCELED, a stream error. */
int rcd_burn_write_all(struct rcd_burn *b, rawcd_stream *st);

/* SYNCHRONIZE CACHE with Immed, then TEST UNIT READY while the drive is still writing. */
int rcd_burn_finish(struct rcd_burn *b);

/* After a failure or a cancel once writing started: flush, and say in @p b->d.diag what became of the
 * disc (b->r.disc_unusable). */
void rcd_burn_abandon(struct rcd_burn *b, int rc);

/* The end of a burn whose writes returned @p rc: rcd_burn_finish() after success (a failed flush leaves the
 * disc unusable unless simulated), rcd_burn_abandon() after a failure. Returns the burn's status. */
int rcd_burn_conclude(struct rcd_burn *b, int rc);

/*
 * rawcd_writer's write (IDiscFormat2RawCD::WriteMedia2): the records of @p image, whose first is at LBA
 * b->image_first_lba, from b->r.first_lba (the ATIP lead-in start; the records before it are read and
 * dropped) for b->r.total blocks of b->r.block_size bytes (the record size), data sectors scrambled;
 * then the flush, or rcd_burn_abandon(). Precondition: preflight and MODE SELECT done.
 */
int rcd_burn_write_records(struct rcd_burn *b, rawcd_stream *image);

/* ---- images with recorded subcode (burn_image.c) ---- */

/* After the preflight: refuse a CloneCD .sub shorter than the disc (RAWCD_E_INPUT) and, unless SAO is
 * forced, a raw image whose lead-in starts after the ATIP's (RAWCD_E_LAYOUT), both with entries; open a
 * raw image's file into b->image so that its records' main channel is sent. RAWCD_E_INPUT, RAWCD_E_NOMEM. */
int rcd_burn_image_open(struct rcd_burn *b);
void rcd_burn_image_close(struct rcd_burn *b);

/* In raw modes, the main channel of LBAs [lba, lba + n) that the image has records for replaced by the
 * records' (data sectors scrambled where the stream scrambles). RAWCD_E_IO when a read fails. */
int rcd_burn_image_main(struct rcd_burn *b, int32_t lba, size_t n, uint8_t *main);

/* Once the mode is chosen: in raw16 and SAO, a warning naming the recorded frames whose Q the drive will
 * regenerate (SAO) or whose R-W is dropped (first 10 LBAs, then a count). RAWCD_E_NOMEM only. */
int rcd_burn_recorded_losses(struct rcd_burn *b);

/* ---- sessions (burn_session.c) ---- */

/* Page 05h's Multi-session field for session @p i (0-based): 11b (another may follow) for all but the
 * last, and for the last with --multi; else 00b. */
uint8_t rcd_burn_multisession(const struct rcd_burn *b, size_t i);

/* The WRITE phase session by session: each one from its lead-in start to the end of its lead-out, the
 * drive flushed and its disc checked appendable (READ DISC INFORMATION: status 01b and the next lead-in
 * where the layout has it) and page 05h sent again before the next. The last session's flush is the
 * caller's (rcd_burn_finish()). A single session without --multi is rcd_burn_write_all(). SAO with
 * several sessions or --multi: RAWCD_E_UNSUPPORTED before the first WRITE. */
int rcd_burn_write_sessions(struct rcd_burn *b, rawcd_stream *st);

/* ---- appending to a written disc (burn_append.c) ---- */

/* The disc in the drive is appendable (b->info.disc_info read): read its full TOC and point b->disc at a
 * model of its sessions as they are followed by the sheet's, moved to the next lead-in and the next track
 * number; b->append_from is the first new session. Errors are entries, nothing sent that writes:
 * RAWCD_E_IO (the TOC cannot be read or makes no sense), RAWCD_E_UNSUPPORTED (more than 99 tracks, an
 * image with recorded subcode), RAWCD_E_NOMEM. */
int rcd_burn_append_prepare(struct rcd_burn *b);
void rcd_burn_append_free(struct rcd_burn_append *a);

/* START STOP UNIT with LoEj (eject). A failure is a warning (the burn is done by then): RAWCD_E_IO. */
int rcd_eject(struct rcd_drive *d);

#endif
