# How fast does a container start? (containers-vs-vms/choosing.md)
time docker run --rm debian:trixie true
time docker run --rm debian:trixie true
time docker run --rm debian:trixie true
time sudo unshare --fork --pid --mount-proc --uts --ipc --net true
systemd-analyze time
