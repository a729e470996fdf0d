/** Docs for the daemon side of Docker: docker info/top/stats/update/attach/context, the docker service, nsenter, lsns. */
import { flagDoc, doc } from './types';

const f = flagDoc;

export const DOCKER_DAEMON_SUBCOMMANDS = [
  { name: 'info', usage: 'docker info [--format TEMPLATE]', words: 'prints the daemon’s state: container counts, storage and logging driver, cgroup driver, swarm mode (NodeID, managers, node address once `docker swarm init` or join ran), CPUs and memory, Live Restore Enabled and the default address pools from /etc/docker/daemon.json.', flags: [f('-f TEMPLATE, --format TEMPLATE', 'a Go template over the Info object ({{.ContainersRunning}}, {{.LoggingDriver}}, {{json .DefaultAddressPools}})')] },
  { name: 'top', usage: 'docker top CONTAINER [-o pid,comm]', words: 'lists the container’s processes with their host PIDs (ps -ef columns): PID 1 of the container is an ordinary process on the host.' },
  { name: 'stats', usage: 'docker stats --no-stream [--format TEMPLATE] [CONTAINER...]', words: 'one sample of each container’s cgroup: CPU % (a busy loop uses one CPU, capped by --cpus, shared by --cpu-shares when CPUs run out), memory against the --memory limit, NET I/O (the bytes that crossed the container’s eth0: ping it and watch them grow), BLOCK I/O (what it wrote into its layer), PIDs.', flags: [f('--no-stream', 'print one sample and exit'), f('--format TEMPLATE', 'table or Go template: .Name .CPUPerc .MemUsage .MemPerc .PIDs'), f('-a, --all', 'also stopped containers')] },
  { name: 'update', usage: 'docker update [--memory N] [--memory-swap N] [--cpus N] [--cpu-shares N] [--restart POLICY] CONTAINER...', words: 'changes a container’s cgroup limits and restart policy while it runs (HostConfig.Memory, NanoCpus, CpuShares, RestartPolicy).', flags: [f('-m N, --memory N', 'memory limit (6MB at least)'), f('--memory-swap N', 'memory + swap limit'), f('--cpus N', 'CPU quota in CPUs'), f('-c N, --cpu-shares N', 'relative CPU weight'), f('--restart POLICY', 'no, on-failure[:N], always, unless-stopped')] },
  { name: 'attach', usage: 'docker attach CONTAINER', words: 'connects to the main process’s output until it ends and exits with its status; a stopped container cannot be attached.' },
  { name: 'context', usage: 'docker context ls|create|use|inspect|rm|show', words: 'named endpoints for the client: `default` is unix:///var/run/docker.sock; -H and DOCKER_HOST override the context in use.' },
  { name: 'context ls', usage: 'docker context ls [--format TEMPLATE]', words: 'lists contexts; * marks the one in use.' },
  { name: 'context create', usage: 'docker context create NAME --docker host=ENDPOINT [--description TEXT]', words: 'adds a context pointing at a daemon (unix:// socket or tcp://HOST:PORT).' },
  { name: 'context use', usage: 'docker context use NAME', words: 'makes later docker commands talk to that context’s endpoint.' },
  { name: 'context inspect', usage: 'docker context inspect [NAME]', words: 'prints a context as JSON (Endpoints.docker.Host).' },
  { name: 'context rm', usage: 'docker context rm NAME...', words: 'removes contexts (not `default`).' },
  { name: 'context show', usage: 'docker context show', words: 'prints the name of the context in use.' },
];

/** The global options that pick the daemon. */
export const DOCKER_GLOBAL_FLAGS = [
  f('-H ENDPOINT, --host ENDPOINT', 'the daemon to talk to: unix:///var/run/docker.sock (default), tcp://HOST:2375, tcp://HOST:2376 with --tlsverify'),
  f('--tlsverify', 'use TLS and verify the daemon; needs /root/.docker/ca.pem, cert.pem, key.pem'),
  f('-c NAME, --context NAME', 'use this context'),
  f('-D, --debug', 'debug output'),
];

