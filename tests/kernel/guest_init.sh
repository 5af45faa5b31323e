#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-or-later
# /init of the kernel-path test's initramfs (see test_kernel_path.sh, which builds the initramfs and reads
# what this prints on the serial console). It loads the SCSI, sr, sg, virtio and LIO modules, serves the
# emulated recorder through TCMU + tcm_loop, and runs rawcd against QEMU's read-only scsi-cd (/dev/sr0)
# and the recorder (/dev/sr1). Every step prints "@@ step NAME exit=N" and its output, prefixed
# "@@ NAME out:" / "@@ NAME err:"; the host test decides what passed.
/bin/busybox --install -s /bin
export PATH=/bin
export LD_LIBRARY_PATH=/lib # the build tree's libraries (their RUNPATHs point into it)
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
echo "@@ guest up: Linux $(uname -r)"

load() {
	for m in "$@"; do
		insmod "/modules/$m.ko" || echo "@@ insmod $m failed"
	done
}

wait_for() { # path, tenths of a second
	i=0
	while [ ! -e "$1" ] && [ "$i" -lt "$2" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -e "$1" ]
}

step() { # name, command...
	name=$1
	shift
	"$@" >/tmp/out 2>/tmp/err
	rc=$?
	echo "@@ step $name exit=$rc"
	sed "s/^/@@ $name out: /" /tmp/out
	sed "s/^/@@ $name err: /" /tmp/err
}

finish() {
	echo "@@ dmesg:"
	dmesg | grep -iE 'sr[0-9]|sg[0-9]|tcmu|tcm_loop|target|scsi' | tail -40 | sed 's/^/@@ dmesg: /'
	echo "@@ guest done"
	sync
	poweroff -f
	echo o >/proc/sysrq-trigger
	sleep 10
}

# QEMU's scsi-cd first, so that it is /dev/sr0.
load scsi_common scsi_mod cdrom sr_mod sg virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev \
	virtio_pci virtio_scsi
if ! wait_for /dev/sr0 100; then
	echo "@@ no /dev/sr0 from QEMU's scsi-cd"
	finish
fi
step qemu-toc rawcd toc /dev/sr0 --format json
step qemu-drive rawcd drive /dev/sr0
step qemu-burn rawcd burn /data/example.cue --device /dev/sr0
step qemu-burn-simulate rawcd burn /data/example.cue --device /dev/sr0 --simulate
step not-a-drive rawcd burn /data/example.cue --device /data/example.iso

# The image a raw DAO burn of the sheet must send, from the ATIP lead-in start 97:27:00 (LBA -11625).
step convert rawcd convert /data/example.cue -o /tmp/expected.raw96 --format raw96 --lead-in=11625 --lead-out

# The recorder behind TCMU, then tcm_loop: the nexus before the LUN.
load crct10dif_common crc-t10dif configfs target_core_mod uio target_core_user tcm_loop
mount -t configfs configfs /sys/kernel/config
core=/sys/kernel/config/target/core/user_1/recorder
mkdir -p "$core"
echo -n "dev_config=rawcd/recorder" >"$core/control"
echo -n "dev_size=$((800 * 1024 * 1024))" >"$core/control"
echo -n "hw_block_size=2048" >"$core/control"
echo 1 >"$core/enable"
if ! wait_for /dev/uio0 50; then
	echo "@@ no /dev/uio0 from target_core_user"
	finish
fi
tcmu_recorder --faults /dev/uio0 /tmp/expected.raw96 >/tmp/recorder.log 2>&1 &
recorder=$!
i=0
while ! grep -q '^recorder: serving' /tmp/recorder.log && [ "$i" -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
tpg=/sys/kernel/config/target/loopback/naa.5001405000000001/tpgt_1
mkdir -p "$tpg/lun/lun_0"
echo naa.5001405000000002 >"$tpg/nexus"
ln -s "$core" "$tpg/lun/lun_0/recorder"
if ! wait_for /dev/sr1 300; then
	echo "@@ no /dev/sr1 from tcm_loop"
	cat /tmp/recorder.log
	finish
fi
wait_for /dev/sg1 50
echo "@@ recorder device: $(cat /sys/class/scsi_generic/sg1/device/vendor 2>/dev/null) $(cat /sys/class/scsi_generic/sg1/device/model 2>/dev/null)"

step drive rawcd drive /dev/sr1
step drive-sg rawcd drive /dev/sg1 --json
step burn-simulate rawcd burn /data/example.cue --device /dev/sr1 --simulate
hold_excl /dev/sr1 >/tmp/hold.log 2>&1 &
holder=$!
wait_for /tmp/hold.log 20
sleep 1
echo "@@ holder: $(cat /tmp/hold.log)"
step burn-busy rawcd burn /data/example.cue --device /dev/sr1
kill "$holder"
wait "$holder" 2>/dev/null
step burn rawcd burn /data/example.cue --device /dev/sr1 --verify
step toc-disc rawcd toc /dev/sr1 --format json
step toc-sheet rawcd toc /data/example.cue --format json
step burn-again rawcd burn /data/example.cue --device /dev/sr1

kill "$recorder"
sed 's/^/@@ recorder: /' /tmp/recorder.log
finish
