# /proc/PID/ns of a container's process against the caller's (/proc/self: the recorder's shell has
# its own net, mnt and uts, the host's others; /proc/1 is not readable there), ip netns identify,
# readlink's answers for what is not a link
docker run -d --name p1 busybox sleep 300
docker run -d --name p2 --network host busybox sleep 300
for t in cgroup ipc pid pid_for_children time time_for_children user; do [ "$(readlink /proc/$(docker inspect -f '{{.State.Pid}}' p1)/ns/$t)" = "$(readlink /proc/self/ns/$t)" ] && echo "$t host" || echo "$t own"; done
[ "$(readlink /proc/$(docker inspect -f '{{.State.Pid}}' p2)/ns/net)" = "$(readlink /proc/self/ns/net)" ] && echo same || echo different
[ "$(readlink /proc/$(docker inspect -f '{{.State.Pid}}' p2)/ns/uts)" = "$(readlink /proc/self/ns/uts)" ] && echo same || echo different
[ "$(docker exec p1 readlink /proc/1/ns/net)" = "$(readlink /proc/$(docker inspect -f '{{.State.Pid}}' p1)/ns/net)" ] && echo same || echo different
[ "$(docker exec p1 readlink /proc/self/ns/mnt)" = "$(readlink /proc/$(docker inspect -f '{{.State.Pid}}' p1)/ns/mnt)" ] && echo same || echo different
readlink /proc/self/ns/user /proc/self/ns/time /proc/self/ns/ipc /proc/self/ns/pid
ls -l /proc/$(docker inspect -f '{{.State.Pid}}' p1)/ns/net | awk '{print $1, $2, $3, $4, $5}'
ip netns identify $(docker inspect -f '{{.State.Pid}}' p2)
ip netns identify 99999999
readlink /nope
readlink -v /nope
readlink /etc
readlink -v /etc
readlink -f /proc/self/ns/../ns | sed 's/[0-9][0-9]*/PID/'
readlink
kill -0 $(docker inspect -f '{{.State.Pid}}' p1)
docker kill -s STOP p1
docker inspect -f '{{.State.Status}}' p1
docker kill -s CONT p1
docker stop -t 1 p1
docker inspect -f '{{.State.ExitCode}}' p1
