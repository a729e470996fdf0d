# create/start/stop/kill/rm/pause: states and exit codes
docker run --name e0 busybox true
docker run --name e1 busybox false
docker run --name e3 busybox sh -c 'exit 3'
docker run --name e127 busybox nosuchcmd
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' e127
docker run --name e126 busybox /etc/passwd
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' e126
docker run --name e126d busybox /etc
docker run --name sh127 busybox sh -c nosuchcmd
docker run --name sh126 busybox sh -c /etc/passwd
docker ps -a --format '{{.Names}} {{.State}}'
docker create --name c1 busybox sleep 300
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Pid}} {{.State.ExitCode}}' c1
docker start c1
docker start c1
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' c1
docker pause c1
docker pause c1
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' c1
docker exec c1 true
docker unpause c1
docker unpause c1
docker stop -t 1 c1
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' c1
docker stop c1
docker exec c1 true
docker kill c1
docker pause c1
docker run -d --name k1 busybox sleep 300
docker kill k1
docker inspect -f '{{.State.ExitCode}}' k1
docker run -d --name k2 busybox sleep 300
docker kill --signal TERM k2
docker inspect -f '{{.State.Status}}' k2
docker kill -s BOGUS k2
docker kill -s SIGKILL k2
docker inspect -f '{{.State.ExitCode}}' k2
docker run -d --init --name k3 busybox sleep 300
docker kill -s TERM k3
sleep 1
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' k3
docker run -d --init --name k4 busybox sleep 300
docker stop k4
docker inspect -f '{{.State.ExitCode}}' k4
docker run -d --name k5 busybox sleep 300
docker kill -s HUP k5
docker inspect -f '{{.State.Status}}' k5
docker rm k5
docker rm -f k5
docker rm k5
docker rm nosuch
docker stop nosuch
docker kill nosuch
docker start nosuch
docker restart nosuch
docker pause nosuch
docker run -d --name r1 busybox sleep 300
docker restart -t 1 r1
docker inspect -f '{{.State.Status}} {{.RestartCount}}' r1
docker run -d --name w1 busybox sh -c 'sleep 1; exit 7'
docker wait w1
docker wait nosuch
docker rm e0 e1 nosuch
docker ps -a --format '{{.Names}}'
docker stop
docker kill
docker rm
