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

wait_for_lines() { # file, pattern, how many lines, tenths of a second
	i=0
	while [ "$(grep -c "$2" "$1" 2>/dev/null)" -lt "$3" ] && [ "$i" -lt "$4" ]; do
		sleep 0.1
		i=$((i + 1))
	done
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
step qemu-drive-json rawcd drive /dev/sg0 --json
step qemu-burn rawcd burn /data/example.cue --device /dev/sr0
step qemu-burn-simulate rawcd burn /data/example.cue --device /dev/sr0 --simulate
step not-a-drive rawcd burn /data/example.cue --device /data/example.iso

# The image a raw DAO burn of the sheet must send, from the ATIP lead-in start 97:27:00 (LBA -11625).
step convert rawcd convert /data/example.cue -o /tmp/expected.raw96 --format raw96 --lead-in=11625 --lead-out
# What an SAO burn sends from LBA 0 on: the BIN image's sectors.
step convert-bin rawcd convert /data/example.cue -o /tmp/expected.bin --format bin

# The recorders behind TCMU, then tcm_loop: the nexus before the first LUN.
load crct10dif_common crc-t10dif configfs target_core_mod uio target_core_user tcm_loop
mount -t configfs configfs /sys/kernel/config
tpg=/sys/kernel/config/target/loopback/naa.5001405000000001/tpgt_1
mkdir -p "$tpg"
echo naa.5001405000000002 >"$tpg/nexus"

serve() { # name, uio device, LUN, SCSI device to wait for, recorder options...
	name=$1 uio=$2 lun=$3 dev=$4
	shift 4
	core=/sys/kernel/config/target/core/user_1/$name
	mkdir -p "$core"
	echo -n "dev_config=rawcd/$name" >"$core/control"
	echo -n "dev_size=$((800 * 1024 * 1024))" >"$core/control"
	echo -n "hw_block_size=2048" >"$core/control"
	echo 1 >"$core/enable"
	if ! wait_for "/dev/$uio" 50; then
		echo "@@ no /dev/$uio from target_core_user"
		return 1
	fi
	tcmu_recorder "$@" "/dev/$uio" /tmp/expected.raw96 >"/tmp/$name.log" 2>&1 &
	echo $! >"/tmp/$name.pid"
	wait_for_lines "/tmp/$name.log" '^recorder: serving' 1 100
	mkdir -p "$tpg/lun/$lun"
	ln -s "$core" "$tpg/lun/$lun/$name"
	if ! wait_for "/dev/$dev" 300; then
		echo "@@ no /dev/$dev from tcm_loop"
		cat "/tmp/$name.log"
		return 1
	fi
}
serve recorder uio0 lun_0 sr1 --faults --regions 0 || finish
serve recorder-rw uio1 lun_1 sr2 --cd-rw --expect-bin /tmp/expected.bin || finish
# A third recorder (a blank CD-R) for the real clients, cdrdao and wodim: every CDB they send is logged, what
# they write is compared by region with the converted image.
if [ -x /bin/cdrdao ] || [ -x /bin/wodim ]; then
	serve recorder-clients uio2 lun_2 sr3 --log-cdbs --regions 12 || finish
fi
# Two more recorders for the image and multisession burns (issue 13): a CD-RW that compares what arrives
# with the converted image, and a blank CD-R for the enhanced CD (its comparison with the one-session
# image means nothing and is not read). Their numbers follow the clients'.
n=2
[ -f /tmp/recorder-clients.pid ] && n=3
img_dev=/dev/sr$((n + 1)) ms_dev=/dev/sr$((n + 2))
serve recorder-img "uio$n" "lun_$n" "sr$((n + 1))" --cd-rw --regions 0 || finish
serve recorder-ms "uio$((n + 1))" "lun_$((n + 1))" "sr$((n + 2))" || finish
wait_for /dev/sg1 50
echo "@@ recorder device: $(cat /sys/class/scsi_generic/sg1/device/vendor 2>/dev/null) $(cat /sys/class/scsi_generic/sg1/device/model 2>/dev/null)"

step drive rawcd drive /dev/sr1
step drive-sg rawcd drive /dev/sg1 --json
step burn-simulate rawcd burn /data/example.cue --device /dev/sr1 --simulate
hold_excl /dev/sr1 >/tmp/hold.log 2>&1 &
holder=$!
wait_for_lines /tmp/hold.log '^held' 1 100
echo "@@ holder: $(cat /tmp/hold.log)"
step burn-busy rawcd burn /data/example.cue --device /dev/sr1
kill "$holder"
wait "$holder" 2>/dev/null
step burn rawcd burn /data/example.cue --device /dev/sr1 --verify
step toc-disc rawcd toc /dev/sr1 --format json
step toc-sheet rawcd toc /data/example.cue --format json
step burn-again rawcd burn /data/example.cue --device /dev/sr1

# Permissions, as a user outside the drive's group: no access at all (EACCES), then read access only
# (the read-only fallback of drive and toc; burn needs read-write).
mkdir -p /etc
printf 'root:x:0:0::/:/bin/sh\nnobody:x:65534:65534::/:/bin/sh\n' >/etc/passwd
printf 'root:x:0:\ncdrom:x:24:\nnogroup:x:65534:\n' >/etc/group
chown root:cdrom /dev/sr1
chmod 0660 /dev/sr1
as_user() { su -p nobody -s /bin/sh -c "$*"; }
step user-drive-no-access as_user rawcd drive /dev/sr1
chmod 0664 /dev/sr1
step user-drive-read-only as_user rawcd drive /dev/sr1 --json
step user-toc-read-only as_user rawcd toc /dev/sr1 --format json
step user-burn-read-only as_user rawcd burn /data/example.cue --device /dev/sr1
chmod 0660 /dev/sr1
step blank-cd-r rawcd blank /dev/sr1 --minimal

# The CD-RW: burn, blank, burn again.
step rw-burn rawcd burn /data/example.cue --device /dev/sr2
step rw-blank rawcd blank /dev/sr2 --minimal
step rw-drive rawcd drive /dev/sr2 --json
# SIGINT during a burn (the recorder made slow): the writes stop, the cache is flushed, exit 130.
rw_recorder=$(cat /tmp/recorder-rw.pid)
kill -USR1 "$rw_recorder"
started=$(grep -c '^recorder: writing' /tmp/recorder-rw.log)
rawcd burn /data/example.cue --device /dev/sr2 >/tmp/out 2>/tmp/err &
burner=$!
wait_for_lines /tmp/recorder-rw.log '^recorder: writing' $((started + 1)) 600
sleep 1
kill -INT "$burner"
wait "$burner"
echo "@@ step rw-burn-interrupted exit=$?"
sed 's/^/@@ rw-burn-interrupted err: /' /tmp/err
kill -USR1 "$rw_recorder"
step rw-drive-interrupted rawcd drive /dev/sr2 --json
step rw-blank-again rawcd blank /dev/sr2 --minimal
step rw-burn-again rawcd burn /data/example.cue --device /dev/sr2 --verify
# SAO with a cue sheet (the CD-TEXT as R-W over the lead-in).
step rw-blank-for-sao rawcd blank /dev/sr2 --minimal
step rw-burn-sao rawcd burn /data/example.cue --device /dev/sr2 --write-mode sao --verify --eject
step rw-drive-ejected rawcd drive /dev/sr2 --json

# The real clients, simulated burns of the example disc in raw 96 mode through /dev/sg of the third
# recorder: cdrdao from its TOC file (generic-mmc-raw), wodim from the CUE sheet (-raw96r).
clients_sg=/dev/$(ls /sys/block/sr3/device/scsi_generic/ 2>/dev/null)
echo "@@ clients device: $clients_sg"
in_data() { (cd /data && "$@"); }
if [ -x /bin/cdrdao ]; then
	step cdrdao-simulate in_data cdrdao write --device "$clients_sg" --driver generic-mmc-raw --simulate -n \
		clients.toc
fi
if [ -x /bin/wodim ]; then
	step wodim-simulate in_data wodim -v dev="$clients_sg" -raw96r -dummy gracetime=2 mcn=2000000000015 \
		-data track1.iso -audio -copy isrc=ZZRCD2400001 pregap=150 index=0,150 tone.wav
fi

# Images burn (issue 13): a raw96 image with its lead-in and a CloneCD image of the example disc, simulated
# and real, to the blocks the sheet's burn sends; a CloneCD image with 50 altered Q frames, as recorded;
# bad input refused before the first WRITE ("@@ NAME writes: N" counts the recordings the step began).
writes() { grep -c '^recorder: writing' "/tmp/$1.log"; }
step_counted() { # recorder, name, command...
	rec=$1 before=$(writes "$1")
	shift
	step "$@"
	echo "@@ $1 writes: $(($(writes "$rec") - before))"
}
step img-raw-simulate rawcd burn /data/m.raw --device "$img_dev" --simulate
step img-raw rawcd burn /data/m.raw --device "$img_dev"
step img-blank rawcd blank "$img_dev" --minimal
step img-ccd-simulate rawcd burn /data/c.ccd --device "$img_dev" --simulate
step img-ccd rawcd burn /data/c.ccd --device "$img_dev"
step img-blank-again rawcd blank "$img_dev" --minimal
step img-altered-simulate rawcd burn /data/ca.ccd --device "$img_dev" --simulate
step_counted recorder-img img-cut-raw rawcd burn /data/cut.raw --device "$img_dev"
step_counted recorder-img img-short-sub rawcd burn /data/s.ccd --device "$img_dev"
# The enhanced CD: a data session that does not fit is refused with nothing written (its file sparse), then
# the disc burns as two sessions left open (--multi), a third is appended, and it reads back as the
# three-session sheet's TOC.
truncate -s $((350000 * 2048)) /tmp/big.iso
step_counted recorder-ms ms-too-big rawcd burn /data/ebig.cue --device "$ms_dev"
rm -f /tmp/big.iso
step ms-burn rawcd burn /data/e.cue --device "$ms_dev" --multi
step ms-toc-open rawcd toc "$ms_dev" --format json
step ms-drive-open rawcd drive "$ms_dev" --json
# a later burn appends a third session at the disc's next writable address
step ms-append rawcd burn /data/d3.cue --device "$ms_dev"
step ms-toc-disc rawcd toc "$ms_dev" --format json
step ms-toc-sheet rawcd toc /data/e3.cue --format json
step ms-drive rawcd drive "$ms_dev" --json

killall tcmu_recorder 2>/dev/null
sed 's/^/@@ recorder: /' /tmp/recorder.log
sed 's/^/@@ recorder-rw: /' /tmp/recorder-rw.log
[ -f /tmp/recorder-clients.log ] && sed 's/^/@@ recorder-clients: /' /tmp/recorder-clients.log
sed 's/^/@@ recorder-img: /' /tmp/recorder-img.log
sed 's/^/@@ recorder-ms: /' /tmp/recorder-ms.log
finish
