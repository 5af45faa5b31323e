/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Keep a device open with O_EXCL until killed, as a program that has the drive would (a burner, or a
 * mounted disc): the kernel-path test uses it to make `rawcd burn` meet a real EBUSY.
 * usage: hold_excl DEVICE   (prints "held DEVICE" once the device is open)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: hold_excl DEVICE\n");
		return 2;
	}
	int fd = open(argv[1], O_RDONLY | O_NONBLOCK | O_EXCL);
	if (fd < 0) {
		fprintf(stderr, "hold_excl: %s: %s\n", argv[1], strerror(errno));
		return 3;
	}
	printf("held %s\n", argv[1]);
	fflush(stdout);
	for (;;)
		pause();
}
