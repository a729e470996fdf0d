# a container's namespaces seen from the host
docker run -d --name n1 --hostname inside busybox sleep 300
docker inspect -f '{{.State.Pid}}' n1 | grep -c '^[0-9][0-9]*$'
ls -l /proc/$(docker inspect -f '{{.State.Pid}}' n1)/ns | awk 'NR>1 {print $9, $10, $11}' | sed 's/\[[0-9]*\]/[INODE]/'
readlink /proc/$(docker inspect -f '{{.State.Pid}}' n1)/ns/net | sed 's/[0-9]\{10\}/INODE/'
[ "$(readlink /proc/$(docker inspect -f '{{.State.Pid}}' n1)/ns/net)" = "$(readlink /proc/self/ns/net)" ] && echo same || echo different
lsns -t net -p $(docker inspect -f '{{.State.Pid}}' n1) | head -1
nsenter -t $(docker inspect -f '{{.State.Pid}}' n1) -n ip addr
nsenter -t $(docker inspect -f '{{.State.Pid}}' n1) -n ip route
nsenter -t $(docker inspect -f '{{.State.Pid}}' n1) -u hostname
ip netns identify $(docker inspect -f '{{.State.Pid}}' n1)
ip netns list
docker inspect -f '{{.NetworkSettings.SandboxKey}}' n1
docker run -d --name n2 --network host busybox sleep 300
[ "$(readlink /proc/$(docker inspect -f '{{.State.Pid}}' n2)/ns/net)" = "$(readlink /proc/self/ns/net)" ] && echo same || echo different
docker stop -t 1 n1
docker inspect -f '{{.State.Pid}}' n1
