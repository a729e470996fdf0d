/** `docker swarm|node|service|stack …` and `ssh`: swarm mode across the hosts of the multi-host world. */
import { flagDoc, doc, subcommandDoc, type SubcommandDoc } from './types';

const sub = subcommandDoc;

export const SWARM_SUBCOMMANDS: SubcommandDoc[] = [
  sub('swarm init', 'docker swarm init [--advertise-addr IP|IFACE] [--autolock]', 'makes this node the first manager (Raft leader) of a new swarm: creates the `ingress` overlay network and the local `docker_gwbridge` bridge, and prints the worker join command. Without --advertise-addr a host with addresses on several interfaces gets Docker\'s "could not choose an IP address to advertise" error.', [
    flagDoc('--advertise-addr IP|IFACE', 'the address other nodes use to reach this manager (port 2377).'),
    flagDoc('--autolock', 'managers stay locked after a daemon restart until `docker swarm unlock` gets the printed SWMKEY key.'),
  ]),
  sub('swarm join', 'docker swarm join --token TOKEN MANAGER-IP:2377', 'joins the swarm the token belongs to; a worker token makes a worker, a manager token a manager (a Raft member).'),
  sub('swarm join-token', 'docker swarm join-token [-q] [--rotate] worker|manager', 'prints the join command (or with -q only the token); --rotate invalidates the old token for new joins.'),
  sub('swarm leave', 'docker swarm leave [--force]', 'leaves the swarm: a worker just goes (listed as Down until `docker node rm`); a manager needs --force, and Docker warns when that would cost the Raft quorum (more than half of the managers must stay reachable).'),
  sub('swarm update', 'docker swarm update [--autolock=true|false] [--task-history-limit N] [--cert-expiry D] [--dispatcher-heartbeat D]', 'changes the cluster spec and prints "Swarm updated." (with no flag: its help). Values are checked as Go parses them (`time: missing unit in duration "10"`, exit 125).', [
    flagDoc('--autolock=true|false', 'turning it on prints a new unlock key; managers then stay locked after a daemon restart.'),
    flagDoc('--task-history-limit N', 'tasks kept per slot in `docker service ps` (default 5; the current one counts; negative keeps all).'),
    flagDoc('--cert-expiry D', 'how long node certificates last (default 2160h0m0s); under 1h the daemon refuses it.'),
    flagDoc('--dispatcher-heartbeat D', 'how often nodes report to the managers (default 5s).'),
    flagDoc('--snapshot-interval N, --max-snapshots N', 'Raft log entries between snapshots and old snapshots kept (stored in the spec).'),
    flagDoc('--external-ca SPEC', 'checked as the CLI checks it (protocol=cfssl,url=…); the simulation signs nothing itself.'),
  ]),
  sub('swarm ca', 'docker swarm ca [--rotate [-d] [-q] [--cert-expiry D] [--ca-cert FILE --ca-key FILE]]', 'prints the swarm\'s root CA certificate (PEM: ECDSA P-256, CN=swarm-ca, 20 years) on a manager. With --rotate a new root CA replaces it: the CLI follows the rotation (desired root digest at each 200 ms poll, 3 s here) and prints the new certificate; join tokens change with it, so old tokens stop working.', [
    flagDoc('--rotate', 'generate a new root CA (or use --ca-cert with --ca-key).'),
    flagDoc('-d, --detach', 'start the rotation and return at once, printing nothing.'),
    flagDoc('-q, --quiet', 'wait for the rotation without printing progress or the certificate.'),
    flagDoc('--cert-expiry D', 'with --rotate: also change the node certificate lifetime (at least 1h).'),
    flagDoc('--ca-cert FILE, --ca-key FILE', 'rotate to this PEM certificate and key instead of a generated pair (the file must hold PEM).'),
  ]),
  sub('swarm unlock', 'docker swarm unlock', 'reads the unlock key from stdin (`echo KEY | docker swarm unlock`) and unlocks a manager locked by autolock after `systemctl restart docker`.'),
  sub('swarm unlock-key', 'docker swarm unlock-key [-q] [--rotate]', 'prints (or rotates) the key that unlocks managers of an autolocked swarm.'),
  sub('node ls', 'docker node ls', 'lists the swarm\'s nodes (managers only): STATUS Ready/Down, AVAILABILITY, MANAGER STATUS Leader/Reachable/Unreachable; `*` marks this node.'),
  sub('node inspect', 'docker node inspect [--pretty] self|NODE', 'shows a node: role, availability, address, Raft status.'),
  sub('node update', 'docker node update [--availability active|pause|drain] [--label-add K=V] [--role manager|worker] NODE', 'drain moves the node\'s tasks elsewhere; pause keeps them but schedules nothing new; labels feed --constraint node.labels.K==V.'),
  sub('node promote', 'docker node promote NODE', 'makes a worker a manager (a Raft member).'),
  sub('node demote', 'docker node demote NODE', 'makes a manager a worker (refused for the last manager or when it would lose the quorum).'),
  sub('node rm', 'docker node rm [--force] NODE', 'removes a node that is down (or, with --force, a worker that is up); managers must be demoted first.'),
  sub('node ps', 'docker node ps [NODE]', 'lists the tasks on a node (default: this one).'),
  sub('service create', 'docker service create [--name N] [--replicas N | --mode global] [-p PUB:TARGET] [--network NET] [--constraint EXPR] [-e K=V] IMAGE [CMD]', 'creates a service: the scheduler spreads its tasks over eligible nodes, each a container `NAME.SLOT.TASKID` on its node; published ports go through the ingress routing mesh and the service gets a virtual IP on each of its overlay networks. The CLI waits for the tasks and 5 seconds of stability (`verify: Service converged`) unless -d.', [
    flagDoc('--replicas N', 'how many tasks (replicated mode).'),
    flagDoc('--mode global', 'one task on every eligible node.'),
    flagDoc('-p, --publish PUB:TARGET', 'publishes TARGET on port PUB of every node (routing mesh).'),
    flagDoc('--constraint EXPR', 'node.role==manager, node.hostname!=node2, node.labels.K==V.'),
    flagDoc('--secret NAME', 'a secret for the tasks (kept in the spec; checked by the secrets engine when present).'),
    flagDoc('--config NAME', 'a config for the tasks (kept in the spec; checked by the configs engine when present).'),
    flagDoc('--network NET', 'joins the tasks to an overlay network: each task gets an address there (eth0 in its container, docker_gwbridge becomes eth1), reaches tasks on other nodes through VXLAN (VNI 4096+, UDP 4789 between the nodes\' LAN addresses), and resolves services by name through the embedded DNS 127.0.0.11 (`NAME` gives the VIP, balanced round robin by IPVS; `tasks.NAME` every task).'),
    flagDoc('--endpoint-mode vip|dnsrr', 'vip (default): the service gets a virtual IP balanced by IPVS; dnsrr: no VIP, its name resolves to the tasks\' addresses in rotating order (refused together with ports published through the ingress mesh).'),
    flagDoc('-d, --detach', 'returns at once without the progress display.'),
  ]),
  sub('service ls', 'docker service ls', 'lists services with REPLICAS running/desired and published ports.'),
  sub('service ps', 'docker service ps SERVICE', 'lists the service\'s tasks: node, desired and current state (`Running 5 seconds ago`); replaced tasks show as ` \\_ web.1`.'),
  sub('service inspect', 'docker service inspect [--pretty] SERVICE', 'shows the service spec, its VIPs and update status.'),
  sub('service logs', 'docker service logs SERVICE', 'prints every task\'s container log, prefixed with task and node.'),
  sub('service scale', 'docker service scale SERVICE=N', 'changes the number of replicas. Docker has no `service stop` / `service start` (the seeds name them): `docker service scale web=0` stops all tasks and `docker service scale web=3` starts them again; typing `docker service stop` prints Docker\'s own "is not a docker command" error.'),
  sub('service stop', 'docker service scale SERVICE=0', 'not a Docker command (the seeds name it): Docker prints "\'service stop\' is not a docker command" and changes nothing. To stop a service\'s tasks, scale it to 0: `docker service scale web=0`.'),
  sub('service start', 'docker service scale SERVICE=N', 'not a Docker command (the seeds name it): Docker prints "\'service start\' is not a docker command". To start the tasks again, scale back up: `docker service scale web=3`.'),
  sub('service update', 'docker service update [--image IMG] [--replicas N] [--update-parallelism N] [--update-delay D] [--force] SERVICE', 'a rolling update: tasks are replaced N at a time, D apart, on the simulated clock.'),
  sub('service rollback', 'docker service rollback SERVICE', 'goes back to the previous spec with another rolling update.'),
  sub('service rm', 'docker service rm SERVICE', 'removes the service and its tasks\' containers.'),
  sub('stack deploy', 'docker stack deploy -c compose.yaml STACK', 'deploys a compose file to the swarm: an overlay network STACK_default (and STACK_NAME for each network), a service STACK_SERVICE per service (deploy.replicas, ports through the routing mesh); deploying again updates the services.'),
  sub('stack ls', 'docker stack ls', 'lists stacks and how many services each has.'),
  sub('stack services', 'docker stack services STACK', 'lists the stack\'s services (as `docker service ls`).'),
  sub('stack ps', 'docker stack ps STACK', 'lists the tasks of the stack\'s services.'),
  sub('stack rm', 'docker stack rm STACK', 'removes the stack\'s services, then its networks.'),
];

