# docker info / version, logs -t/-f, stats, top, attach, contexts, update, cgroup files
docker info
docker version
docker info --format '{{json .}}'
docker version --format '{{json .}}'
docker run -d --name s1 busybox sleep 300
docker logs -t s1
docker logs --timestamps --tail 2 l1
docker run -d --name l2 busybox sh -c 'echo a; echo b'
sleep 1
docker logs -t l2
docker logs -f l2
docker stats --no-stream
docker stats --no-stream --format 'table {{.Name}}\t{{.CPUPerc}}\t{{.MemPerc}}\t{{.PIDs}}'
docker stats --no-stream --format '{{json .}}' s1
docker top s1
docker top s1 -o pid,comm
docker run -d --name ng --init busybox sleep 300
docker top ng
docker attach --no-stdin s1 & sleep 1; docker stop -t 1 s1; wait
docker context inspect default
docker context create c3 --description hello --docker host=unix:///var/run/docker.sock
docker context use c3
docker context ls
docker ps --format '{{.Names}}'
docker context use default
docker context inspect c3
docker context rm c3
docker context ls --format '{{.Name}} {{.Current}}'
docker update --memory 64m nosuch s1
docker run -d --name sh1 busybox sh
docker run -d --name hc --health-cmd true busybox sleep 300
docker ps -a --format '{{.Names}} {{.Status}}'
lsns -t net -p $(docker inspect -f '{{.State.Pid}}' hc)
docker exec hc ps
docker run --rm -m 8m busybox cat /sys/fs/cgroup/memory/memory.limit_in_bytes
docker run --rm --cpus 0.5 busybox cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us
