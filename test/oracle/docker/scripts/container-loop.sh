# a detached shell loop writes its lines as time passes; sh as PID 1 ignores docker stop's
# SIGTERM, so the loop runs until SIGKILL 10 s later (exit 137)
docker run -d --name ticker busybox sh -c 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done'
sleep 2.5
docker logs ticker
docker stop ticker
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' ticker
docker ps -a --format '{{.Names}} {{.Status}}'
docker run -d --name t2 busybox sh -c 'while :; do echo a; sleep 2; echo b >&2; sleep 1; done'
sleep 3.5
docker logs t2
docker logs t2 2>/dev/null
docker pause t2
sleep 3
docker unpause t2
docker logs t2 2>&1 | wc -l
docker rm -f t2