export const NSENTER_DOC = doc({
  name: 'nsenter',
  summary: 'run a program in the namespaces of another process (a container’s, by its host PID)',
  kernel: 'Joins the namespaces of process PID: with -n its network namespace, so `nsenter -t PID -n ip addr` shows the container’s eth0 from the host, without docker exec and whatever programs the image has.',
  usage: 'nsenter -t PID [-n] [-u] [-a] COMMAND [ARG...]',
  flags: [f('-t PID, --target PID', 'the process whose namespaces to enter (docker inspect -f {{.State.Pid}})'), f('-n, --net', 'its network namespace'), f('-u, --uts', 'its hostname'), f('-a, --all', 'all its namespaces')],
  subcommands: [],
});

export const LSNS_DOC = doc({
  name: 'lsns',
  summary: 'list namespaces (network namespaces of the host and of its containers)',
  kernel: 'Reads each process’s /proc/PID/ns links: every running container has its own network namespace (an inode like 4026532xxx), the host’s processes share init’s (4026531840).',
  usage: 'lsns [-t net] [-p PID]',
  flags: [f('-t TYPE, --type TYPE', 'only this namespace type (net)'), f('-p PID, --task PID', 'only the namespaces of this process')],
  subcommands: [],
});

export const SERVICE_DOC = doc({
  name: 'service',
  summary: 'start, stop or restart the Docker daemon (hands over to systemctl)',
  kernel: 'Same as `systemctl VERB docker`: a restart re-reads /etc/docker/daemon.json and, without live-restore, stops and restarts containers according to their restart policies.',
  usage: 'service docker start|stop|restart|status',
  flags: [],
  subcommands: [],
});

export const DOCKERD_DOC = doc({
  name: 'dockerd',
  summary: 'run the Docker daemon in the foreground (systemd normally runs it as docker.service)',
  kernel: 'With docker.service running it fails: the pid file /var/run/docker.pid names the running dockerd. After `systemctl stop docker docker.socket` it starts in the foreground and logs to stderr; each -H is an endpoint it serves (tcp://IP:2375 opens a listening TCP socket on the host, shown by `ss -tlnp`), so `docker -H tcp://IP:2375 ps` or DOCKER_HOST reach it from this host or another. A TCP host without --tlsverify is warned about and slows the start down (1 s, plus 15 s for a non-loopback address). Ctrl-C (or `kill %1` for `dockerd … &`) shuts it down and stops its containers.',
  usage: 'dockerd [--debug] [-H unix:///var/run/docker.sock] [-H tcp://IP:2375] [--tlsverify] [OPTIONS]',
  flags: [f('-H ENDPOINT, --host ENDPOINT', 'where to serve the API (repeatable): unix:///PATH, tcp://IP:PORT (port 2375 by default)'), f('-D, --debug', 'debug logging (its debug lines are not simulated)'), f('--tlsverify', 'require client certificates (no insecure-TCP warnings)'), f('-p FILE, --pidfile FILE', 'the pid file (default /var/run/docker.pid)'), f('-v, --version', 'print the version and exit')],
  subcommands: [],
});

export const JOURNALCTL_DOC = doc({
  name: 'journalctl',
  summary: "show the systemd journal of the docker.service and docker.socket units",
  kernel: "Prints what systemd and dockerd logged for the unit: systemd's Starting/Started/Stopping/Stopped lines and dockerd's own (Starting up, Loading containers, API listen on /run/docker.sock, Processing signal 'terminated', a container killed after the 10 s shutdown timeout). This is where a dockerd that refused /etc/docker/daemon.json says why.",
  usage: 'journalctl -u docker [-n N] [-x] [-e] [--no-pager]',
  flags: [f('-u UNIT, --unit UNIT', 'docker (docker.service) or docker.socket; repeatable'), f('-n N, --lines N', 'only the last N lines'), f('-x, --catalog', "explain systemd's lines with the message catalog (░░ lines)"), f('-e, --pager-end', 'the last 1000 lines'), f('--no-pager', 'accepted (there is no pager)')],
  subcommands: [],
});
