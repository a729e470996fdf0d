/**
 * `docker` subcommands' flags, flag by flag, for hovers, completions and `help docker`. Each
 * list holds every flag the simulated client accepts for that subcommand
 * (test/unit/view-docs-coverage.test.ts asks the client).
 */
import { flagDoc, type FlagDoc } from './types';
import { RUN_MOUNT_FLAGS } from './docker-storage';

const f = flagDoc;

const FORMAT = f('-f TEMPLATE, --format TEMPLATE', 'print with a Go template (`{{.Name}}`, `{{json .}}`) or `table …`, `json`');
const QUIET = f('-q, --quiet', 'print only ids');
const NO_TRUNC = f('--no-trunc', 'full ids and commands, not cut to 12 characters');
const FILTER = f('-f KEY=VALUE, --filter KEY=VALUE', 'only objects that match (name=, label=, status=, dangling=, …)');
const INSPECT_FLAGS = [FORMAT, f('-s, --size', 'add sizes (containers: SizeRw, SizeRootFs)'), f('--type TYPE', 'only look for this kind of object: container, image, network, volume'), f('-v, --verbose', 'more details (networks: swarm services)')];

export const DOCKER_RUN_FLAGS: FlagDoc[] = [
  f('-d, --detach', 'run in the background and print the container id'),
  f('-i, --interactive', 'keep stdin open'),
  f('-t, --tty', 'give the container a terminal'),
  f('--rm', 'remove the container (and its anonymous volumes) when it exits'),
  f('--name NAME', 'the container’s name (default: a random adjective_name); also its DNS name on user networks'),
  f('-h NAME, --hostname NAME', 'the container’s hostname (default: the first 12 characters of its id)'),
  f('--network NET, --net NET', 'the network to join: bridge (docker0, default), a user network (br-…, embedded DNS), host (no own namespace), none (only lo), container:NAME, or on a swarm node an overlay created with --attachable (eth0 on the overlay, eth1 on docker_gwbridge)'),
  f('--network-alias NAME, --net-alias NAME', 'another DNS name for the container on its user network'),
  f('--ip IP', 'a fixed address on the network (only user networks created with --subnet; taken at start: "Address already in use")'),
  f('-p [IP:]HOST:CONTAINER[/udp], --publish', 'publish a port: a DNAT rule in the DOCKER chain sends HOST to the container’s CONTAINER port; docker-proxy listens on the host for what that rule leaves alone (loopback, and containers asking for a host address: the chain RETURNs traffic from Docker’s bridges) and connects from the host. A port another container holds fails: port is already allocated'),
  f('-P, --publish-all', 'publish every EXPOSEd port on a random host port (32768 and up)'),
  f('--expose PORT', 'declare a port (no rule: only -P publishes it)'),
  f('--link NAME[:ALIAS]', 'legacy link on the default bridge: the name resolves through /etc/hosts'),
  f('-e KEY=VALUE, --env', 'set an environment variable'),
  f('-w DIR, --workdir DIR', 'the working directory of the command'),
  f('-u USER, --user USER', 'run the command as this user'),
  f('--privileged', 'all capabilities (the container may change its own network: ip link, iptables)'),
  f('--restart POLICY', 'no, on-failure[:N], always, unless-stopped: when the daemon starts the container again'),
  f('--entrypoint CMD', 'replace the image’s ENTRYPOINT'),
  f('--init', 'run tini as PID 1 to reap zombies and forward signals'),
  f('-m SIZE, --memory SIZE', 'memory limit (cgroup; shown in inspect)'),
  f('--cpus N', 'CPU limit (cgroup; shown in inspect)'),
  f('-c N, --cpu-shares N', 'relative CPU weight (cgroup)'),
  f('--memory-swap SIZE', 'memory plus swap limit (cgroup; -1: unlimited swap)'),
  f('--stop-timeout SECONDS', 'how long `docker stop` waits after SIGTERM before SIGKILL (default 10)'),
  f('-l KEY=VALUE, --label KEY=VALUE', 'metadata on the container (`docker ps --filter label=…`)'),
  f('--pull always|missing|never', 'when to pull the image first (default: missing)'),
  f('--health-cmd CMD', 'a health check: dockerd runs CMD in the container (sh -c) each interval; exit 0 is healthy (`docker ps`: "Up 3 seconds (healthy)", inspect: State.Health)'),
  f('--health-interval DURATION', 'time between checks (default 30s; the first check comes one interval after the start)'),
  f('--health-timeout DURATION', 'a check running longer fails (default 30s)'),
  f('--health-retries N', 'failures in a row that make the container unhealthy (default 3)'),
  f('--health-start-period DURATION', 'failures in this time after the start do not count'),
  f('--health-start-interval DURATION', 'time between checks during the start period (default 5s)'),
  f('--no-healthcheck', "disable the image's HEALTHCHECK"),
  ...RUN_MOUNT_FLAGS,
];

