# docker commit keeps what the container deleted deleted (whiteouts) and what it made; containers
# run from the new image see that (each diff has one non-deleted change per directory: Go map order)
docker run --name del busybox sh -c 'rm /etc/group; rm -r /tmp; mkdir -p /etc/x; echo hi > /etc/x/f'
docker diff del
docker commit del img1
docker run --rm img1 cat /etc/group
docker run --rm img1 ls -d /tmp
docker run --rm img1 cat /etc/x/f
docker run --name d2 img1 rm /etc/x/f
docker diff d2
docker commit d2 img2
docker run --rm img2 ls /etc/x
docker run --rm img2 cat /etc/x/f
docker run --name d3 img1 sh -c 'echo g > /etc/group'
docker diff d3
docker run --name d4 img1 mkdir /tmp
docker diff d4
docker history --format '{{.CreatedBy}}|{{.Size}}' img2
