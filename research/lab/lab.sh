#!/usr/bin/env bash
# The stock lab behind every "직접 해 보기" output: a Debian 13 (trixie) machine booted
# under QEMU with Debian's own kernel, systemd as PID 1, cgroup v2, and Debian's Docker
# Engine (docker.io) and containerd: the kind of Linux machine a newcomer has.
#
#   sudo research/lab/lab.sh build               # rootfs + disk image in $LAB_DIR (~15 min)
#   sudo research/lab/lab.sh record [NAME ...]   # boot it, run scenarios/NAME.sh, write stock/NAME.txt
#   sudo research/lab/lab.sh shell               # boot it with a console, to explore by hand
#
# Needs: debootstrap, qemu-system-x86, e2fsprogs (mkfs.ext4 -d), run as root.
# Packages come from the Debian mirror this machine's apt already uses (or $DEBIAN_MIRROR).
# Docker Hub is not used: debian:trixie and busybox are built from Debian packages inside
# the lab under the official names, so their IDs and digests differ from Docker Hub's.
# KVM is used when it can boot a stock kernel (LAB_ACCEL=kvm); the default, TCG (software
# emulation), works anywhere but makes every timing several times slower than a laptop's.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
LAB_DIR=${LAB_DIR:-/var/tmp/virt-guide-lab}
SUITE=trixie
LAB_ACCEL=${LAB_ACCEL:-tcg,thread=multi}
LAB_MEM=${LAB_MEM:-4096}
LAB_CPUS=${LAB_CPUS:-2}
# The plain x86-64 model: with `-cpu max`, QEMU 7.2's TCG returned garbage for readlink of
# /proc/self/exe in the guest ("xxxxxxxx"), and every dynamically linked program's glibc
# aborted (_dl_get_origin) under systemd. Without svm, like most cloud VMs: no nested KVM.
LAB_CPU=${LAB_CPU:-qemu64,svm=off}

# Everything the try-its call, and nothing a stock install would not have: Debian's
# docker.io (Engine 26.1) with containerd 1.7 and runc 1.1, with what `apt install docker.io`
# brings as recommended (docker-cli, apparmor, pigz, xz-utils; debootstrap installs no
# recommends), and BuildKit (docker-buildx) as Docker Desktop and Docker CE ship it. libvirt and QEMU for the hypervisor page.
VM_PACKAGES=(
  systemd-sysv libpam-systemd udev dbus kmod linux-image-amd64 initramfs-tools netbase
  sudo procps iproute2 iptables util-linux curl ca-certificates python3 libcap2-bin
  docker.io docker-cli docker-buildx apparmor pigz xz-utils
  libvirt-daemon-system libvirt-clients qemu-system-x86
)

mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  # The first Debian archive (not the security one) that apt on this machine uses.
  local uri
  uri=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
        | grep -v security | head -1 | sed -E 's/^URIs: *//; s/^deb (\[[^]]*\] )?//; s/ .*//')
  [ -n "$uri" ] || { echo "error: no Debian mirror found in apt's sources; set DEBIAN_MIRROR" >&2; exit 2; }
  echo "$uri"
}

need() { command -v "$1" >/dev/null || { echo "error: $1 is missing (apt-get install $2)" >&2; exit 2; }; }

