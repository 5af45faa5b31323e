/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated CD-R recorder (include/rawcd/emulated.h) served to a Linux kernel as a real SCSI device:
 * a TCMU (target_core_user) backend. The kernel puts every CDB that reaches the LIO device in a ring
 * shared through /dev/uioN; this program hands each one to the emulated recorder and writes the status,
 * the sense and the data back. With tcm_loop in front, the guest gets a real /dev/srN and /dev/sgN whose
 * commands go through SG_IO, sg/sr, the SCSI midlayer and LIO before they arrive here.
 *
 * The ring protocol is the kernel's Documentation/target/tcmu-design.rst and <linux/target_core_user.h>:
 * the mailbox at offset 0 gives the command ring (cmdr_off, cmdr_size); entries from cmd_tail to cmd_head
 * are new; a read() of 4 bytes on the uio fd waits for the kernel's "interrupt", a write() of 4 bytes
 * tells it that cmd_tail moved.
 *
 * usage: tcmu_recorder [--faults] [--cd-rw] [--log-cdbs] [--regions N] [--expect-bin BIN] UIO_DEVICE
 *                      [EXPECTED_RAW96]
 *   --log-cdbs: print every command but accepted WRITE(10)s and good TEST UNIT READYs, with its answer
 *   ("recorder: cdb ..."), to see what a burner sends.
 *   --regions N: also compare the received 2448-byte blocks by region and channel (regions.h) and print,
 *   after each recording, "recorder: leadin-toc ..." (the TOC its lead-in's Q makes), "recorder: regions
 *   ..." and the first N differing Q frames of each region ("recorder: q-differs ...").
 *   --expect-bin: the output of `rawcd convert --format bin`: the 2352-byte blocks of an SAO burn at LBA
 *   0 and after are compared with its sectors (SAO sends main channel only, unscrambled).
 *   --cd-rw: the disc is a CD-RW (profile 000Ah), so BLANK works; else a CD-R.
 *   SIGUSR1 switches slow writing on and off: each WRITE(10) then takes 20 ms more, so that a burn lasts
 *   long enough to be interrupted.
 *   --faults: some WRITE(10)s are answered 2/04/08 (long write in progress: the burner must send them
 *   again) and some are carried out but answered 1/17/01 (recovered data with retries: success); their
 *   sense travels back through LIO, the midlayer and SG_IO.
 *   Serves until killed. At the first block of a recording it prints "recorder: writing from LBA N";
 *   after every SYNCHRONIZE CACHE one line beginning "recorder: recording"
 *   with what the recorder counted (emulated.h, struct rawcd_emu_state). With EXPECTED_RAW96 (the output
 *   of `rawcd convert --format raw96 --lead-in=11625 --lead-out`), each received 2448-byte block is also
 *   compared with the block of the same LBA there: equal, equal once its main channel is descrambled
 *   (ECMA-130 Annex B: data sectors are written scrambled), or different.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/uio.h> /* struct iovec from glibc; <linux/uio.h> would define it again */
#define __LINUX_UIO_H
#include <linux/target_core_user.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rawcd/rawcd.h>

#include "regions.h"

#define BLOCK_RAW96 2448u
#define SCSI_STATUS_CHECK 0x02
#define SCSI_STATUS_TASK_ABORTED 0x40
#define SLOW_WRITE_US 20000

static volatile sig_atomic_t slow_writes;
static bool log_cdbs; /* --log-cdbs */

static void toggle_slow(int sig)
{
	(void)sig;
	slow_writes = !slow_writes;
}

/* The comparison of received blocks against the expected image. */
struct compare {
	int fd;                  /* the expected raw96 image, or -1 */
	int bin_fd;              /* the expected BIN image (SAO), or -1 */
	int32_t first_lba;       /* LBA of its first block: the ATIP lead-in start */
	uint64_t equal, descrambled, different;
	int32_t first_difference;
	bool any_difference;
	bool writing;            /* "recorder: writing" was printed for this recording */
	bool by_region;          /* --regions: also count by region (regions.h) */
	struct regions regions;
};

static void count(struct compare *c, int32_t lba, bool same, bool unscrambled)
{
	if (!same) {
		if (!c->any_difference)
			c->first_difference = lba;
		c->any_difference = true;
		c->different++;
	} else if (unscrambled) {
		c->descrambled++;
	} else {
		c->equal++;
	}
}

/* SAO: program-area blocks against the BIN image; the pregap and the lead-in's R-W blocks are not in it. */
static void compare_sao(struct compare *c, int32_t lba, const uint8_t *data, size_t blocks)
{
	uint8_t want[RAWCD_SECTOR_SIZE];
	for (size_t i = 0; i < blocks; i++) {
		int32_t at = lba + (int32_t)i;
		if (at < 0)
			continue;
		bool same = pread(c->bin_fd, want, sizeof(want), (off_t)at * RAWCD_SECTOR_SIZE) == (ssize_t)sizeof(want) &&
			    memcmp(data + i * RAWCD_SECTOR_SIZE, want, sizeof(want)) == 0;
		count(c, at, same, false);
	}
}

static int compare_blocks(void *user, int32_t lba, const uint8_t *data, size_t blocks, size_t block_size)
{
	struct compare *c = user;
	if (!c->writing) {
		printf("recorder: writing from LBA %d\n", lba);
		fflush(stdout);
		c->writing = true;
	}
	if (block_size == RAWCD_SECTOR_SIZE && c->bin_fd >= 0)
		compare_sao(c, lba, data, blocks);
	if (block_size != BLOCK_RAW96 || c->fd < 0)
		return 0;
	uint8_t want[BLOCK_RAW96], got[BLOCK_RAW96];
	for (size_t i = 0; i < blocks; i++) {
		int32_t at = lba + (int32_t)i;
		const uint8_t *block = data + i * block_size;
		off_t offset = (off_t)(at - c->first_lba) * BLOCK_RAW96;
		bool same = false, unscrambled = false;
		if (offset >= 0 &&
		    pread(c->fd, want, sizeof(want), offset) == (ssize_t)sizeof(want)) {
			if (c->by_region)
				regions_compare(&c->regions, at, block, want);
			if (memcmp(block, want, sizeof(want)) == 0) {
				same = true;
			} else if (memcmp(block + RAWCD_SECTOR_SIZE, want + RAWCD_SECTOR_SIZE,
					  BLOCK_RAW96 - RAWCD_SECTOR_SIZE) == 0) {
				memcpy(got, block, RAWCD_SECTOR_SIZE);
				rawcd_scramble_sectors(got, 1);
				unscrambled = same = memcmp(got, want, RAWCD_SECTOR_SIZE) == 0;
			}
		}
		count(c, at, same, unscrambled);
	}
	return 0;
}

/* "recorder: leadin-toc first=F last=L tracks=N@LBA/CONTROL,... leadout=LBA" from the lead-in's Q. */
static void print_leadin_toc(const rawcd_transport *t)
{
	static struct rawcd_toc toc;
	if (rawcd_emu_leadin_toc(&toc, t) != RAWCD_OK) {
		printf("recorder: leadin-toc none\n");
		return;
	}
	printf("recorder: leadin-toc first=%u last=%u tracks=", toc.first_track, toc.last_track);
	for (size_t i = 0; i < toc.track_count; i++)
		printf("%s%u@%d/%u", i ? "," : "", toc.tracks[i].number, toc.tracks[i].start_lba,
		       toc.tracks[i].control);
	printf(" leadout=%d\n", toc.leadout_lba);
}

/* "recorder: cdtext-packs N TYPE.TRACK.SEQ ..." : the header of every CD-TEXT pack the lead-in's R-W gave. */
static void print_cdtext(const rawcd_transport *t)
{
	struct rawcd_cdtext_packs p = {0};
	if (rawcd_emu_leadin_cdtext(&p, t) != RAWCD_OK)
		return;
	printf("recorder: cdtext-packs %zu", p.count);
	for (size_t i = 0; i < p.count; i++)
		printf(" %02x.%02x.%02x", p.pack[i][0], p.pack[i][1], p.pack[i][2]);
	printf("\n");
	rawcd_cdtext_packs_finish(&p);
}

static void print_recording(const rawcd_transport *t, struct compare *c)
{
	struct rawcd_emu_state s;
	if (rawcd_emu_get_state(&s, t) != RAWCD_OK)
		return;
	printf("recorder: recording write_type=%u data_block_type=%u test_write=%d bufe=%d disc_status=%u "
	       "first_lba=%d blocks=%llu bad_q_crc=%llu leadin_blocks=%llu leadin_toc_frames=%llu "
	       "leadin_p_frames=%llu pregap_blocks=%llu program_blocks=%llu leadout_frames=%llu "
	       "cdtext_packs=%zu sao_blocks=%llu cue_sheet_length=%zu writes=%u busy_answers=%u failed=%d",
	       s.write_type, s.data_block_type, s.test_write, s.bufe, s.disc_status, s.first_lba,
	       (unsigned long long)s.blocks, (unsigned long long)s.bad_q_crc,
	       (unsigned long long)s.leadin_blocks, (unsigned long long)s.leadin_toc_frames,
	       (unsigned long long)s.leadin_p_frames, (unsigned long long)s.pregap_blocks,
	       (unsigned long long)s.program_blocks, (unsigned long long)s.leadout_frames, s.cdtext_packs,
	       (unsigned long long)s.sao_blocks, s.cue_sheet_length, s.writes, s.busy_answers, s.recording_failed);
	if (c->fd >= 0 || c->bin_fd >= 0) {
		printf(" equal=%llu descrambled=%llu different=%llu", (unsigned long long)c->equal,
		       (unsigned long long)c->descrambled, (unsigned long long)c->different);
		if (c->any_difference)
			printf(" first_difference_lba=%d", c->first_difference);
	}
	printf("\n");
	if (c->by_region && c->writing) {
		print_leadin_toc(t);
		print_cdtext(t);
		regions_print(&c->regions);
	}
	fflush(stdout);
	c->equal = c->descrambled = c->different = 0;
	c->any_difference = c->writing = false;
}

/* The CDB length by operation code group (SPC-4 §4.2.5.1); 0 for the vendor and reserved groups. */
static size_t cdb_length(uint8_t opcode)
{
	switch (opcode >> 5) {
	case 0: return 6;
	case 1: case 2: return 10;
	case 4: return 16;
	case 5: return 12;
	default: return 0;
	}
}

/* Which commands carry data to the device (MMC-6 and SPC-4): the rest that carry data read it. */
static enum rawcd_xfer direction(uint8_t opcode, size_t len)
{
	if (len == 0)
		return RAWCD_XFER_NONE;
	switch (opcode) {
	case 0x0A: /* WRITE(6) */
	case 0x15: /* MODE SELECT(6) */
	case 0x2A: /* WRITE(10) */
	case 0x2E: /* WRITE AND VERIFY(10) */
	case 0x3B: /* WRITE BUFFER */
	case 0x54: /* SEND OPC INFORMATION */
	case 0x55: /* MODE SELECT(10) */
	case 0x5D: /* SEND CUE SHEET */
	case 0xA2: /* SEND EVENT */
	case 0xAA: /* WRITE(12) */
	case 0xBF: /* SEND DISC STRUCTURE */
		return RAWCD_XFER_TO_DEVICE;
	default:
		return RAWCD_XFER_FROM_DEVICE;
	}
}

struct ring {
	uint8_t *base;      /* the mmap of the uio device */
	size_t size;
	uint16_t flags;     /* mailbox flags: TCMU_MAILBOX_FLAG_CAP_READ_LEN */
	uint32_t cmdr_off, cmdr_size;
	uint8_t *buf;       /* one command's data, gathered */
	size_t buf_size;
};

static void set_sense(struct tcmu_cmd_entry *ent, uint8_t key, uint8_t asc, uint8_t ascq)
{
	ent->rsp.scsi_status = SCSI_STATUS_CHECK;
	uint8_t sense[18] = {0x70, 0, key, 0, 0, 0, 0, 10, 0, 0, 0, 0, asc, ascq, 0, 0, 0, 0};
	memcpy(ent->rsp.sense_buffer, sense, sizeof(sense));
}

/* --log-cdbs: "recorder: cdb BYTES len=N -> good T" (T bytes moved) or "-> check K/ASC/ASCQ", for every
 * command but an accepted WRITE(10) and a TEST UNIT READY answered GOOD. */
static void print_cdb(const uint8_t *cdb, size_t cdb_len, size_t len, const struct rawcd_cmd_result *res)
{
	bool quiet_op = cdb[0] == RAWCD_MMC_OP_WRITE10 || cdb[0] == RAWCD_MMC_OP_TEST_UNIT_READY;
	if (quiet_op && !res->check_condition)
		return;
	printf("recorder: cdb");
	for (size_t i = 0; i < cdb_len; i++)
		printf(" %02x", cdb[i]);
	if (res->check_condition)
		printf(" len=%zu -> check %X/%02X/%02X\n", len, res->sense.key, res->sense.asc, res->sense.ascq);
	else
		printf(" len=%zu -> good %zu\n", len, res->transferred);
	fflush(stdout);
}

/* Run one command entry through the recorder and write its response over it. */
static void serve_command(struct ring *r, rawcd_transport *t, struct tcmu_cmd_entry *ent)
{
	const uint8_t *cdb = r->base + ent->req.cdb_off;
	uint32_t iov_cnt = ent->req.iov_cnt;
	struct iovec iov[64];
	size_t len = 0;
	if (iov_cnt > 64)
		iov_cnt = 0; /* refused below as an invalid transfer */
	for (uint32_t i = 0; i < iov_cnt; i++) {
		iov[i] = ent->req.iov[i];
		len += iov[i].iov_len;
	}
	size_t cdb_len = cdb_length(cdb[0]);
	enum rawcd_xfer dir = direction(cdb[0], len);
	uint8_t cdb_copy[RAWCD_CDB_MAX] = {0};
	bool usable = cdb_len > 0 && cdb_len <= RAWCD_CDB_MAX && ent->req.iov_cnt <= 64;
	if (usable)
		memcpy(cdb_copy, cdb, cdb_len);
	/* The response overlays the request (a union): everything needed from it is copied above. */
	memset(ent->rsp.sense_buffer, 0, TCMU_SENSE_BUFFERSIZE);
	ent->rsp.scsi_status = 0;
	if (!usable) {
		set_sense(ent, 0x5, 0x20, 0x00); /* invalid command operation code */
		return;
	}
	if (len > r->buf_size) {
		uint8_t *bigger = realloc(r->buf, len);
		if (!bigger) {
			set_sense(ent, 0x4, 0x44, 0x00);
			return;
		}
		r->buf = bigger;
		r->buf_size = len;
	}
	size_t at = 0;
	if (dir == RAWCD_XFER_TO_DEVICE) {
		for (uint32_t i = 0; i < iov_cnt; i++) {
			memcpy(r->buf + at, r->base + (uintptr_t)iov[i].iov_base, iov[i].iov_len);
			at += iov[i].iov_len;
		}
	} else if (len) {
		memset(r->buf, 0, len);
	}

	struct rawcd_cmd_result res;
	int rc = rawcd_transport_execute(t, cdb_copy, cdb_len, dir, len ? r->buf : NULL, len, 0, &res);
	if (rc != RAWCD_OK) {
		/* The emulated kernel checks refused it (an oversize transfer): the real kernel let it through,
		 * so answer as a drive would. */
		set_sense(ent, 0x5, 0x24, 0x00);
		return;
	}
	if (log_cdbs)
		print_cdb(cdb_copy, cdb_len, len, &res);
	if (res.timed_out) {
		ent->rsp.scsi_status = SCSI_STATUS_TASK_ABORTED;
		return;
	}
	if (dir == RAWCD_XFER_FROM_DEVICE) {
		size_t left = res.transferred < len ? res.transferred : len;
		at = 0;
		for (uint32_t i = 0; i < iov_cnt && left; i++) {
			size_t n = iov[i].iov_len < left ? iov[i].iov_len : left;
			memcpy(r->base + (uintptr_t)iov[i].iov_base, r->buf + at, n);
			at += n;
			left -= n;
		}
		if (r->flags & TCMU_MAILBOX_FLAG_CAP_READ_LEN) {
			ent->rsp.read_len = (uint32_t)(res.transferred < len ? res.transferred : len);
			ent->hdr.uflags |= TCMU_UFLAG_READ_LEN;
		}
	}
	if (res.check_condition)
		set_sense(ent, res.sense.key, res.sense.asc, res.sense.ascq);
	else
		ent->rsp.scsi_status = res.status;
}

static uint32_t *mailbox_u32(struct ring *r, size_t offset)
{
	return (uint32_t *)(void *)(r->base + offset);
}

static long map_size(const char *uio)
{
	const char *name = strrchr(uio, '/');
	name = name ? name + 1 : uio;
	char path[256];
	snprintf(path, sizeof(path), "/sys/class/uio/%s/maps/map0/size", name);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	unsigned long size = 0;
	int n = fscanf(f, "%lx", &size);
	fclose(f);
	return n == 1 ? (long)size : -1;
}

struct server {
	struct ring *ring;
	rawcd_transport *t;
	struct compare *cmp;
	int fd;
	const char *uio;
};

/* Answer every entry from cmd_tail to cmd_head, then tell the kernel (a 4-byte write on the uio fd). */
static void serve_ring(struct server *s)
{
	struct ring *r = s->ring;
	uint32_t *head = mailbox_u32(r, offsetof(struct tcmu_mailbox, cmd_head));
	uint32_t *tail = mailbox_u32(r, offsetof(struct tcmu_mailbox, cmd_tail));
	bool completed = false;
	uint32_t at = __atomic_load_n(tail, __ATOMIC_ACQUIRE);
	while (at != __atomic_load_n(head, __ATOMIC_ACQUIRE)) {
		struct tcmu_cmd_entry *ent = (struct tcmu_cmd_entry *)(void *)(r->base + r->cmdr_off + at);
		uint32_t len_op = ent->hdr.len_op;
		bool sync = false;
		if (tcmu_hdr_get_op(len_op) == TCMU_OP_CMD) {
			uint8_t opcode = r->base[ent->req.cdb_off];
			if (slow_writes && opcode == RAWCD_MMC_OP_WRITE10)
				usleep(SLOW_WRITE_US);
			serve_command(r, s->t, ent);
			sync = opcode == RAWCD_MMC_OP_SYNCHRONIZE_CACHE;
			if (rawcd_emu_command_count(s->t) > 4096)
				rawcd_emu_clear_log(s->t);
		} else if (tcmu_hdr_get_op(len_op) != TCMU_OP_PAD) {
			ent->hdr.uflags |= TCMU_UFLAG_UNKNOWN_OP;
		}
		at = (at + tcmu_hdr_get_len(len_op)) % r->cmdr_size;
		__atomic_store_n(tail, at, __ATOMIC_RELEASE);
		completed = true;
		if (sync)
			print_recording(s->t, s->cmp);
	}
	uint32_t one = 1;
	if (completed && write(s->fd, &one, sizeof(one)) != (ssize_t)sizeof(one))
		fprintf(stderr, "recorder: write of %s: %s\n", s->uio, strerror(errno));
}

int main(int argc, char **argv)
{
	bool faults = false, cd_rw = false;
	struct compare cmp = {.fd = -1, .bin_fd = -1, .first_lba = -11625};
	while (argc > 1 && strncmp(argv[1], "--", 2) == 0) {
		if (strcmp(argv[1], "--faults") == 0) {
			faults = true;
		} else if (strcmp(argv[1], "--cd-rw") == 0) {
			cd_rw = true;
		} else if (strcmp(argv[1], "--log-cdbs") == 0) {
			log_cdbs = true;
		} else if (strcmp(argv[1], "--regions") == 0 && argc > 2) {
			cmp.by_region = true;
			cmp.regions.show = (unsigned)strtoul(argv[2], NULL, 10);
			cmp.regions.out = stdout;
			argv++;
			argc--;
		} else if (strcmp(argv[1], "--expect-bin") == 0 && argc > 2) {
			cmp.bin_fd = open(argv[2], O_RDONLY);
			if (cmp.bin_fd < 0) {
				fprintf(stderr, "recorder: %s: %s\n", argv[2], strerror(errno));
				return 3;
			}
			argv++;
			argc--;
		} else {
			break;
		}
		argv++;
		argc--;
	}
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: tcmu_recorder [--faults] [--cd-rw] [--log-cdbs] [--regions N] "
			"[--expect-bin BIN] UIO_DEVICE [EXPECTED_RAW96]\n");
		return 2;
	}
	if (argc == 3) {
		cmp.fd = open(argv[2], O_RDONLY);
		if (cmp.fd < 0) {
			fprintf(stderr, "recorder: %s: %s\n", argv[2], strerror(errno));
			return 3;
		}
	}
	/* WRITE(10) occurrences count from the open, over every recording: 10-12, 310-312, ... busy;
	 * 20, 720, 1420 recovered. */
	static const struct rawcd_emu_fault write_faults[] = {
		{.opcode = RAWCD_MMC_OP_WRITE10, .first = 10, .count = 3, .every = 300,
		 .kind = RAWCD_EMU_FAULT_SENSE, .key = 0x2, .asc = 0x04, .ascq = 0x08},
		{.opcode = RAWCD_MMC_OP_WRITE10, .first = 20, .count = 1, .every = 700,
		 .kind = RAWCD_EMU_FAULT_RECOVERED, .key = 0x1, .asc = 0x17, .ascq = 0x01},
	};
	long size = map_size(argv[1]);
	int fd = open(argv[1], O_RDWR);
	if (fd < 0 || size <= 0) {
		fprintf(stderr, "recorder: %s: cannot open the TCMU device (%s)\n", argv[1],
			fd < 0 ? strerror(errno) : "no map0 size in sysfs");
		return 3;
	}
	struct ring r = {.size = (size_t)size};
	r.base = mmap(NULL, r.size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (r.base == MAP_FAILED) {
		fprintf(stderr, "recorder: mmap of %s: %s\n", argv[1], strerror(errno));
		return 3;
	}
	const struct tcmu_mailbox *mb = (const struct tcmu_mailbox *)(void *)r.base;
	r.flags = mb->flags;
	r.cmdr_off = mb->cmdr_off;
	r.cmdr_size = mb->cmdr_size;

	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.vendor = "RAWCD";
	cfg.product = cd_rw ? "TCMU CD-RW" : "TCMU CD-R";
	cfg.profile = cd_rw ? RAWCD_MMC_PROFILE_CD_RW : RAWCD_MMC_PROFILE_CD_R;
	cfg.name = "tcmu";
	cfg.sink = compare_blocks;
	cfg.sink_user = &cmp;
	if (faults) {
		cfg.faults = write_faults;
		cfg.fault_count = sizeof(write_faults) / sizeof(write_faults[0]);
	}
	rawcd_transport *t = NULL;
	if (rawcd_transport_open_emulated(&t, &cfg) != RAWCD_OK) {
		fprintf(stderr, "recorder: cannot open the emulated recorder\n");
		return 3;
	}
	printf("recorder: serving %s (mailbox version %u, flags %#x, ring %u bytes)%s\n", argv[1], mb->version,
	       r.flags, r.cmdr_size, faults ? " with scripted WRITE faults" : "");
	fflush(stdout);

	struct sigaction sa = {.sa_handler = toggle_slow};
	sigaction(SIGUSR1, &sa, NULL);
	/* Entries queued before the open raised no event this fd will see: serve the ring once first. */
	struct server srv = {.ring = &r, .t = t, .cmp = &cmp, .fd = fd, .uio = argv[1]};
	serve_ring(&srv);
	for (;;) {
		uint32_t events;
		if (read(fd, &events, sizeof(events)) != (ssize_t)sizeof(events)) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "recorder: read of %s: %s\n", argv[1], strerror(errno));
			break;
		}
		serve_ring(&srv);
	}
	rawcd_transport_close(t);
	return 3;
}
