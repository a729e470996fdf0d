# docker build (BuildKit plain progress), recorded with Engine 26.1.5, CLI 28.2.2 and buildx 0.13.1 (Debian 13 docker-buildx,
# unpacked into /tmp/bx/x with dpkg-deb -x; the first line installs it as the client's plugin inside the sandbox).
mkdir -p /root/.docker/cli-plugins && cp /tmp/bx/x/usr/libexec/docker/cli-plugins/docker-buildx /root/.docker/cli-plugins/
rm -rf /tmp/bctx 2>/dev/null; mkdir -p /tmp/bctx 2>/dev/null; printf 'FROM busybox\nRUN echo hello > /greeting && echo built\nCOPY app.txt /app/\nWORKDIR /app\nENV MODE=prod\nEXPOSE 8080\nCMD cat /greeting\n' > /tmp/bctx/Dockerfile && echo 'app v1' > /tmp/bctx/app.txt
docker build -t myapp /tmp/bctx
docker build -t myapp /tmp/bctx
docker run --rm myapp
docker history myapp
docker images myapp
echo 'app v2' > /tmp/bctx/app.txt
docker build -t myapp /tmp/bctx
docker images
printf 'FROM busybox\nRUN echo before; cat /nope\nCMD ["true"]\n' > /tmp/bctx/Fail.dockerfile
docker build -f /tmp/bctx/Fail.dockerfile -t broken /tmp/bctx
printf 'FROM busybox\nRUN true\nFOO bar\n' > /tmp/bctx/Bad.dockerfile
docker build -f /tmp/bctx/Bad.dockerfile /tmp/bctx
printf 'FROM busybox\nCOPY missing.txt /\n' > /tmp/bctx/Missing.dockerfile
docker build -f /tmp/bctx/Missing.dockerfile /tmp/bctx
printf 'FROM nosuchimage\n' > /tmp/bctx/NoBase.dockerfile
docker build -f /tmp/bctx/NoBase.dockerfile /tmp/bctx
docker build -f /tmp/bctx/Nope.dockerfile /tmp/bctx
docker build -t x /nowhere
docker build
docker build -t Bad /tmp/bctx
docker build -q -t quiet /tmp/bctx
docker image prune -f
docker system df
