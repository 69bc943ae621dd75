# Every try-it of the guide in reading order (research/lab/walkthrough.py; do not edit).
# docs/setup.md:98 잘 설치되었는지 확인하기 { #check }
docker version
docker run --rm debian:trixie cat /etc/os-release
docker run --rm busybox echo hello from busybox
docker image ls
# docs/setup.md:224 모두 정리하기 { #cleanup }
docker ps -a
docker system df
# docs/containers-vs-vms/index.md:159 컨테이너는 호스트의 프로세스 { #try-process }
docker run --rm debian:trixie uname -r
docker run -d --name web debian:trixie sleep 600
docker top web
docker exec web sh -c 'ls -d /proc/[0-9]*; cat /proc/1/cmdline | tr "\0" " "; echo'
# docs/containers-vs-vms/index.md:182 컨테이너는 호스트의 프로세스 { #try-process }
uname -r
pid=$(docker inspect --format '{{.State.Pid}}' web); echo $pid
ps -o pid,ppid,args -p $pid
ps -o pid,ppid,args -p $(ps -o ppid= -p $pid)
pgrep -a runc
echo $?
sudo lsns -p $pid
# docs/containers-vs-vms/index.md:255 컨테이너는 호스트의 프로세스 { #try-process }
docker rm -f web
# docs/containers-vs-vms/index.md:270 자원 제한과 컨테이너 안에서 보이는 값 { #try-limits }
docker run -d --name lim --memory 256m --cpus 0.5 busybox sleep 600
docker inspect --format '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}' lim
docker exec lim sh -c 'head -3 /proc/meminfo; nproc; free -m'
docker exec lim cat /proc/self/cgroup
docker exec lim cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max
docker exec -d lim timeout 30 sh -c 'while :; do :; done'
docker stats --no-stream lim
# docs/containers-vs-vms/index.md:304 자원 제한과 컨테이너 안에서 보이는 값 { #try-limits }
id=$(docker inspect --format '{{.Id}}' lim)
cat /proc/$(docker inspect --format '{{.State.Pid}}' lim)/cgroup
cat /sys/fs/cgroup/system.slice/docker-$id.scope/memory.max
cat /sys/fs/cgroup/system.slice/docker-$id.scope/cpu.max
# docs/containers-vs-vms/index.md:349 자원 제한과 컨테이너 안에서 보이는 값 { #try-limits }
docker rm -f lim
# docs/containers-vs-vms/index.md:364 KSM이 켜져 있는지 보기 { #try-ksm }
cat /sys/kernel/mm/ksm/run /sys/kernel/mm/ksm/pages_shared /sys/kernel/mm/ksm/pages_sharing
# docs/containers-vs-vms/choosing.md:121 컨테이너의 커널은 호스트의 커널 { #try-kernel }
docker run --rm debian:trixie sh -c 'cat /etc/os-release | head -2'
docker run --rm debian:trixie uname -r
# docs/containers-vs-vms/choosing.md:134 컨테이너의 커널은 호스트의 커널 { #try-kernel }
uname -r
systemd-detect-virt --vm
# docs/containers-vs-vms/choosing.md:170 컨테이너는 얼마나 빨리 뜨나 { #try-startup }
time docker run --rm debian:trixie true
time docker run --rm debian:trixie true
time docker run --rm debian:trixie true
# docs/containers-vs-vms/choosing.md:194 컨테이너는 얼마나 빨리 뜨나 { #try-startup }
time sudo unshare --fork --pid --mount-proc --uts --ipc --net true
systemd-analyze time
# docs/virtualization/index.md:78 지금 어디서 실행 중인가 { #try-where }
systemd-detect-virt
systemd-detect-virt --vm
systemd-detect-virt --container
echo $?
# docs/virtualization/index.md:94 지금 어디서 실행 중인가 { #try-where }
ps -p 1 -o pid,comm
cat /proc/1/cgroup
stat -fc %T /sys/fs/cgroup
cat /sys/class/dmi/id/sys_vendor /sys/class/dmi/id/product_name
lscpu | grep -E '^(Model name|Hypervisor vendor|Virtualization type)'
sudo dmesg | grep -i -m3 -E 'hypervisor|kvm'
# docs/virtualization/index.md:175 컨테이너 안에서 보면 { #try-in-container }
docker run --rm debian:trixie cat /proc/1/cgroup
docker run --rm debian:trixie ls -l /.dockerenv
# docs/virtualization/host.md:73 내 CPU에 가상화 확장이 있는가 { #try-cpu-flags }
grep -o -w -E 'vmx|svm|hypervisor' /proc/cpuinfo | sort | uniq -c
nproc
# docs/virtualization/hypervisor.md:298 1. CPU의 가상화 확장 기능 확인하기 { #try-cpu-flags }
grep -c -E 'vmx|svm' /proc/cpuinfo
echo $?
grep -o -w -E 'vmx|svm|hypervisor' /proc/cpuinfo | sort | uniq -c
nproc
grep -m1 'model name' /proc/cpuinfo
# docs/virtualization/hypervisor.md:359 3. KVM 모듈과 `/dev/kvm` { #try-dev-kvm }
ls -l /dev/kvm
lsmod | grep kvm
# docs/virtualization/hypervisor.md:394 4. QEMU로 가상머신 띄워 보기 { #try-qemu }
qemu-system-x86_64 --version | head -1
# docs/virtualization/hypervisor.md:451 5. libvirt로 호스트 점검하고 가상머신 목록 보기 { #try-libvirt }
sudo virt-host-validate qemu
sudo virsh list --all
# docs/virtualization/container.md:201 1. 지금 있는 네임스페이스 보기 { #try-lsns }
lsns
sudo lsns
ls -l /proc/self/ns
# docs/virtualization/container.md:278 2. `unshare`로 PID 네임스페이스 만들기 { #try-unshare }
ps -ef | wc -l
sudo unshare --fork --pid --mount-proc ps -ef
sudo unshare --uts --fork sh -c 'hostname demo; hostname'; hostname
# docs/virtualization/container.md:314 3. 밖에서 보고 `nsenter`로 들어가기 { #try-nsenter }
sudo unshare --fork --pid --mount-proc sleep 600 &
#! wait 3
pgrep -a sleep
sudo lsns -p $(pgrep -n -x sleep)
sudo nsenter -t $(pgrep -n -x sleep) -p -m ps -ef
# docs/virtualization/container.md:369 4. cgroup 계층 보기와 한도 걸기 { #try-cgroups }
mount | grep cgroup
cat /sys/fs/cgroup/cgroup.controllers
cat /proc/self/cgroup
systemd-cgls --no-pager | head -8
# docs/virtualization/container.md:392 4. cgroup 계층 보기와 한도 걸기 { #try-cgroups }
sudo systemd-run --scope -p MemoryMax=50M -p MemorySwapMax=0 tail /dev/zero
echo $?
sudo dmesg | grep -E 'Memory cgroup out of memory' | tail -1
# docs/virtualization/container.md:406 4. cgroup 계층 보기와 한도 걸기 { #try-cgroups }
sudo systemd-run --scope -p CPUQuota=50% timeout 5 sh -c 'while :; do :; done'; echo $?
# docs/deep-dive/images.md:152 레이어와 다이제스트 보기 { #try-layers }
mkdir -p ~/demo && cd ~/demo
echo 'hello from the image' > hello.txt
printf '%s\n' 'FROM debian:trixie' 'COPY hello.txt /hello.txt' 'RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends iproute2 procps >/dev/null && rm -rf /var/lib/apt/lists/*' 'CMD ["cat", "/hello.txt"]' > Dockerfile
cat Dockerfile
# docs/deep-dive/images.md:165 레이어와 다이제스트 보기 { #try-layers }
docker build -q -t demo:1 .
docker image ls
docker history demo:1
docker image inspect --format '{{json .RootFS.Layers}}' debian:trixie
docker image inspect --format '{{json .RootFS.Layers}}' demo:1
docker run --rm demo:1
# docs/deep-dive/images.md:208 쓰기 레이어와 copy-up 보기 { #try-overlay }
docker run -d --name ov demo:1 sleep 600
docker inspect --format '{{.GraphDriver.Name}}' ov
docker exec ov sh -c 'echo changed > /hello.txt; echo new > /tmp/new.txt; rm /etc/motd'
# docs/deep-dive/images.md:224 쓰기 레이어와 copy-up 보기 { #try-overlay }
mount | grep -c overlay
upper=$(docker inspect --format '{{.GraphDriver.Data.UpperDir}}' ov)
sudo ls -l $upper $upper/tmp $upper/etc
# docs/deep-dive/images.md:255 쓰기 레이어와 copy-up 보기 { #try-overlay }
docker diff ov
docker run --rm demo:1
# docs/deep-dive/images.md:277 쓰기 레이어와 copy-up 보기 { #try-overlay }
docker rm -f ov
# docs/deep-dive/images.md:288 이미지를 파일로 풀어 보기 { #try-save }
docker save demo:1 -o demo.tar && ls -lh demo.tar
tar -tf demo.tar
tar -xOf demo.tar index.json; echo
tar -xOf demo.tar manifest.json; echo
# docs/deep-dive/images.md:345 이미지를 파일로 풀어 보기 { #try-save }
cd && rm -rf ~/demo
docker image rm demo:1
# docs/deep-dive/networking-storage.md:166 가상머신 안에서 virtio 장치 보기 { #try-virtio }
for d in /sys/bus/virtio/devices/*; do echo "$(basename $d) device=$(cat $d/device) driver=$(basename $(readlink $d/driver))"; done
readlink /sys/class/net/eth0/device/driver
lsblk -d -o NAME,SIZE,TYPE /dev/vda
# docs/deep-dive/networking-storage.md:210 컨테이너의 veth와 브리지 보기 { #try-veth }
docker network ls
ip -br link
docker run -d --name net1 busybox sleep 600
ip -br link
ip -br addr show docker0
ip link show master docker0
# docs/deep-dive/networking-storage.md:259 컨테이너의 veth와 브리지 보기 { #try-veth }
docker exec net1 ip addr show eth0
docker exec net1 ip route
# docs/deep-dive/networking-storage.md:290 NAT 규칙과 포트 공개 보기 { #try-nat }
sudo iptables -t nat -S | grep -i -E 'masq|docker'
sudo iptables -S | grep -i docker
docker run -d --name webp -p 8080:80 busybox sh -c 'mkdir -p /www && echo hello-from-container > /www/index.html && exec httpd -f -p 80 -h /www'
docker port webp
sudo iptables -t nat -S | grep -i -E 'masq|docker'
curl -s http://127.0.0.1:8080/
curl -s http://$(docker inspect --format '{{.NetworkSettings.IPAddress}}' webp)/
ps -ef | grep '[d]ocker-proxy'
# docs/deep-dive/networking-storage.md:364 NAT 규칙과 포트 공개 보기 { #try-nat }
docker run --rm --network none busybox ip addr
docker run --rm --network host busybox hostname
# docs/deep-dive/networking-storage.md:387 NAT 규칙과 포트 공개 보기 { #try-nat }
docker rm -f net1 webp
# docs/deep-dive/pitfalls.md:132 CPU 스로틀링 보기 { #try-throttling }
docker run -d --name lim --memory 256m --cpus 0.5 busybox sleep 600
docker exec lim cat /sys/fs/cgroup/cpu.stat
time docker exec lim timeout 5 sh -c 'while :; do :; done'
docker exec lim cat /sys/fs/cgroup/cpu.stat
# docs/deep-dive/pitfalls.md:173 CPU 스로틀링 보기 { #try-throttling }
docker rm -f lim
# docs/deep-dive/pitfalls.md:186 OOM 킬과 종료 코드 137 보기 { #try-oom }
docker run --name oom --memory 64m busybox tail /dev/zero
echo $?
docker inspect --format '{{.State.OOMKilled}} {{.State.ExitCode}}' oom
# docs/deep-dive/pitfalls.md:199 OOM 킬과 종료 코드 137 보기 { #try-oom }
sudo dmesg | grep -E 'Memory cgroup out of memory' | tail -1
# docs/deep-dive/pitfalls.md:226 OOM 킬과 종료 코드 137 보기 { #try-oom }
docker rm oom
# docs/deep-dive/pitfalls.md:246 PID 1과 `docker stop` 보기 { #try-pid1 }
docker run -d --name s1 debian:trixie sleep 600
time docker stop s1
docker inspect --format '{{.State.ExitCode}}' s1
docker run -d --name s2 --init debian:trixie sleep 600
docker top s2
time docker stop s2
docker inspect --format '{{.State.ExitCode}}' s2
# docs/deep-dive/pitfalls.md:281 PID 1과 `docker stop` 보기 { #try-pid1 }
docker run -d --name s3 debian:trixie sh -c 'trap "echo got TERM; exit 0" TERM; sleep 600 & wait'
time docker stop s3
docker inspect --format '{{.State.ExitCode}}' s3; docker logs s3
docker run -d --name s4 debian:trixie sh -c 'sleep 600'
docker top s4
time docker stop s4
# docs/deep-dive/pitfalls.md:343 PID 1과 `docker stop` 보기 { #try-pid1 }
docker rm s1 s2 s3 s4
# docs/deep-dive/pitfalls.md:359 스틸 시간 보기 { #try-steal }
head -1 /proc/stat
vmstat 1 2
# docs/deep-dive/security.md:140 케이퍼빌리티와 seccomp 보기 { #try-caps }
grep -E 'Cap(Eff|Bnd)|Seccomp|NoNewPrivs' /proc/self/status
docker run --rm debian:trixie grep -E 'Cap(Eff|Bnd)|Seccomp|NoNewPrivs' /proc/self/status
/usr/sbin/capsh --decode=00000000a80425fb
docker run --rm --cap-drop ALL debian:trixie grep -E 'Cap(Eff|Bnd)|Seccomp|NoNewPrivs' /proc/self/status
# docs/deep-dive/security.md:193 케이퍼빌리티 하나의 차이와 `--privileged` { #try-privileged }
docker run --rm debian:trixie hostname foo
echo $?
docker run --rm --cap-add SYS_ADMIN debian:trixie sh -c 'hostname foo && hostname'
docker run --rm --privileged debian:trixie grep -E 'Cap(Eff|Bnd)|Seccomp|NoNewPrivs' /proc/self/status
# docs/deep-dive/security.md:239 도커 소켓과 `docker` 그룹 보기 { #try-socket }
ls -l /var/run/docker.sock
id
docker run --rm -v /:/host debian:trixie sh -c 'echo written-by-container-root > /host/tmp/from-container.txt'
ls -l /tmp/from-container.txt
sudo rm /tmp/from-container.txt
# docs/deep-dive/security.md:263 도커 소켓과 `docker` 그룹 보기 { #try-socket }
docker run --rm --user 1000 debian:trixie id
# docs/deep-dive/security.md:282 CPU 취약점 완화 상태 보기 { #try-vulnerabilities }
grep . /sys/devices/system/cpu/vulnerabilities/meltdown /sys/devices/system/cpu/vulnerabilities/l1tf /sys/devices/system/cpu/vulnerabilities/spectre_v2
# docs/deep-dive/landscape.md:110 도커 엔진 아래의 계층 보기 { #try-engine }
docker info 2>/dev/null | grep -E 'Server Version|Storage Driver|Cgroup|Runtimes|Default Runtime|Kernel Version|Operating System|init'
