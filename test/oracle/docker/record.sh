#!/usr/bin/env bash
# Records a real Docker engine's output for test/oracle/docker/scripts/*.sh into
# test/golden/docker/NAME.txt (same transcript format as test/oracle/record.sh).
#
#   flock /tmp/vethlab-dockerd.lock test/oracle/docker/record.sh              # every script
#   flock /tmp/vethlab-dockerd.lock test/oracle/docker/record.sh ps lifecycle # only these
#   GOLDEN_DIR=/tmp/run2 ...      write elsewhere (double recording)
#   DOCKER_ROOT=/opt/vethlab-docker26 ...  use an engine unpacked there (usr/sbin/dockerd, usr/bin/…)
#
# Safety (ARCHITECTURE.md "Recording real Docker behaviour safely"): dockerd and every command
# run inside a private network + mount namespace held open by `unshare … sleep infinity`; tmpfs
# covers /etc/docker /run/docker /run/containerd /run/netns and the data root in that namespace;
# dockerd's socket, pidfile, data and exec roots live in a scratch folder. The namespace has no
# uplink. dockerd and the holder are stopped by their PIDs. Nothing touches the machine's network.
set -u

ORACLE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCRIPTS_DIR="$ORACLE_DIR/scripts"
GOLDEN_DIR=${GOLDEN_DIR:-$(cd "$ORACLE_DIR/../../.." && pwd)/test/golden/docker}
LINE_TIMEOUT=${LINE_TIMEOUT:-40}
DOCKER_ROOT=${DOCKER_ROOT:-}
CLIENT=${DOCKER_CLIENT:-$(command -v docker)}
CMD_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
[ -n "$DOCKER_ROOT" ] && CMD_PATH="$DOCKER_ROOT/usr/sbin:$DOCKER_ROOT/usr/bin:$CMD_PATH"

say() { echo "docker/record.sh: $*" >&2; }

if [ "$(id -u)" != 0 ]; then say "not root; goldens left unchanged."; exit 0; fi
for t in unshare nsenter; do command -v $t >/dev/null || { say "$t missing; goldens left unchanged."; exit 0; }; done