export const SSH_DOC = doc({
  name: 'ssh',
  summary: 'open a shell on another host of the world (Vethlab simulation of ssh)',
  kernel: 'Not a network connection: Vethlab switches the shell to the other host\'s kernel, files and Docker daemon. No keys, no password, no sshd. In lab notebooks a cell runs on the host the shell is on.',
  usage: 'ssh [USER@]HOST [COMMAND…]',
  subcommands: [
    { name: 'HOST', usage: 'ssh node2', words: 'a login shell on node2 (the prompt becomes root@node2) until `exit`, which prints `logout` and `Connection to node2 closed.`' },
    { name: 'HOST COMMAND', usage: 'ssh node2 docker swarm join --token T 192.168.1.11:2377', words: 'runs one command line on node2 and returns its status; an unknown host is ssh\'s "Could not resolve hostname" with status 255.' },
  ],
});

export const SYSTEMCTL_DOC = doc({
  name: 'systemctl',
  summary: 'control and inspect the docker.service and docker.socket units (the only units the simulated hosts have)',
  kernel: 'Stops or starts dockerd on this host. Stopping it stops every container (SIGTERM, SIGKILL after 10 s) unless /etc/docker/daemon.json has "live-restore": true; starting it re-reads daemon.json (live-restore, bip, default-address-pools, log-driver), re-creates the default bridge and restarts containers by their restart policy. docker.socket keeps listening on /run/docker.sock after `systemctl stop docker`: the next docker command starts dockerd again (socket activation). An autolocked swarm manager comes back locked.',
  usage: 'systemctl start|stop|restart|is-active|is-enabled|status [-n N] docker [docker.socket]',
  subcommands: [
    { name: 'status', usage: 'systemctl status docker', words: "shows the unit as systemd 252 does: Loaded, Active (since when), TriggeredBy docker.socket, Main PID, Tasks, Memory, CPU, the CGroup's processes and the last 10 journal lines of dockerd and systemd (-n N for more or fewer). Status 3 when the unit is not active." },
    { name: 'restart', usage: 'systemctl restart docker', words: 'stops and starts the Docker daemon (an invalid daemon.json leaves it failed; autolock locks a swarm manager).' },
    { name: 'stop', usage: 'systemctl stop docker [docker.socket]', words: 'stops dockerd: without live-restore its containers stop too. While docker.socket listens, systemctl warns and the next docker command starts dockerd again; stop docker.socket too to cut clients off.' },
    { name: 'start', usage: 'systemctl start docker', words: 'starts dockerd (and docker.socket, which it requires) with /etc/docker/daemon.json.' },
    { name: 'is-active', usage: 'systemctl is-active docker', words: 'prints active while the daemon runs, inactive or failed (status 3) otherwise.' },
    { name: 'is-enabled', usage: 'systemctl is-enabled docker', words: 'prints enabled: both units start at boot.' },
  ],
});
