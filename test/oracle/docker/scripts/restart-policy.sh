# restart policies (without a daemon restart)
docker run -d --name rp1 --restart on-failure:2 busybox sh -c 'exit 3'
sleep 5
docker inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' rp1
docker ps -a --filter name=rp1 --format '{{.Names}} {{.State}}'
docker run -d --name rp2 --restart always busybox sleep 300
docker stop -t 1 rp2
docker inspect -f '{{.State.Status}} {{.RestartCount}}' rp2
docker start rp2
docker kill rp2
sleep 1
docker inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' rp2
docker run -d --name rp3 --restart unless-stopped busybox sleep 300
docker stop -t 1 rp3
docker inspect -f '{{.State.Status}} {{.HostConfig.RestartPolicy.Name}}' rp3
docker run -d --name rp5 --restart no busybox sh -c 'exit 4'
sleep 1
docker inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' rp5
docker run -d --name rp6 --restart on-failure busybox sh -c 'exit 0'
sleep 1
docker inspect -f '{{.State.Status}} {{.RestartCount}}' rp6
docker rm rp2
docker rm -f rp2
