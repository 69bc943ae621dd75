# Namespaces by hand (virtualization/container.md)
lsns
sudo lsns
ls -l /proc/self/ns
ps -ef | wc -l
sudo unshare --fork --pid --mount-proc ps -ef
sudo unshare --uts --fork sh -c 'hostname demo; hostname'; hostname
sudo unshare --fork --pid --mount-proc sleep 600 &
#! wait 2
pgrep -a sleep
sudo lsns -p $(pgrep -n -x sleep)
sudo nsenter -t $(pgrep -n -x sleep) -p -m ps -ef
sudo kill $(pgrep -n -x sleep)
