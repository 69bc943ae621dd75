# Inside a VM: virtio devices, CPU flags, KVM, libvirt, KSM, steal time
# (virtualization/host.md, hypervisor.md, deep-dive/networking-storage.md, pitfalls.md, containers-vs-vms/index.md)
for d in /sys/bus/virtio/devices/*; do echo "$(basename $d) device=$(cat $d/device) driver=$(basename $(readlink $d/driver))"; done
readlink /sys/class/net/eth0/device/driver
lsblk -d -o NAME,SIZE,TYPE /dev/vda
grep -c -E 'vmx|svm' /proc/cpuinfo
echo $?
grep -o -w -E 'vmx|svm|hypervisor' /proc/cpuinfo | sort | uniq -c
nproc
grep -m1 'model name' /proc/cpuinfo
ls -l /dev/kvm
lsmod | grep kvm
qemu-system-x86_64 --version | head -1
sudo virt-host-validate qemu
sudo virsh list --all
cat /sys/kernel/mm/ksm/run /sys/kernel/mm/ksm/pages_shared /sys/kernel/mm/ksm/pages_sharing
head -1 /proc/stat
vmstat 1 2