export const DOCKER_FLAGS: Record<string, FlagDoc[]> = {
  run: DOCKER_RUN_FLAGS,
  create: DOCKER_RUN_FLAGS,
  exec: [
    f('-d, --detach', 'run the command in the background'),
    f('-i, --interactive', 'keep stdin open'),
    f('-t, --tty', 'give it a terminal (with -i: an interactive shell, `docker exec -it web bash`)'),
    f('-e KEY=VALUE, --env', 'set an environment variable'),
    f('-w DIR, --workdir DIR', 'the working directory'),
    f('-u USER, --user USER', 'run as this user'),
    f('--privileged', 'extended privileges for the command'),
  ],
  ps: [f('-a, --all', 'also stopped containers'), QUIET, FORMAT, NO_TRUNC, FILTER, f('-s, --size', 'add the SIZE column'), f('-l, --latest', 'only the container created last'), f('-n N, --last N', 'the N containers created last')],
  logs: [f('-f, --follow', 'keep printing new output'), f('-n N, --tail N', 'only the last N lines'), f('-t, --timestamps', 'prefix each line with the time it was written (RFC 3339, nanoseconds)'), f('--since TIME', 'only lines after TIME'), f('--until TIME', 'only lines before TIME'), f('--details', 'extra attributes given to the log driver')],
  rm: [f('-f, --force', 'kill a running container first'), f('-v, --volumes', 'also remove its anonymous volumes'), f('-l, --link', 'remove a legacy link, not the container')],
  stop: [f('-t N, --timeout N, --time N', 'seconds to wait after SIGTERM before SIGKILL (default 10)'), f('-s SIGNAL, --signal SIGNAL', 'the signal to send first')],
  start: [f('-a, --attach', 'attach to its output and wait for it'), f('-i, --interactive', 'attach stdin')],
  restart: [f('-t N, --time N', 'seconds to wait before killing it'), f('-s SIGNAL, --signal SIGNAL', 'the signal to stop it with')],
  kill: [f('-s SIGNAL, --signal SIGNAL', 'the signal (default KILL)')],
  inspect: INSPECT_FLAGS,
  images: [f('-a, --all', 'also intermediate images'), QUIET, FORMAT, NO_TRUNC, FILTER, f('--digests', 'add the DIGEST column')],
  rmi: [f('-f, --force', 'remove even when a container uses it (by tag)'), f('--no-prune', 'keep untagged parent images')],
  pull: [f('-q, --quiet', 'print only the image name'), f('--platform OS/ARCH', 'the platform to pull'), f('-a, --all-tags', 'every tag of the repository')],
  'network create': [
    f('-d DRIVER, --driver DRIVER', 'bridge (default: a new br-… Linux bridge) or overlay (across the hosts of a swarm; needs `docker swarm init`); Vethlab has no macvlan or ipvlan'),
    f('--subnet CIDR', 'the network’s subnet (default: the next free 172.x.0.0/16)'),
    f('--gateway IP', 'the bridge’s own address (default: the first address containers could get, in the --ip-range if there is one)'),
    f('--ip-range CIDR', 'hand out container addresses only from this range'),
    f('--internal', 'no MASQUERADE and no route out: containers reach only each other'),
    f('--attachable', 'standalone containers may join (overlay networks): docker run --network NET on any node of the swarm; without it: "not manually attachable"'),
    f('-o KEY=VALUE, --opt KEY=VALUE', 'driver options (com.docker.network.bridge.name=…)'),
    f('--label KEY=VALUE', 'metadata'),
  ],
  'network ls': [QUIET, FORMAT, NO_TRUNC, FILTER],
  'network rm': [f('-f, --force', 'no error when the network does not exist')],
  'network prune': [f('-f, --force', 'do not ask for confirmation'), f('--filter FILTER', 'only networks matching, e.g. until=24h or label=KEY')],
  'network inspect': INSPECT_FLAGS,
  'network connect': [f('--ip IP', 'the container’s address on this network'), f('--alias NAME', 'another DNS name on this network'), f('--link NAME[:ALIAS]', 'a legacy link')],
  'network disconnect': [f('-f, --force', 'disconnect even if the container is not running')],
};
