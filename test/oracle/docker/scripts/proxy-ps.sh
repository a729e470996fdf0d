# the userland proxies dockerd starts for published ports, as the host's ps lists them (the
# program's directory cut: Debian's docker.io installs it in /usr/sbin, docker-ce in /usr/bin;
# sorted: the order of one container's ports is Go map order)
docker run -d --name web -p 8080:80 busybox sleep 300
ps -ef | grep '[d]ocker-proxy -proto' | sed 's|^.*/||'
docker run -d --name web2 -p 127.0.0.1:8081:80 -p 9090:90/udp busybox sleep 300
ps -ef | grep '[d]ocker-proxy -proto' | sed 's|^.*/||' | sort
ps -ef | grep '[d]ocker-proxy -proto' | awk '{print $1, $6}' | uniq -c
ps aux | grep '[d]ocker-proxy -proto' | awk '{print $1, $7, $8}' | uniq -c
docker stop -t 1 web
ps -ef | grep -c '[d]ocker-proxy -proto'
docker rm -f web2
ps -ef | grep -c '[d]ocker-proxy -proto'
