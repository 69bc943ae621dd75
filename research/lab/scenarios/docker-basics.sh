# A container is a host process (containers-vs-vms/index.md, virtualization/container.md, landscape.md)
docker info 2>/dev/null | grep -E 'Server Version|Storage Driver|Cgroup|Runtimes|Default Runtime|Kernel Version|Operating System|init'
uname -r
docker run --rm debian:trixie uname -r
docker run -d --name web debian:trixie sleep 600
docker ps
docker top web
pid=$(docker inspect --format '{{.State.Pid}}' web); echo $pid
ps -o pid,ppid,args -p $pid
ps -o pid,ppid,args -p $(ps -o ppid= -p $pid)
pgrep -a runc
echo $?
docker exec web sh -c 'ls -d /proc/[0-9]*; cat /proc/1/cmdline | tr "\0" " "; echo'
sudo lsns -p $pid
ls -l /proc/self/ns
sudo ls -l /proc/$pid/ns
sudo nsenter -t $pid -u -n sh -c 'hostname; ip -br addr'
docker rm -f web
