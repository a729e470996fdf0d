# Volumes, the container layer and images (recorded with Engine 26.1.5 / CLI 28.2.2; the recorder's data
# root in Mountpoint/Source is normalised, its stand-in busybox is replayed by test/oracle/docker/stand-ins.ts).
docker volume create data
docker volume create data
docker volume ls
docker volume ls -q
docker volume inspect data
docker volume inspect nope
docker run --rm -v data:/data busybox sh -c 'echo hi > /data/f'
docker run --rm -v data:/data busybox cat /data/f
docker run --rm -v data:/data:ro busybox sh -c 'echo hi > /data/x'
docker run --rm --mount type=volume,source=data,target=/d,readonly busybox sh -c 'echo x > /d/y'
docker run --rm --mount type=volume,source=data busybox true
docker run --rm --mount type=bind,source=/nope,target=/d busybox true
docker run --rm -v foo/bar:/d busybox true
docker run --rm -v data:relative busybox true
docker run -d --name v1 -v data:/data -v /anon busybox sleep 300
docker inspect -f '{{json .Mounts}}' v1
docker inspect -f '{{json .HostConfig.Binds}} {{json .Config.Volumes}}' v1
docker volume rm data
docker volume rm nope
docker volume rm -f nope
docker exec v1 sh -c 'echo hi > /tmp/x; echo y > /newfile'
docker diff v1
docker diff nope
docker cp v1:/tmp/x /tmp/x-from-container
docker cp v1:/nope /tmp/
docker cp /nope v1:/tmp/
docker cp v1:/a v1:/b
docker commit -m "a note" v1 committed:1
docker history --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' committed:1
docker history nope
docker rm -f v1
docker volume ls -q --filter dangling=true
docker volume prune -f
docker volume prune -a -f
docker volume ls
docker volume create -d nfs x2
docker save nosuch
docker load -i /nope.tar
docker push localhost:5000/busybox
docker tag busybox localhost:5000/busybox
docker push localhost:5000/busybox
docker image prune -f
docker system df
