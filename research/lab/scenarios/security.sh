# Capabilities, seccomp, the docker socket (deep-dive/security.md)
grep -E 'Cap(Eff|Bnd)|Seccomp|NoNewPrivs' /proc/self/status
docker run --rm debian:trixie grep -E 'Cap(Eff|Bnd)|Seccomp|NoNewPrivs' /proc/self/status
/usr/sbin/capsh --decode=00000000a80425fb
docker run --rm --cap-drop ALL debian:trixie grep -E 'Cap(Eff|Bnd)|Seccomp|NoNewPrivs' /proc/self/status
docker run --rm debian:trixie hostname foo
echo $?
docker run --rm --cap-add SYS_ADMIN debian:trixie sh -c 'hostname foo && hostname'
docker run --rm --privileged debian:trixie grep -E 'Cap(Eff|Bnd)|Seccomp|NoNewPrivs' /proc/self/status
ls -l /var/run/docker.sock
id
docker run --rm -v /:/host debian:trixie sh -c 'echo written-by-container-root > /host/tmp/from-container.txt'
ls -l /tmp/from-container.txt
sudo rm /tmp/from-container.txt
docker run --rm --user 1000 debian:trixie id
grep . /sys/devices/system/cpu/vulnerabilities/meltdown /sys/devices/system/cpu/vulnerabilities/l1tf /sys/devices/system/cpu/vulnerabilities/spectre_v2
