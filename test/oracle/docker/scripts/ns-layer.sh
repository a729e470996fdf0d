# the container's layer after rm/mkdir/touch in it (docker diff; one container per case: the daemon
# lists a directory's entries in Go map order, so each diff has one changed entry per directory
# besides deletions, which come after the others), exec -w/-e, and its processes signalled from the host
docker run -d --name d1 busybox sleep 300
docker exec d1 rm /etc/passwd
docker diff d1
docker exec d1 cat /etc/passwd
docker exec d1 sh -c 'echo root > /etc/passwd'
docker diff d1
docker run -d --name d2 busybox sleep 300
docker exec d2 mkdir -p /root/a/b
docker diff d2
docker exec d2 ls /root/a
docker exec d2 rm -r /root/a
docker diff d2
docker run -d --name d3 busybox sleep 300
docker exec d3 sh -c 'echo hi > /tmp/x; rm /tmp/x'
docker exec d3 touch /tmp
docker diff d3
docker run -d --name d4 busybox sleep 300
docker exec d4 touch /etc/passwd
docker exec d4 rm /etc/group
docker diff d4
docker run -d --name d5 busybox sleep 300
docker exec d5 mkdir /newdir
docker diff d5
docker exec d5 rm /nope
docker exec d5 rm -f /nope
docker exec d5 rm /etc
docker exec d5 rm /etc/hosts
docker exec d5 mkdir /etc
docker exec d5 mkdir /x/y
docker exec d5 mkdir -p /etc/group/x
docker exec d5 touch /nope/x
docker exec d5 rm
docker exec d5 mkdir
docker diff d5
docker exec -w /etc d5 pwd
docker exec -e FOO=bar d5 sh -c 'echo $FOO'
docker run -d --name w1 -w /srv busybox sleep 300
docker exec w1 pwd
docker diff w1
docker run -d --name s1 --restart always busybox sleep 300
kill -TERM $(docker inspect -f '{{.State.Pid}}' s1)
sleep 1
docker inspect -f '{{.State.Status}} {{.RestartCount}}' s1
kill -STOP $(docker inspect -f '{{.State.Pid}}' s1)
docker inspect -f '{{.State.Status}} {{.State.Paused}}' s1
docker ps --format '{{.Names}} {{.Status}}' --filter name=s1 | sed 's/Up .*/Up/'
kill -CONT $(docker inspect -f '{{.State.Pid}}' s1)
kill -KILL $(docker inspect -f '{{.State.Pid}}' s1)
sleep 2
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}' s1
docker run -d --name k1 busybox sleep 300
kill -9 $(docker inspect -f '{{.State.Pid}}' k1)
sleep 1
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' k1
docker run -dt --name t1 busybox sleep 300
docker attach t1
docker run --rm busybox sh -c /etc
docker run --rm busybox sh -c /nope