build() {
  need debootstrap debootstrap; need mkfs.ext4 e2fsprogs; need qemu-system-x86_64 qemu-system-x86
  [ "$(id -u)" = 0 ] || { echo "error: build needs root (debootstrap, chroot)" >&2; exit 2; }
  local url; url=$(mirror)
  mkdir -p "$LAB_DIR/cache"
  local root="$LAB_DIR/rootfs.new" image_root="$LAB_DIR/image-rootfs"
  rm -rf "$root" "$image_root"

  echo "· debootstrap $SUITE (the lab machine)"
  debootstrap --cache-dir="$LAB_DIR/cache" --variant=minbase --include="$(IFS=,; echo "${VM_PACKAGES[*]}")" "$SUITE" "$root" "$url" \
    > "$LAB_DIR/debootstrap.log" 2>&1 || { tail -20 "$LAB_DIR/debootstrap.log" >&2; exit 1; }

  echo "· debootstrap $SUITE minbase (the debian:$SUITE image, as Debian's official images are made)"
  debootstrap --cache-dir="$LAB_DIR/cache" --variant=minbase "$SUITE" "$image_root" "$url" > "$LAB_DIR/debootstrap-image.log" 2>&1 \
    || { tail -20 "$LAB_DIR/debootstrap-image.log" >&2; exit 1; }
  rm -rf "$image_root"/var/lib/apt/lists/* "$image_root"/var/cache/apt/*.bin
  mkdir -p "$root/opt/lab/images"
  tar --numeric-owner -C "$image_root" -cf "$root/opt/lab/images/debian-$SUITE.tar" .
  rm -rf "$image_root"

  # Not installed in the lab itself: with busybox present, initramfs-tools puts it in the
  # initramfs, and trixie's static busybox aborts there before /proc is mounted.
  echo "· busybox image (Debian's busybox-static, one link per applet)"
  local bb="$LAB_DIR/busybox-root"; rm -rf "$bb" "$LAB_DIR/busybox-deb"; mkdir -p "$bb"/{bin,etc,root,tmp,home,var/www} "$LAB_DIR/busybox-deb"
  chmod 1777 "$bb/tmp"
  (cd "$root/tmp" && chroot "$root" sh -c 'cd /tmp && apt-get download -q busybox-static' >/dev/null)
  dpkg-deb -x "$root"/tmp/busybox-static_*.deb "$LAB_DIR/busybox-deb"; rm -f "$root"/tmp/busybox-static_*.deb
  cp "$LAB_DIR/busybox-deb/usr/bin/busybox" "$bb/bin/busybox"; rm -rf "$LAB_DIR/busybox-deb"
  for applet in $("$bb/bin/busybox" --list); do
    [ -e "$bb/bin/$applet" ] || ln -s busybox "$bb/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' > "$bb/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$bb/etc/group"
  tar --numeric-owner -C "$bb" -cf "$root/opt/lab/images/busybox.tar" .
  rm -rf "$bb"

  echo "· configuring the machine"
  echo lab > "$root/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\tlab\n' > "$root/etc/hosts"
  printf '/dev/vda\t/\text4\tdefaults\t0 1\nlab\t/mnt/lab\t9p\ttrans=virtio,version=9p2000.L,msize=262144,nofail\t0 0\n' > "$root/etc/fstab"
  mkdir -p "$root/mnt/lab"
  printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$url" "$SUITE" "$SUITE" > "$root/etc/apt/sources.list.d/debian.sources"
  rm -f "$root/etc/apt/sources.list"
  # The reader: a normal user in the sudo and docker groups, as the setup page asks.
  # NOPASSWD is the lab's only departure, so that recordings run unattended.
  chroot "$root" useradd -m -s /bin/bash -G sudo,docker reader
  echo 'reader ALL=(ALL) NOPASSWD: ALL' > "$root/etc/sudoers.d/lab-reader"; chmod 440 "$root/etc/sudoers.d/lab-reader"
  chroot "$root" passwd -d root >/dev/null
  install -m 644 "$HERE"/guest/*.service "$root/etc/systemd/system/"
  for unit in "$HERE"/guest/*.service; do
    chroot "$root" systemctl enable "$(basename "$unit")" >/dev/null 2>&1
  done
  # A serial console with root logged in, for `lab.sh shell`.
  mkdir -p "$root/etc/systemd/system/serial-getty@ttyS0.service.d"
  printf '[Service]\nExecStart=\nExecStart=-/sbin/agetty --autologin root --keep-baud 115200 %%I $TERM\n' \
    > "$root/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf"
  chroot "$root" apt-get clean
  cp -L "$root/vmlinuz" "$LAB_DIR/vmlinuz.new"; cp -L "$root/initrd.img" "$LAB_DIR/initrd.img.new"

  echo "· disk image"
  rm -f "$LAB_DIR/disk.img.new"; truncate -s 16G "$LAB_DIR/disk.img.new"
  mkfs.ext4 -q -F -L labroot -d "$root" "$LAB_DIR/disk.img.new"
  for f in disk.img vmlinuz initrd.img; do mv "$LAB_DIR/$f.new" "$LAB_DIR/$f"; done
  rm -rf "$LAB_DIR/rootfs"; mv "$root" "$LAB_DIR/rootfs"
  echo "lab ready in $LAB_DIR"
}

boot() {  # boot KERNEL_ARGS [extra QEMU arguments...]: the lab with its 9p share at $LAB_DIR/share
  [ -f "$LAB_DIR/disk.img" ] || { echo "error: no lab in $LAB_DIR; run: $0 build" >&2; exit 2; }
  qemu-system-x86_64 -accel "$LAB_ACCEL" -cpu "$LAB_CPU" -smp "$LAB_CPUS" -m "$LAB_MEM" \
    -nographic -no-reboot \
    -kernel "$LAB_DIR/vmlinuz" -initrd "$LAB_DIR/initrd.img" \
    -append "root=/dev/vda rw console=ttyS0 net.ifnames=0 quiet $1" \
    -drive file="$LAB_DIR/disk.img",format=raw,if=virtio \
    -nic user,model=virtio-net-pci \
    -virtfs local,path="$LAB_DIR/share",mount_tag=lab,security_model=none,id=lab "${@:2}"
}

record() {
  local share="$LAB_DIR/share"; rm -rf "$share"; mkdir -p "$share/scenarios" "$share/out"
  cp "$HERE/guest/record.py" "$share/"
  if [ $# -eq 0 ]; then set -- $(cd "$HERE/scenarios" && ls *.sh | sed 's/\.sh$//'); fi
  for name in "$@"; do
    [ -f "$HERE/scenarios/$name.sh" ] || { echo "error: no scenario $HERE/scenarios/$name.sh" >&2; exit 2; }
    cp "$HERE/scenarios/$name.sh" "$share/scenarios/"
  done
  echo "· booting the lab to record: $*"
  # No console login while recording: the reader's machine has only the reader's session.
  boot "systemd.mask=serial-getty@ttyS0.service" < /dev/null > "$LAB_DIR/console.log" 2>&1 || true
  mkdir -p "$HERE/stock"
  local missing=0
  for name in "$@"; do
    if [ -f "$share/out/$name.txt" ]; then cp "$share/out/$name.txt" "$HERE/stock/$name.txt"; echo "  stock/$name.txt"
    else echo "error: $name was not recorded (see $LAB_DIR/console.log)" >&2; missing=1; fi
  done
  return $missing
}

case "${1:-}" in
  build) build ;;
  record) shift; record "$@" ;;
  shell) mkdir -p "$LAB_DIR/share"; rm -rf "$LAB_DIR/share/scenarios"; boot "" ;;
  *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac
