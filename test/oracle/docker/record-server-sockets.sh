#!/usr/bin/env bash
# Records how ss and netstat list the listening sockets of the servers the catalog's redis, httpd
# and postgres images run, each started as PID 1 of its own PID + network namespace as in a
# container, with the images' listening settings: redis-server without a config file (bind
# "* -::*"), Apache's event MPM with `Listen 80` (the httpd image's httpd.conf), postgres with
# listen_addresses='*' (the postgres image's). The programs come from Debian 12's packages,
# unpacked (apt-get download + dpkg-deb -x, nothing installed) except postgres, which must be
# installed. Prints `ss -tlnp` and `netstat -tlnp` with the PIDs replaced by their role.
#
# Safety (ARCHITECTURE.md, "Recording real kernel behaviour safely"): every server runs inside
# `unshare --net --mount --pid --fork --mount-proc`, with no uplink; it is stopped by its PID.
set -u
[ "$(id -u)" = 0 ] || { echo "not root" >&2; exit 0; }
work=$(mktemp -d /tmp/vethlab-servers.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root" "$work/debs"
(cd "$work/debs" && apt-get download redis-tools liblzf1 libjemalloc2 apache2-bin libapr1 libaprutil1 >/dev/null 2>&1) || { echo "apt-get download failed" >&2; exit 0; }
for f in "$work"/debs/*.deb; do dpkg-deb -x "$f" "$root"; done
ln -sf redis-check-rdb "$root/usr/bin/redis-server"
export LD_LIBRARY_PATH=$root/usr/lib/x86_64-linux-gnu

# Runs "$@" as PID 1 of a fresh namespace, prints its sockets as ss and netstat see them and what
# curl gets from its PORT, stops it.
record() {
  local name=$1 port=$2; shift 2
  unshare --net --mount --pid --fork --mount-proc --propagation private "$@" >"$work/$name.out" 2>&1 &
  local holder=$! pid=
  for _ in $(seq 50); do pid=$(pgrep -P "$holder" | head -1); [ -n "$pid" ] && nsenter -t "$pid" -n ss -tln | grep -q LISTEN && break; sleep 0.2; done
  sleep 1
  # Only ever the sandbox's own namespace: never the machine's.
  [ -n "$pid" ] && [ "$(readlink /proc/$pid/ns/net)" != "$(readlink /proc/self/ns/net)" ] || { echo "no sandbox for $name" >&2; kill "$holder"; return; }
  nsenter -t "$pid" -n ip link set lo up
  echo "== $name"
  local map
  map=$(ps -o pid= --ppid "$pid" | awk -v m="$pid" 'BEGIN { print "s/\\<" m "\\>/MAIN/g" } { n++; print "s/\\<" $1 "\\>/CHILD" n "/g" }')
  nsenter -t "$pid" -n ss -tlnp | sed "$map"
  nsenter -t "$pid" -n netstat -tlnp | sed "$map"
  nsenter -t "$pid" -n curl -sS -m 5 "http://127.0.0.1:$port/"; echo "[curl exit $?]"
  kill -TERM "$pid"; wait "$holder" 2>/dev/null
}

"$root/usr/bin/redis-server" --version
record redis 6379 "$root/usr/bin/redis-server" --save '' --appendonly no

mkdir -p "$work/httpd"
mods=$root/usr/lib/apache2/modules
cat >"$work/httpd/httpd.conf" <<CONF
ServerRoot $work/httpd
LoadModule mpm_event_module $mods/mod_mpm_event.so
LoadModule authz_core_module $mods/mod_authz_core.so
LoadModule dir_module $mods/mod_dir.so
LoadModule mime_module $mods/mod_mime.so
Listen 80
User www-data
Group www-data
ServerName localhost
DocumentRoot $work/httpd
PidFile $work/httpd/httpd.pid
ErrorLog $work/httpd/error_log
TypesConfig /dev/null
CONF
"$root/usr/sbin/apache2" -v | head -1
record httpd 80 "$root/usr/sbin/apache2" -f "$work/httpd/httpd.conf" -DFOREGROUND

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)
if [ -n "$pgbin" ]; then
  mkdir -p "$work/pg" && chown postgres "$work/pg" && chmod 755 "$work"
  setpriv --reuid postgres --regid postgres --clear-groups "$pgbin/initdb" -D "$work/pg/data" -U postgres >/dev/null 2>&1
  "$pgbin/postgres" --version
  record postgres 5432 setpriv --reuid postgres --regid postgres --clear-groups "$pgbin/postgres" -D "$work/pg/data" -c listen_addresses='*' -c unix_socket_directories="$work/pg"
fi
