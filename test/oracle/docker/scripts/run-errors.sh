# docker run / create errors and exit codes
docker run --pull never nosuchimage
docker run --pull never busybox:nosuchtag
docker create --pull never nosuchimage
docker run --name dup busybox true
docker run --name dup busybox true
docker create --name dup busybox true
docker run --name 'bad name' busybox true
docker run -d -p 8080:80 --name p1 busybox sleep 300
docker run -d -p 8080:80 --name p2 busybox sleep 300
docker inspect -f '{{.State.Status}}' p2
docker run --bogus busybox true
docker run -m abc busybox true
docker run --restart sometimes busybox true
docker run --restart on-failure:x busybox true
docker run --rm --restart always busybox true
docker run --cpus abc busybox true
docker run --cpus 999 busybox true
docker run -p 99999:80 busybox true
docker run -p abc busybox true
docker run
docker run -it busybox true
docker run -t busybox echo hi
docker run -i busybox echo hi
docker run --network nosuchnet busybox true
docker run --rm busybox sh -c 'echo out; echo err >&2; exit 5'
docker run --rm busybox cat /nonexistent
docker run -w /tmp --rm busybox pwd
docker run --rm --hostname myhost busybox hostname
docker run --rm --entrypoint echo busybox hello
docker run --rm -e FOO=bar busybox sh -c 'echo $FOO'
