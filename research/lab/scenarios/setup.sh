# 실습 준비 (docs/setup.md): is Docker there, and do the images run?
docker version
docker run --rm debian:trixie cat /etc/os-release
docker run --rm busybox echo hello from busybox
docker image ls
