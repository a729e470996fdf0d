# docker ps: empty, with containers, -a -q -l -n, --format, --no-trunc, --filter
docker ps
docker ps -a
docker ps -q
docker run -d --name web busybox sleep 300
docker run --name done busybox true
docker run --name failed busybox false
docker create --name fresh busybox
docker run -d --name tagged --label tier=db busybox sleep 300
docker ps --format '{{.Names}} {{.Image}} {{.Command}} {{.Ports}}'
docker ps -q | wc -l
docker ps -aq | wc -l
docker ps -a --format '{{.Names}}'
docker ps -a --format 'table {{.Names}}\t{{.Image}}'
docker ps -a --format 'table {{.Names}}\t{{.Command}}'
docker ps --no-trunc --format '{{.Command}}'
docker ps -a --no-trunc --format '{{.Names}} {{.Command}}'
docker ps -a --format '{{json .Names}}'
docker ps -a --filter status=exited --format '{{.Names}}'
docker ps -a --filter status=created --format '{{.Names}}'
docker ps -a --filter status=running --format '{{.Names}}'
docker ps -a --filter exited=1 --format '{{.Names}}'
docker ps -a --filter exited=0 --format '{{.Names}}'
docker ps -a --filter name=fre --format '{{.Names}}'
docker ps -a --filter name=web --filter name=done --format '{{.Names}}'
docker ps -a --filter ancestor=busybox --format '{{.Names}}'
docker ps -a --filter ancestor=alpine --format '{{.Names}}'
docker ps --filter label=tier=db --format '{{.Names}} {{.Labels}}'
docker ps --filter label=tier --format '{{.Names}}'
docker ps -a --filter network=bridge --format '{{.Names}}'
docker ps -a --filter status=bogus
docker ps -a --filter bogus=1
docker ps -a --filter exited=abc
docker ps -l --format '{{.Names}}'
docker ps -n 2 --format '{{.Names}}'
docker ps -a -n 3 --format '{{.Names}} {{.State}}'
docker ps --format '{{.Names}}' --filter id=$(docker inspect -f '{{.Id}}' web | cut -c1-5)
docker ps --bogus
docker ps --format '{{.Nope}}'
