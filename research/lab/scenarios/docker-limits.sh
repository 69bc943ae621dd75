# Limits and what the container sees (containers-vs-vms/index.md, virtualization/container.md, deep-dive/pitfalls.md)
docker run -d --name lim --memory 256m --cpus 0.5 busybox sleep 600
docker inspect --format '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}' lim
id=$(docker inspect --format '{{.Id}}' lim)
cat /proc/$(docker inspect --format '{{.State.Pid}}' lim)/cgroup
cat /sys/fs/cgroup/system.slice/docker-$id.scope/memory.max
cat /sys/fs/cgroup/system.slice/docker-$id.scope/cpu.max
docker exec lim sh -c 'head -3 /proc/meminfo; nproc; free -m'
docker exec lim cat /proc/self/cgroup
docker exec lim cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max
docker exec lim cat /sys/fs/cgroup/cpu.stat
time docker exec lim timeout 5 sh -c 'while :; do :; done'
docker exec lim cat /sys/fs/cgroup/cpu.stat
docker exec -d lim timeout 30 sh -c 'while :; do :; done'
#! wait 10
docker stats --no-stream lim
docker rm -f lim
docker run --name oom --memory 64m busybox tail /dev/zero
echo $?
docker inspect --format '{{.State.OOMKilled}} {{.State.ExitCode}}' oom
sudo dmesg | grep -E 'Memory cgroup out of memory' | tail -1
docker rm oom
