#!/usr/bin/env bash
# Records what an nginx master logs when one of its workers is killed with SIGKILL, and when it is
# stopped with SIGQUIT (the image's STOPSIGNAL: docker stop) or SIGTERM, with nginx as PID 1 of a
# private PID namespace as in a container (the machine's nginx; the official image's is not
# available here). Prints the error logs; src/engine/docker/procs-workers.ts quotes them.
#
# Safety (ARCHITECTURE.md, "Recording real kernel behaviour safely"): nginx runs inside
# `unshare --net --mount --pid --fork --mount-proc`, so it listens only in a namespace of its own
# with no uplink; it is signalled by its PIDs only and ends with its namespace.
set -u
command -v nginx >/dev/null || { echo "nginx missing" >&2; exit 0; }
[ "$(id -u)" = 0 ] || { echo "not root" >&2; exit 0; }
dir=$(mktemp -d /tmp/vethlab-nginx.XXXXXX)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/nginx.conf" <<CONF
user  www-data;
worker_processes  2;
error_log  $dir/error.log notice;
pid        $dir/nginx.pid;
events { worker_connections  1024; }
http { access_log off; server { listen 80; listen [::]:80; } }
CONF
# Run 1: a worker killed with SIGKILL, then SIGQUIT to the master. Run 2: SIGTERM to the master.
for stop in QUIT TERM; do
  : >"$dir/error.log"
  unshare --net --mount --pid --fork --mount-proc --propagation private nginx -c "$dir/nginx.conf" -g 'daemon off;' &
  holder=$!
  sleep 1
  master=$(pgrep -P "$holder" -x nginx)
  [ -n "$master" ] || { echo "nginx did not start" >&2; kill "$holder"; exit 1; }
  if [ "$stop" = QUIT ]; then kill -9 "$(pgrep -P "$master" | head -1)"; sleep 1; fi
  kill -"$stop" "$master"
  wait "$holder"
  echo "== SIG$stop"
  sed 's|^[0-9/]* [0-9:]* ||' "$dir/error.log"
done
