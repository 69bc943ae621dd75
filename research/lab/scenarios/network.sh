# Container networking (deep-dive/networking-storage.md)
docker network ls
ip -br link
docker run -d --name net1 busybox sleep 600
ip -br link
ip -br addr show docker0
ip link show master docker0
docker exec net1 ip addr show eth0
docker exec net1 ip route
sudo iptables -t nat -S | grep -i -E 'masq|docker'
sudo iptables -S | grep -i docker
docker run -d --name webp -p 8080:80 busybox sh -c 'mkdir -p /www && echo hello-from-container > /www/index.html && exec httpd -f -p 80 -h /www'
docker port webp
sudo iptables -t nat -S | grep -i -E 'masq|docker'
curl -s http://127.0.0.1:8080/
curl -s http://$(docker inspect --format '{{.NetworkSettings.IPAddress}}' webp)/
ps -ef | grep '[d]ocker-proxy'
docker run --rm --network none busybox ip addr
docker run --rm --network host busybox hostname
docker rm -f net1 webp
