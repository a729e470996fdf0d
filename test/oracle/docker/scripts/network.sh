# docker network create/ls/inspect/rm/connect and their errors
docker network ls
docker network ls -q | wc -l
docker network create n1
docker network create n1
docker network create --subnet 10.10.0.0/16 n2
docker network create --subnet 10.10.1.0/24 n3
docker network create --subnet 10.20.0.0/16 --gateway 10.20.0.254 n4
docker network create --subnet 10.30.0.0/16 --gateway 10.40.0.1 n5
docker network create --subnet bogus n6
docker network create --driver nosuch n7
docker network create --internal n8
docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network ls --filter name=n --format '{{.Name}}'
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n1
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n4
docker network inspect -f '{{.Internal}} {{.EnableIPv6}} {{.Driver}} {{.Scope}} {{.Attachable}}' n8
docker network inspect nosuch
docker network rm nosuch
docker run -d --name x1 --network n1 busybox sleep 300
docker network rm n1
docker network connect n2 x1
docker network connect n2 x1
docker network connect nosuch x1
docker network connect n2 nosuch
docker network connect --ip 10.10.5.5 n4 x1
docker network disconnect n3 x1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' x1
docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' n2
docker run -d --name x2 --network n4 --ip 10.20.0.9 busybox sleep 300
docker inspect -f '{{.NetworkSettings.Networks.n4.IPAddress}}' x2
docker run -d --name x3 --ip 10.20.0.10 busybox sleep 300
docker network rm n8 n3
docker network rm bridge
docker network rm host
docker network create --driver host h2
docker network create
docker network prune -f
docker network ls --format '{{.Name}}'
