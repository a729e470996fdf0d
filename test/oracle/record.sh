#!/usr/bin/env bash
# Records real Linux output for test/oracle/scripts/*.sh into test/golden/NAME.txt.
#
#   test/oracle/record.sh                  # every script
#   test/oracle/record.sh walkthrough ping # only these (name, NAME.sh or a path)
#   GOLDEN_DIR=/tmp/run2 test/oracle/record.sh   # write elsewhere (double recording)
#
# Every script runs inside its own throw-away sandbox
#   unshare --net --mount --uts --propagation private
# that first mounts a private tmpfs on /run/netns (and stops if it cannot), then builds
# the hidden `bare` world (see README.md). Nothing touches the machine's own network.
# Goldens hold the raw output: no normalisation is applied here.
set -u

ORACLE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$ORACLE_DIR/record.sh"
SCRIPTS_DIR="$ORACLE_DIR/scripts"
GOLDEN_DIR=${GOLDEN_DIR:-$(cd "$ORACLE_DIR/../.." && pwd)/test/golden}
SCRIPT_TIMEOUT=${SCRIPT_TIMEOUT:-120}   # seconds per script (whole sandbox)
LINE_TIMEOUT=30      # seconds per command line
CMD_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# --------------------------------------------------------------------------------------
# Part 2: runs INSIDE the sandbox (new net + mount + uts namespaces). Never call directly.
# --------------------------------------------------------------------------------------
if [ "${1:-}" = "--inside-sandbox" ]; then
  script=$2
  out=$3
  outer_net=$4
  # Refuse to run in the driver's namespaces (only ever started through unshare below).
  if [ -z "$outer_net" ] || [ "$(readlink /proc/self/ns/net)" = "$outer_net" ]; then
    echo "record.sh: --inside-sandbox outside a sandbox; refusing" >&2
    exit 1
  fi

  # Private netns registry. Without it `ip netns add` would write to the machine's /run/netns.
  mkdir -p /run/netns && mount -t tmpfs none /run/netns || { echo "record.sh: cannot mount tmpfs on /run/netns" >&2; exit 1; }
  # sysfs of this netns (brctl reads /sys/class/net); the mount namespace is private.
  mount -t sysfs none /sys || { echo "record.sh: cannot mount sysfs" >&2; exit 1; }
  # DHCP clients and servers write pid and lease files under /run and /var/lib: private copies.
  case ${script##*/} in
    dhcp*)
      mount -t tmpfs none /run && mkdir -p /run/netns && mount -t tmpfs none /run/netns || exit 1
      mount -t tmpfs none /var/lib/dhcp || exit 1
      mkdir -p /var/lib/misc && mount -t tmpfs none /var/lib/misc || exit 1
      ;;
  esac
  # Fixed resolver files, so name lookups do not depend on the machine.
  work=$(mktemp -d)
  printf '127.0.0.1\tlocalhost\n127.0.1.1\thost\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n' >"$work/hosts"
  printf 'nameserver 2001:db8::53\n' >"$work/resolv.conf"
  printf 'host\n' >"$work/hostname"
  mount --bind "$work/hosts" /etc/hosts || exit 1
  mount --bind "$work/resolv.conf" /etc/resolv.conf || exit 1
  mount --bind "$work/hostname" /etc/hostname || exit 1
  hostname host || exit 1

  pids=()
  cleanup() {
    local p f
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    # Daemons a script started (dnsmasq in a netns, dhclient): every process left in the
    # sandbox's namespaces, by pid.
    for f in /run/netns/*; do
      [ -e "$f" ] || continue
      for p in $(ip netns pids "${f##*/}" 2>/dev/null); do kill "$p" 2>/dev/null; done
    done
    for p in /proc/[0-9]*; do
      p=${p#/proc/}
      [ "$p" = $$ ] && continue
      [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" = "$self_ns" ] && kill "$p" 2>/dev/null
    done
    wait 2>/dev/null
    rm -rf "$work"
  }
  trap cleanup EXIT

  self_ns=$(readlink /proc/self/ns/net)
  # A hidden namespace: a background process holding a new netns; never named in /run/netns.
  hidden_ns() {
    unshare --net sleep $((SCRIPT_TIMEOUT + 30)) &
    local pid=$! i
    pids+=("$pid")
    for i in $(seq 100); do
      local ns
      ns=$(readlink "/proc/$pid/ns/net" 2>/dev/null) || break
      if [ -n "$ns" ] && [ "$ns" != "$self_ns" ]; then
        HIDDEN_PID=$pid
        return 0
      fi
      sleep 0.02
    done
    echo "record.sh: hidden namespace did not start" >&2
    exit 1
  }
  hn() { local pid=$1; shift; nsenter -t "$pid" -n "$@"; }

  set -e
  hidden_ns; LAN=$HIDDEN_PID    # the LAN switch (a bridge)
  hidden_ns; RTR=$HIDDEN_PID    # the router 192.168.1.1
  hidden_ns; PC=$HIDDEN_PID     # another machine 192.168.1.3
  hidden_ns; INET=$HIDDEN_PID   # "the internet": 8.8.8.8, 1.1.1.1

  for p in $LAN $RTR $PC $INET; do
    hn "$p" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    hn "$p" ip link set lo up
  done

  # Root netns of the sandbox: the learner's host.
  sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
  sysctl -qw net.ipv4.ip_forward=0
  ip link set lo up
  # The LAN namespace gets a high nsid in the host, so that namespaces the learner creates
  # get ids 0, 1, ... as on a real machine (`ip netns list` shows "red (id: 0)").
  ip netns attach hidden-lan "$LAN"
  ip netns set hidden-lan 100
  ip netns delete hidden-lan
  ip link add eth0 index 2 address 52:54:00:12:34:56 type veth peer name lan-host netns "$LAN"
  tc qdisc replace dev eth0 root pfifo_fast
  ip addr add 192.168.1.2/24 brd + dev eth0
  ip link set eth0 up
  ip route add default via 192.168.1.1

  # LAN switch
  hn "$LAN" ip link add br0 type bridge forward_delay 0
  hn "$LAN" ip link set br0 up
  hn "$LAN" ip link set lan-host master br0 up
  hn "$LAN" ip link add lan-rtr type veth peer name eth0 netns "$RTR"
  hn "$LAN" ip link set lan-rtr master br0 up
  hn "$LAN" ip link add lan-pc type veth peer name eth0 netns "$PC"
  hn "$LAN" ip link set lan-pc master br0 up

  # Router: LAN 192.168.1.1/24, WAN 203.0.113.2/30, masquerades to the internet.
  hn "$RTR" ip link set eth0 address 52:54:00:00:01:01
  hn "$RTR" ip addr add 192.168.1.1/24 dev eth0
  hn "$RTR" ip link set eth0 up
  hn "$RTR" ip link add wan0 type veth peer name eth0 netns "$INET"
  hn "$RTR" ip addr add 203.0.113.2/30 dev wan0
  hn "$RTR" ip link set wan0 up
  hn "$RTR" ip route add default via 203.0.113.1
  hn "$RTR" sysctl -qw net.ipv4.ip_forward=1
  hn "$RTR" iptables -t nat -A POSTROUTING -o wan0 -j MASQUERADE

  # DHCP scripts: the router serves 192.168.1.100-200 (dnsmasq 2.90, DHCP only), and DHCP
  # clients keep their leases and pid files in private folders.
  case ${script##*/} in
    dhcp*)
      hn "$RTR" dnsmasq --port=0 --user=root --interface=eth0 --bind-interfaces \
        --dhcp-range=192.168.1.100,192.168.1.200,255.255.255.0,12h \
        --dhcp-option=option:router,192.168.1.1 --dhcp-option=option:dns-server,192.168.1.1 \
        --dhcp-leasefile="$work/router.leases" --pid-file="$work/router.pid"
      pids+=("$(cat "$work/router.pid")")
      ;;
  esac

  # Another machine on the LAN
  hn "$PC" ip link set eth0 address 52:54:00:00:01:03
  hn "$PC" ip addr add 192.168.1.3/24 dev eth0
  hn "$PC" ip link set eth0 up
  hn "$PC" ip route add default via 192.168.1.1

  # The internet: knows only the router's WAN link.
  hn "$INET" ip addr add 203.0.113.1/30 dev eth0
  hn "$INET" ip link set eth0 up
  hn "$INET" ip addr add 8.8.8.8/32 dev lo
  hn "$INET" ip addr add 1.1.1.1/32 dev lo

  # Links settle asynchronously (operstate, bridge port state and IPv6 link-local addresses are
  # updated by the kernel's linkwatch work shortly after a change). Wait until every namespace
  # (hidden ones too) is consistent, so that output does not depend on how fast lines run.
  unsettled() { # unsettled [IP...]: true if the namespace that IP (default: ip) talks to is changing
    local ipcmd=("$@")
    [ ${#ipcmd[@]} -eq 0 ] && ipcmd=(ip)
    "${ipcmd[@]}" -o link 2>/dev/null | awk '{
        f = $3; st = ""
        for (i = 4; i <= NF; i++) if ($i == "state") { st = $(i + 1); break }
        lu = (f ~ /[<,]LOWER_UP[,>]/); up = (f ~ /[<,]UP[,>]/)
        if (up && lu && st != "UP" && st != "UNKNOWN") bad = 1
        if (!lu && st == "UP") bad = 1
      } END { exit bad ? 0 : 1 }' && return 0
    "${ipcmd[@]}" -o -6 addr 2>/dev/null | grep -q tentative && return 0
    return 1
  }
  settle() { # settle [all]: "all" also waits for the hidden namespaces
    local i f p busy
    for i in $(seq 150); do
      busy=
      unsettled && busy=1
      if [ -z "$busy" ]; then
        for f in /run/netns/*; do
          [ -e "$f" ] || continue
          unsettled ip -n "${f##*/}" && { busy=1; break; }
        done
      fi
      if [ -z "$busy" ] && [ "${1:-}" = all ]; then
        for p in "${pids[@]}"; do
          unsettled nsenter -t "$p" -n ip && { busy=1; break; }
        done
      fi
      [ -z "$busy" ] && return 0
      SETTLE_WAITS=$((SETTLE_WAITS + 1))
      sleep 0.02
    done
    echo "record.sh: links did not settle" >&2
  }
  SETTLE_WAITS=0
  settle all

  # Start with empty neighbour caches on the host.
  ip neigh flush all
  ip -6 neigh flush all
  set +e

  # Settings applied to every namespace the script creates (not printed): no IPv6 DAD (so
  # link-local addresses never show "tentative"), ip_forward=0 whatever the machine has.
  # A namespace is fresh when its default accept_dad is still 1 (nobody else sets it).
  ns_hook() {
    local f dad
    for f in /run/netns/*; do
      [ -e "$f" ] || continue
      dad=$(nsenter --net="$f" cat /proc/sys/net/ipv6/conf/default/accept_dad 2>/dev/null) || continue
      [ "$dad" = 0 ] && continue
      nsenter --net="$f" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
        net.ipv4.ip_forward=0 >/dev/null 2>&1
    done
  }

  cd /root 2>/dev/null || cd /
  : >"$out"
  t0=${EPOCHREALTIME/./}
  o=$work/stdout e=$work/stderr
  while IFS= read -r line || [ -n "$line" ]; do
    # Same rules as src/shell/script.ts scriptLines(): trim, skip blank and "#" lines.
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    case $line in ''|'#'*) continue ;; esac
    env -i PATH=$CMD_PATH HOME=/root LANG=C.UTF-8 TERM=dumb \
      timeout $LINE_TIMEOUT bash -c "$line" </dev/null >"$o" 2>"$e"
    rc=$?
    {
      printf '$ %s\n' "$line"
      cat "$o" "$e"
      printf '[exit %d]\n\n' "$rc"
    } >>"$out"
    # TIMING_LOG=FILE: when each command ended (ms since the first one started), to check margins.
    [ -n "${TIMING_LOG:-}" ] && printf '%s\t%d\t%s\n' "${script##*/}" $(( (${EPOCHREALTIME/./} - t0) / 1000 )) "$line" >>"$TIMING_LOG"
    # BENCH=1 (npm run bench): time the script as a learner would run it, without the
    # recorder's own waits; the elapsed microseconds go to $BENCH_FILE.
    [ -n "${BENCH:-}" ] && continue
    ns_hook
    # The hidden LAN only changes when the learner touches eth0.
    case $line in *eth0*) settle all ;; *) settle ;; esac
  done <"$script"
  [ -n "${BENCH:-}" ] && echo $(( ${EPOCHREALTIME/./} - t0 )) >"$BENCH_FILE"
  [ -n "${SETTLE_DEBUG:-}" ] && echo "record.sh: settle waited $SETTLE_WAITS times" >&2
  exit 0
