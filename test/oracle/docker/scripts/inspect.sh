# docker inspect -f templates
docker run -d --name i1 --hostname box -e A=1 -p 8081:80 --memory 64m --cpus 0.5 --cpu-shares 512 --restart on-failure:3 --label k=v busybox sleep 300
docker inspect -f '{{.Name}}' i1
docker inspect -f '{{.Config.Hostname}} {{.Config.Image}}' i1
docker inspect -f '{{.Path}} {{.Args}}' i1
docker inspect -f '{{json .Args}}' i1
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}} {{.State.OOMKilled}}' i1
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}}' i1
docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' i1
docker inspect -f '{{json .HostConfig.RestartPolicy}}' i1
docker inspect -f '{{.HostConfig.NetworkMode}}' i1
docker inspect -f '{{json .HostConfig.PortBindings}}' i1
docker inspect -f '{{range $p, $conf := .NetworkSettings.Ports}}{{$p}} -> {{(index $conf 0).HostPort}}{{end}}' i1
docker inspect -f '{{.NetworkSettings.IPAddress}}' i1
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' i1
docker inspect -f '{{.NetworkSettings.Networks.bridge.Gateway}} {{.NetworkSettings.Networks.bridge.IPPrefixLen}}' i1
docker inspect -f '{{index .Config.Labels "k"}}' i1
docker inspect -f '{{json .Config.Labels}}' i1
docker inspect -f '{{.Config.Env}}' i1
docker inspect -f '{{.RestartCount}} {{.Driver}}' i1
docker inspect -f '{{.Nope}}' i1
docker inspect -f '{{.State.Status}}' i1 nosuch
docker inspect nosuch
docker inspect --type container -f '{{.Name}}' i1
docker inspect --type network -f '{{.Name}} {{.Driver}} {{.Scope}}' bridge
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}}' $(docker create --name i2 busybox)
docker container inspect -f '{{.State.Pid}}' i2
docker inspect --format='{{.Id}}' i1 | wc -c
docker inspect -s -f '{{.SizeRw}}' i2
