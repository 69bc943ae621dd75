# Images, layers, copy-on-write, docker save (deep-dive/images.md)
mkdir -p ~/demo && cd ~/demo
echo 'hello from the image' > hello.txt
printf '%s\n' 'FROM debian:trixie' 'COPY hello.txt /hello.txt' 'RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends iproute2 procps >/dev/null && rm -rf /var/lib/apt/lists/*' 'CMD ["cat", "/hello.txt"]' > Dockerfile
cat Dockerfile
docker build -q -t demo:1 .
docker image ls
docker history demo:1
docker image inspect --format '{{json .RootFS.Layers}}' debian:trixie
docker image inspect --format '{{json .RootFS.Layers}}' demo:1
docker run --rm demo:1
docker run -d --name ov demo:1 sleep 600
docker inspect --format '{{.GraphDriver.Name}}' ov
mount | grep -c overlay
upper=$(docker inspect --format '{{.GraphDriver.Data.UpperDir}}' ov)
docker exec ov sh -c 'echo changed > /hello.txt; echo new > /tmp/new.txt; rm /etc/motd'
sudo ls -l $upper $upper/tmp $upper/etc
docker diff ov
docker run --rm demo:1
docker rm -f ov
docker save demo:1 -o demo.tar && ls -lh demo.tar
tar -tf demo.tar
tar -xOf demo.tar index.json; echo
tar -xOf demo.tar manifest.json; echo
cd && rm -rf ~/demo
docker image rm demo:1
