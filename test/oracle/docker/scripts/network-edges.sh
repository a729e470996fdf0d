# docker network IPAM validation (CLI and daemon), static addresses, published-port conflicts
docker network create --subnet 10.60.0.0/16 --gateway 10.60.0.254 --ip-range 10.60.1.0/24 e1
docker network create --subnet 10.61.0.5/16 e2
docker network create --subnet 10.62.0.0 e3
docker network create --gateway 10.63.0.1 e4
docker network create --subnet 10.64.0.0/16 --gateway bogus e5
docker network create --subnet 10.65.0.0/16 --subnet 10.65.1.0/24 e6
docker network create --subnet 10.66.0.0/16 --ip-range 10.67.0.0/24 e7
docker network create --subnet 10.68.0.0/16 --gateway 10.68.0.1 --gateway 10.68.0.2 e8
docker network create --subnet 10.60.5.0/24 e9
docker network create --subnet 172.17.5.0/24 e10
docker network create --subnet 10.69.0.0/33 e11
docker network create --subnet 10.71.0.0/16 --ip-range 10.71.0.5/24 e12
docker network create --driver null nn
docker network create --subnet 10.70.0.0/30 tiny
docker network ls --format '{{.Name}}'
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.IPRange}} {{.Gateway}}{{end}}' e1
docker run -d --name s1 --network e1 busybox sleep 300
docker inspect -f '{{.NetworkSettings.Networks.e1.IPAddress}}' s1
docker run -d --name s2 --network e1 --ip 10.60.0.254 busybox sleep 300
docker run -d --name s3 --network e1 --ip 10.60.2.7 busybox sleep 300
docker run -d --name s4 --network e1 --ip 10.60.2.7 busybox sleep 300
docker run -d --name s5 --network e1 --ip bogus busybox sleep 300
docker run -d --name s6 --network e1 --ip 10.99.0.1 busybox sleep 300
docker ps -a --format '{{.Names}} {{.State}}'
docker inspect -f '{{.NetworkSettings.Networks.e1.IPAddress}} {{json .NetworkSettings.Networks.e1.IPAMConfig}}' s3
docker run -d --name t1 --network tiny busybox sleep 300
docker run -d --name t2 --network tiny busybox sleep 300
docker network connect --ip 10.60.3.3 e1 t1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' t1
docker network connect --ip 10.60.3.3 e1 s1
docker network disconnect e1 t1
docker network rm e7 nosuch tiny
docker run -d --name p1 -p 8080:80 busybox sleep 300
docker run -d --name p2 -p 8080:80 busybox sleep 300
docker ps -a --filter name=p --format '{{.Names}} {{.State}} {{.Ports}}'
docker inspect -f '{{.State.Status}} {{.State.Error}}' p2
docker start p2
docker run -d --name p3 -p 127.0.0.1:8080:80 busybox sleep 300
docker run -d --name p4 -p 8080:80/udp busybox sleep 300
docker rm -f p1
docker start p2
docker ps --filter name=p --format '{{.Names}} {{.Ports}}'
iptables -t nat -S DOCKER | sed 's/br-[0-9a-f]*/br-ID/g'
docker network ls --filter id=$(docker network inspect -f '{{.Id}}' e1 | cut -c1-6) --format '{{.Name}}'
docker network ls --filter driver=null --format '{{.Name}}'
docker network ls --filter type=custom --format '{{.Name}}'
