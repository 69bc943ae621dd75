# cgroup v2 (virtualization/container.md)
mount | grep cgroup
cat /sys/fs/cgroup/cgroup.controllers
cat /proc/self/cgroup
systemd-cgls --no-pager | head -8
sudo systemd-run --scope -p MemoryMax=50M -p MemorySwapMax=0 tail /dev/zero
echo $?
sudo dmesg | grep -E 'Memory cgroup out of memory' | tail -1
sudo systemd-run --scope -p CPUQuota=50% timeout 5 sh -c 'while :; do :; done'; echo $?
