# Docker's iptables rules as it writes them
iptables-save -t filter | grep -v '^#'
iptables-save -t nat | grep -v '^#'
docker run -d --name web -p 8080:80 busybox sleep 300
iptables-save -t nat | grep -v '^#'
iptables-save -t filter | grep -v '^#'
iptables -t nat -S DOCKER
iptables -S DOCKER
docker run -d --name web2 -p 127.0.0.1:9090:90/udp busybox sleep 300
iptables -t nat -S DOCKER
iptables -S DOCKER
docker network create --subnet 10.50.0.0/24 app
iptables-save -t filter | grep -v '^#' | sed 's/br-[0-9a-f]*/br-ID/g'
iptables-save -t nat | grep -v '^#' | sed 's/br-[0-9a-f]*/br-ID/g'
docker rm -f web web2
docker network rm app
iptables-save -t nat | grep -v '^#'
iptables -t nat -L -n
