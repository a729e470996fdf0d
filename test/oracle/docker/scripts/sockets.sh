# docker-proxy's listening sockets on the host for published ports (ss, netstat): one per port and
# address family, none for a container without -p. (busybox sleeps: the proxy binds whether or not
# anything listens inside; the container's own sockets are not recorded here.)
docker run -d --name web -p 8080:80 busybox sleep 300
docker run -d --name quiet busybox sleep 300
ss -tlnp | sed 's/pid=[0-9]*/pid=PID/g'
ss -tln
netstat -tln
netstat -tlnp | sed 's/ [0-9]*\/docker-proxy *$/ PID\/docker-proxy/'
docker run -d --name local -p 127.0.0.1:9090:80 busybox sleep 300
# The kernel lists listeners in its hash order, which varies between runs: sorted here.
ss -tln | head -1
ss -tln | tail -n +2 | LC_ALL=C sort
docker run -d --name dns -p 5353:53/udp busybox sleep 300
ss -uln
netstat -uln
docker pause web
ss -tln | tail -n +2 | LC_ALL=C sort
docker stop -t 1 web
ss -tln
docker rm -f web local quiet dns
ss -tln
