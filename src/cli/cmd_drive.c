/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd drive DEV: what a drive is, what it can write, what disc is in it (DESIGN.md §3, §5). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "rawcd/burn.h"
#include "rawcd/transport.h"

static const char *yes(bool v)
{
	return v ? "yes" : "no";
}

static void print_profiles(const struct rawcd_drive_info *in)
{
	if (!in->has_profiles) {
		puts("Profiles:    (not reported)");
		return;
	}
	uint16_t cur = in->profiles.current_profile;
	printf("Medium:      %s (profile %04Xh)\n", cur ? rawcd_mmc_profile_name(cur) : "none", cur);
	fputs("Profiles:   ", stdout);
	for (size_t i = 0; i < in->profiles.count; i++)
		printf(" %s%s", rawcd_mmc_profile_name(in->profiles.list[i].number),
		       i + 1 < in->profiles.count ? "," : "\n");
	if (in->profiles.count == 0)
		putchar('\n');
}

static void print_features(const struct rawcd_drive_info *in)
{
	if (in->has_cd_mastering) {
		const struct rawcd_mmc_cd_mastering *m = &in->cd_mastering;
		printf("CD Mastering (002Eh): SAO %s, raw %s, raw multi-session %s, test write %s, BUF %s, R-W %s\n",
		       yes(m->sao), yes(m->raw), yes(m->raw_ms), yes(m->test_write), yes(m->buf), yes(m->rw));
	} else {
		puts("CD Mastering (002Eh): not reported");
	}
	if (in->has_cd_tao) {
		const struct rawcd_mmc_cd_tao *t = &in->cd_tao;
		printf("CD TAO (002Dh):       R-W raw %s, R-W pack %s, test write %s, BUF %s, data types %04Xh\n",
		       yes(t->rw_raw), yes(t->rw_pack), yes(t->test_write), yes(t->buf), t->data_types);
	} else {
		puts("CD TAO (002Dh):       not reported");
	}
	if (in->ignores_rt)
		puts("                      (the drive ignores RT: features were looked up in its whole list)");
}

static void print_capabilities(const struct rawcd_drive_info *in)
{
	if (!in->has_capabilities) {
		puts("Speeds:      (page 2Ah not reported)");
		return;
	}
	const struct rawcd_mmc_capabilities *c = &in->capabilities;
	printf("Speeds:      read up to %u kB/s (%.0fx), write up to %u kB/s (%.0fx), now %u kB/s; buffer %u kB\n",
	       c->max_read_speed, c->max_read_speed / 176.4, c->max_write_speed, c->max_write_speed / 176.4,
	       c->current_write_speed, c->buffer_size);
	if (c->write_speed_count) {
		fputs("Write speeds:", stdout);
		for (size_t i = 0; i < c->write_speed_count && i < RAWCD_MMC_MAX_WRITE_SPEEDS; i++)
			printf(" %.0fx", c->write_speeds[i] / 176.4);
		putchar('\n');
	}
}

static void print_disc(const struct rawcd_drive_info *in)
{
	static const char *const status[] = {"blank", "appendable", "complete", "other"};
	if (!in->medium_present) {
		puts("Disc:        none");
		return;
	}
	if (in->has_disc_info)
		printf("Disc:        %s%s, %u session%s\n", status[in->disc_info.disc_status & 3],
		       in->disc_info.erasable ? ", erasable" : "", in->disc_info.sessions,
		       in->disc_info.sessions == 1 ? "" : "s");
	/* IMAPI StartOfNextSession: an appendable disc's next lead-in (READ DISC INFORMATION bytes 17-19) */
	if (in->has_disc_info && (in->disc_info.disc_status & 3) == 1 && in->disc_info.leadin_valid)
		printf("Next session: lead-in at %02u:%02u:%02u (LBA %d)\n", in->disc_info.leadin_start.m,
		       in->disc_info.leadin_start.s, in->disc_info.leadin_start.f, in->disc_info.leadin_start_lba);
	if (in->has_atip) {
		const struct rawcd_mmc_atip *a = &in->atip;
		printf("ATIP:        %s, lead-in %02u:%02u:%02u (LBA %d), last lead-out start %02u:%02u:%02u "
		       "(LBA %d)\n", a->disc_is_rw ? "CD-RW" : "CD-R", a->leadin_start.m, a->leadin_start.s,
		       a->leadin_start.f, a->leadin_start_lba, a->last_leadout_start.m, a->last_leadout_start.s,
		       a->last_leadout_start.f, a->last_leadout_start_lba);
	}
}

static void print_info(const char *dev, const struct rawcd_drive_info *in)
{
	printf("Device:      %s%s\n", dev, in->read_only ? " (opened read-only)" : "");
	printf("Drive:       %s %s %s\n", in->inquiry.vendor, in->inquiry.product, in->inquiry.revision);
	print_profiles(in);
	print_disc(in);
	print_features(in);
	print_capabilities(in);
	printf("BUF:         %s\n", yes(in->buf));
	printf("Write modes: raw96r %s, raw16 %s, raw96p %s, sao %s%s\n", rawcd_mode_support_name(in->raw96r),
	       rawcd_mode_support_name(in->raw16), rawcd_mode_support_name(in->raw96p),
	       rawcd_mode_support_name(in->sao), in->read_only ? " (not probed: read-only)" : "");
}

int cmd_drive(int argc, char **argv)
{
	static const struct option opts[] = {{"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {0}};
	bool json = false;
	int c;
	while ((c = getopt_long(argc, argv, "jh", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = true; break;
		case 'h': cli_help("drive"); return 0;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("usage: rawcd drive DEV [--json]");
	const char *dev = argv[optind];
	rawcd_diag *diag = rawcd_diag_new();
	rawcd_transport *t = NULL;
	struct rawcd_drive_info *info = calloc(1, sizeof(*info));
	int rc = info ? rawcd_transport_open_sg(&t, dev, true, diag) : RAWCD_E_NOMEM;
	if (rc == RAWCD_OK)
		rc = rawcd_drive_probe(t, info, diag);
	cli_print_diag(diag);
	if (rc == RAWCD_OK && json) {
		char *text = NULL;
		rc = rawcd_drive_info_to_json(&text, info);
		if (text)
			fputs(text, stdout);
		free(text);
	} else if (rc == RAWCD_OK) {
		print_info(dev, info);
	}
	rawcd_transport_close(t);
	rawcd_diag_free(diag);
	free(info);
	return rawcd_error_exit_status(rc);
}
