/** `docker`: the client of the simulated daemon. */
import { doc, subcommandDoc } from './types';
import { SWARM_SUBCOMMANDS } from './docker-swarm';
import { DOCKER_STORAGE_SUBCOMMANDS } from './docker-storage';
import { DOCKER_FLAGS } from './docker-flags';
import { DOCKER_COMPOSE_SUBCOMMANDS } from './docker-compose';
import { DOCKER_EXTENSION_SUBCOMMANDS } from './docker-extensions';
import { DOCKER_DAEMON_SUBCOMMANDS, DOCKER_GLOBAL_FLAGS } from './docker-daemon';

const sub = (name: string, usage: string, words: string) => subcommandDoc(name, usage, words, DOCKER_FLAGS[name]);

export const DOCKER_DOC = doc({
  name: 'docker',
  summary: 'run containers and manage images and networks (Docker client)',
  kernel: 'Asks the Docker daemon, which does the kernel work: a container gets its own network namespace, a veth pair with one end in the container (eth0) and the other on a bridge (docker0 or a user network’s br-…), an address from the network’s subnet, and iptables NAT rules for published ports.',
  usage: 'docker [-H ENDPOINT] [--tlsverify] [--context NAME] COMMAND [OPTIONS]',
  flags: DOCKER_GLOBAL_FLAGS,
  subcommands: [
    sub('run', 'docker run [-d] [--name NAME] [-p HOST:CONTAINER] [--network NET] IMAGE [COMMAND]', 'creates and starts a container: a namespace, a veth to the bridge, an address, and DNAT rules in the DOCKER chain for each -p.'),
    sub('create', 'docker create [OPTIONS] IMAGE', 'creates a container without starting it (no network namespace wiring until start).'),
    sub('start', 'docker start CONTAINER', 'starts a container: its namespace and veth are set up.'),
    sub('stop', 'docker stop CONTAINER', 'stops a container: its veth and address go away.'),
    sub('restart', 'docker restart CONTAINER', 'stops and starts a container.'),
    sub('kill', 'docker kill CONTAINER', 'kills the container’s process.'),
    sub('rm', 'docker rm [-f] CONTAINER', 'removes a container (with -f even while running).'),
    sub('ps', 'docker ps [-a] [-q]', 'lists containers.'),
    sub('logs', 'docker logs CONTAINER', 'prints a container’s output.'),
    sub('exec', 'docker exec [-it] CONTAINER COMMAND', 'runs a command inside the container’s namespaces (try `ip addr`).'),
    sub('inspect', 'docker inspect OBJECT', 'prints an object’s details as JSON (addresses, gateway, ports).'),
    sub('port', 'docker port CONTAINER', 'lists published ports.'),
    sub('rename', 'docker rename OLD NEW', 'renames a container.'),
    sub('wait', 'docker wait CONTAINER', 'waits for a container to stop and prints its exit code.'),
    sub('pull', 'docker pull IMAGE', 'fetches an image (from the offline catalog).'),
    sub('images', 'docker images', 'lists images.'),
    sub('rmi', 'docker rmi IMAGE', 'removes an image.'),
    sub('network', 'docker network ls|create|rm|inspect|connect|disconnect', 'manages networks: `create` makes a bridge (br-…) with its own subnet and iptables rules; `connect` adds a veth from a container to it.'),
    sub('network create', 'docker network create [-d DRIVER] [--subnet CIDR] [--gateway IP] [--internal] NAME', 'creates a network: for the bridge driver a Linux bridge br-<id> with the gateway address, a MASQUERADE rule for its subnet and isolation rules against the other bridges.'),
    sub('network ls', 'docker network ls [-q] [--format T] [-f FILTER]', 'lists networks (bridge, host and none always exist).'),
    sub('network rm', 'docker network rm NETWORK...', 'deletes networks without containers: the bridge and its iptables rules go away.'),
    sub('network prune', 'docker network prune [-f]', 'deletes every user-defined network no running container is attached to (asks first unless -f), with their bridges and rules.'),
    sub('network inspect', 'docker network inspect [-f T] NETWORK...', 'prints a network as JSON: subnet, gateway, containers with their addresses.'),
    sub('network connect', 'docker network connect [--ip IP] [--alias NAME] NETWORK CONTAINER', 'gives a container one more interface (eth1, …): a veth from its namespace to the network’s bridge and an address. On a swarm node NETWORK may be an overlay created with --attachable (the interface joins the overlay’s sandbox; VXLAN to the other nodes).'),
    sub('network disconnect', 'docker network disconnect [-f] NETWORK CONTAINER', 'removes that interface from the container.'),
    sub('version', 'docker version', 'prints client and daemon versions.'),
    sub('pause', 'docker pause CONTAINER', 'freezes every process of the container (cgroup freezer); its network stays wired but nothing answers.'),
    sub('unpause', 'docker unpause CONTAINER', 'lets a paused container run again.'),
    sub('tag', 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', 'gives an image another name; both names point to the same image id.'),
    ...SWARM_SUBCOMMANDS,
    ...DOCKER_COMPOSE_SUBCOMMANDS,
    ...DOCKER_EXTENSION_SUBCOMMANDS,
    ...DOCKER_STORAGE_SUBCOMMANDS,
    ...DOCKER_DAEMON_SUBCOMMANDS,
  ],
});
