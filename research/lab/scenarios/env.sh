# Where am I running? (virtualization/index.md, cheat-sheet.md, choosing.md)
uname -r
cat /etc/debian_version
systemd-detect-virt
systemd-detect-virt --vm
systemd-detect-virt --container
echo $?
ps -p 1 -o pid,comm
cat /proc/1/cgroup
stat -fc %T /sys/fs/cgroup
cat /sys/class/dmi/id/sys_vendor /sys/class/dmi/id/product_name
lscpu | grep -E '^(Model name|Hypervisor vendor|Virtualization type)'
sudo dmesg | grep -i -m3 -E 'hypervisor|kvm'
docker run --rm debian:trixie uname -r
docker run --rm debian:trixie cat /proc/1/cgroup
docker run --rm debian:trixie ls -l /.dockerenv
docker run --rm debian:trixie sh -c 'cat /etc/os-release | head -2'
