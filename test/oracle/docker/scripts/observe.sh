# logs, top, stats, update, attach, OOM kill
docker run -d --name l1 busybox sh -c 'echo one; echo two >&2; echo three'
sleep 1
docker logs l1
docker logs --tail 1 l1
docker logs -n 0 l1
docker logs --tail all l1
docker logs nosuch
docker logs
docker attach l1
docker top l1
docker run -d --name t1 busybox sleep 300
docker top t1 | head -1
docker top t1 | tail -n +2 | awk '{print $1, $6, $7, $8, $9}'
docker top nosuch
docker stats --no-stream t1 | head -1
docker stats --no-stream --format '{{.Name}} {{.PIDs}}' t1
docker stats --no-stream --format '{{.Name}}: {{.MemUsage}}' t1 | sed 's/^t1: [0-9.]*[KMG]iB/t1: USAGE/'
docker update --memory 128m --memory-swap 256m t1
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' t1
docker stats --no-stream --format '{{.Name}}: {{.MemUsage}}' t1 | sed 's/^t1: [0-9.]*[KMG]iB/t1: USAGE/'
docker update --cpus 0.5 --cpu-shares 256 t1
docker inspect -f '{{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}}' t1
docker update --restart on-failure:3 t1
docker inspect -f '{{json .HostConfig.RestartPolicy}}' t1
docker update --memory 4m t1
docker update --restart always nosuch
docker update t1
docker stats --no-stream nosuch
docker run -d --name oom -m 8m --memory-swap 8m busybox sh -c 'tail /dev/zero'
sleep 3
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' oom
docker ps -a --filter name=oom --format '{{.Names}} {{.State}}'
docker run -d --name oom2 -m 8m --memory-swap 8m busybox sleep 300
docker exec oom2 sh -c 'tail /dev/zero'
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' oom2