fi

# --------------------------------------------------------------------------------------
# Part 1: the driver (runs in the machine's namespaces; never touches the network).
# --------------------------------------------------------------------------------------
if [ "$(id -u)" != 0 ]; then
  echo "record.sh: not root; goldens left unchanged."
  exit 0
fi
if ! command -v unshare >/dev/null || ! command -v nsenter >/dev/null; then
  echo "record.sh: unshare/nsenter not available; goldens left unchanged."
  exit 0
fi

# Tools (Debian package names). Installing iptables does not change any rule.
missing=()
command -v ip >/dev/null || missing+=(iproute2)
command -v iptables >/dev/null || missing+=(iptables)
command -v ping >/dev/null || missing+=(iputils-ping)
command -v brctl >/dev/null || missing+=(bridge-utils)
command -v ifconfig >/dev/null || missing+=(net-tools)
command -v dhclient >/dev/null || missing+=(isc-dhcp-client)
command -v dnsmasq >/dev/null || missing+=(dnsmasq-base)
command -v udhcpc >/dev/null || missing+=(udhcpc)
command -v tracepath >/dev/null || missing+=(iputils-tracepath)
command -v nft >/dev/null || missing+=(nftables)
command -v tcpdump >/dev/null || missing+=(tcpdump)
command -v nc >/dev/null || missing+=(netcat-openbsd)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    echo "record.sh: apt-get install -y ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || {
      echo "record.sh: apt-get install failed; goldens left unchanged."
      exit 0
    }
  else
    echo "record.sh: missing ${missing[*]} and no apt-get; goldens left unchanged."
    exit 0
  fi
