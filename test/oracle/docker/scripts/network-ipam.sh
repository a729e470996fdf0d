# docker network --ip-range gateway, static --ip on connect/create/start, port and proxy conflicts in both orders, State.Error
docker run -d --name a1 -p 127.0.0.1:8090:80 busybox sleep 300
docker run -d --name a2 -p 8090:80 busybox sleep 300
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' a2
docker start a2
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' a2
docker rm -f a1
docker start a2
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' a2
docker network create --subnet 10.80.0.0/16 --ip-range 10.80.5.0/24 r1
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.IPRange}} {{.Gateway}}{{end}}' r1
docker run -d --name r1c --network r1 busybox sleep 300
docker inspect -f '{{.NetworkSettings.Networks.r1.IPAddress}} {{.NetworkSettings.Networks.r1.Gateway}}' r1c
docker network create plain
docker network connect --ip 172.18.0.50 plain r1c
docker network connect --ip 10.80.5.1 r1 a2
docker network connect --ip 10.80.9.9 r1 a2
docker inspect -f '{{.NetworkSettings.Networks.r1.IPAddress}} {{json .NetworkSettings.Networks.r1.IPAMConfig}}' a2
docker create --name cr --network r1 --ip 10.80.9.9 busybox sleep 300
docker start cr
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' cr
docker run -d --name h1 --network host --ip 10.1.1.1 busybox sleep 300
docker run -d --name nn1 --network none --ip 10.1.1.1 busybox sleep 300
docker network create bridge
docker network create default
docker network create --subnet 10.81.0.0/16 --subnet 10.82.0.0/16 two
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}},{{end}}' two
