# docker version / info: the stable parts
docker version --format '{{.Client.Os}}/{{.Client.Arch}} {{.Server.Os}}/{{.Server.Arch}}'
docker version --format '{{.Server.MinAPIVersion}}'
docker version --format '{{json .Client.Os}}'
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}}'
docker info --format '{{.Driver}} {{.CgroupDriver}} {{.OSType}} {{.Architecture}}'
docker info --format '{{.LoggingDriver}} {{.LiveRestoreEnabled}} {{.DefaultRuntime}}'
docker info --format '{{json .DefaultAddressPools}}'
docker run -d --name d1 busybox sleep 300
docker create --name d2 busybox
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}'
docker info --format '{{.Nope}}'
docker -H tcp://127.0.0.1:2375 ps
docker -H tcp://127.0.0.1:2376 --tlsverify ps
docker -H unix:///nonexistent.sock ps
DOCKER_HOST=tcp://127.0.0.1:2375 docker ps
docker context ls
docker context inspect default --format '{{.Name}} {{.Endpoints.docker.Host}}'
docker context create c2 --docker host=tcp://127.0.0.1:2375
docker context ls
docker context use nosuch
docker context rm default
docker context rm c2