# Install the engine without starting the packaged service (policy-rc.d exits 101).
if ! PATH=$CMD_PATH command -v dockerd >/dev/null; then
  command -v apt-get >/dev/null || { say "no dockerd and no apt-get; goldens left unchanged."; exit 0; }
  had_policy=; [ -e /usr/sbin/policy-rc.d ] && had_policy=1
  [ -z "$had_policy" ] && printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io containerd runc \
    busybox-static iptables iproute2 tini bridge-utils
  rc=$?
  [ -z "$had_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ $rc = 0 ] || { say "apt-get install failed; goldens left unchanged."; exit 0; }
fi
# The stand-in images need a static busybox. The machine's /usr/bin/busybox may be Debian's
# dynamic `busybox` (it replaces busybox-static), so take the binary from busybox-static's .deb.
BUSYBOX_CACHE=${BUSYBOX_CACHE:-/var/cache/vethlab-oracle}
BUSYBOX=$BUSYBOX_CACHE/bin/busybox
if [ ! -x "$BUSYBOX" ]; then
  mkdir -p "$BUSYBOX_CACHE/deb" && (cd "$BUSYBOX_CACHE/deb" && apt-get download busybox-static >/dev/null) &&
    dpkg-deb -x "$BUSYBOX_CACHE"/deb/busybox-static_*.deb "$BUSYBOX_CACHE/x" &&
    mkdir -p "$BUSYBOX_CACHE/bin" && cp "$BUSYBOX_CACHE/x/bin/busybox" "$BUSYBOX" ||
    { say "cannot get busybox-static; goldens left unchanged."; exit 0; }
fi
[ -n "$CLIENT" ] || CLIENT=$(PATH=$CMD_PATH command -v docker)

SCRATCH=$(mktemp -d /tmp/vethlab-dockerd.XXXXXX)
HOLDER=
# dockerd's own PID (from its pidfile), then the holder's `sleep` (unshare --fork ignores SIGTERM
# itself and ends when its child does; the tmpfs mounts go with the namespace).
stop_dockerd() {
  local pid
  pid=$(cat "$SCRATCH/dockerd.pid" 2>/dev/null) || return 0
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  rm -f "$SCRATCH/dockerd.pid"
}
cleanup() {
  stop_dockerd
  [ -n "$HOLDER" ] && kill "$HOLDER" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# The holder: a private network + mount (+ uts) namespace that lives as long as this script.
unshare --net --mount --uts --propagation private --fork --kill-child sleep infinity &
unshare_pid=$!
outer_net=$(readlink /proc/self/ns/net)
for _ in $(seq 100); do
  HOLDER=$(pgrep -P "$unshare_pid" -x sleep)
  ns=$([ -n "$HOLDER" ] && readlink /proc/$HOLDER/ns/net 2>/dev/null)
  [ -n "$ns" ] && [ "$ns" != "$outer_net" ] && break
  HOLDER=
  sleep 0.02
done
[ -n "$HOLDER" ] || { say "holder namespace did not start"; kill "$unshare_pid"; exit 1; }
inside() { nsenter -t "$HOLDER" -n -m -u "$@"; }

inside bash -c "
  set -e
  # /run as a whole (holds /run/docker, /run/containerd, /run/netns and the default socket
  # /var/run/docker.sock), /etc/docker, the client's HOME and the data root: all private tmpfs.
  for d in /run /etc/docker /root '$SCRATCH/data'; do mkdir -p \$d; mount -t tmpfs none \$d; done
  mkdir -p /run/docker /run/containerd /run/netns
  hostname host
  ip link set lo up
" || { say "cannot prepare the sandbox (tmpfs mounts); goldens left unchanged"; exit 1; }

SOCK=unix:///var/run/docker.sock
start_dockerd() {
  local driver=$1
  inside env -i PATH=$CMD_PATH HOME=/root dockerd --data-root "$SCRATCH/data" --exec-root "$SCRATCH/exec" \
    --pidfile "$SCRATCH/dockerd.pid" -H "$SOCK" --storage-driver "$driver" \
    --exec-opt native.cgroupdriver=cgroupfs --cgroup-parent vethlab-oracle \
    >"$SCRATCH/dockerd-$driver.log" 2>&1 &
  local launcher=$!
  for _ in $(seq 150); do
    inside "$CLIENT" version >/dev/null 2>&1 && return 0
    kill -0 "$launcher" 2>/dev/null || break
    sleep 0.2
  done
  stop_dockerd
  return 1
}
start_dockerd overlay2 || start_dockerd vfs || { say "dockerd did not start:"; tail -20 "$SCRATCH"/dockerd-*.log >&2; exit 1; }

# Stand-in images: Debian's busybox-static and its applet links, imported under the names the
# scripts use (test/golden/docker/README.md says so).
rootfs=$SCRATCH/rootfs
mkdir -p "$rootfs"/{bin,etc,proc,sys,dev,tmp,root}
cp "$BUSYBOX" "$rootfs/bin/busybox"
for a in $("$rootfs/bin/busybox" --list); do [ -e "$rootfs/bin/$a" ] || ln -s busybox "$rootfs/bin/$a"; done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
for img in busybox:latest alpine:latest; do
  tar -C "$rootfs" -c . | inside "$CLIENT" import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["sh"]' - "$img" >/dev/null || { say "docker import failed"; exit 1; }
done

mkdir -p "$GOLDEN_DIR"
want=("$@")
[ ${#want[@]} -eq 0 ] && for f in "$SCRIPTS_DIR"/*.sh; do want+=("$f"); done
for w in "${want[@]}"; do
  case $w in */*) script=$w ;; *.sh) script=$SCRIPTS_DIR/$w ;; *) script=$SCRIPTS_DIR/$w.sh ;; esac
  name=$(basename "$script" .sh)
  out=$GOLDEN_DIR/$name.txt
  # A fresh engine state per script: remove containers and user networks, keep the stand-ins.
  inside bash -c "\"$CLIENT\" rm -f \$(\"$CLIENT\" ps -aq)" >/dev/null 2>&1
  inside "$CLIENT" network prune -f >/dev/null 2>&1
  : >"$out"
  o=$SCRATCH/stdout e=$SCRATCH/stderr
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    case $line in ''|'#'*) continue ;; esac
      inside env -i PATH=$CMD_PATH HOME=/root LANG=C.UTF-8 TERM=dumb \
      timeout $LINE_TIMEOUT bash -c "docker() { \"$CLIENT\" \"\$@\"; }; $line" </dev/null >"$o" 2>"$e"
    rc=$?
    { printf '$ %s\n' "$line"; cat "$o" "$e"; printf '[exit %d]\n\n' "$rc"; } >>"$out"
  done <"$script"
  say "recorded $name -> $out"
done
exit 0