fi

# Can we build a sandbox at all?
if ! timeout 20 unshare --net --mount --uts --propagation private \
     sh -c 'mkdir -p /run/netns && mount -t tmpfs none /run/netns' 2>/dev/null; then
  echo "record.sh: cannot create a sandbox (unshare --net --mount --uts or tmpfs on /run/netns failed); goldens left unchanged."
  exit 0
fi

scripts=()
if [ $# -eq 0 ]; then
  for f in "$SCRIPTS_DIR"/*.sh; do scripts+=("$f"); done
else
  for a in "$@"; do
    if [ -f "$a" ]; then scripts+=("$a")
    elif [ -f "$SCRIPTS_DIR/$a" ]; then scripts+=("$SCRIPTS_DIR/$a")
    elif [ -f "$SCRIPTS_DIR/$a.sh" ]; then scripts+=("$SCRIPTS_DIR/$a.sh")
    else echo "record.sh: no such script: $a" >&2; exit 2
    fi
  done
fi

mkdir -p "$GOLDEN_DIR"
outer_net=$(readlink /proc/self/ns/net)
status=0
for s in "${scripts[@]}"; do
  name=$(basename "$s" .sh)
  tmp=$(mktemp)
  start=$SECONDS
  timeout $SCRIPT_TIMEOUT unshare --net --mount --uts --propagation private \
    bash "$SELF" --inside-sandbox "$s" "$tmp" "$outer_net"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "record.sh: $name FAILED (exit $rc); golden not written" >&2
    rm -f "$tmp"
    status=1
    continue
  fi
  mv "$tmp" "$GOLDEN_DIR/$name.txt"
  chmod 644 "$GOLDEN_DIR/$name.txt"
  n=$(grep -c '^\[exit -\?[0-9]*\]$' "$GOLDEN_DIR/$name.txt")
  echo "record.sh: $name: $n commands, $((SECONDS - start))s -> $GOLDEN_DIR/$name.txt"
done
exit $status
