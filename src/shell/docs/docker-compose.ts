/** `docker compose` (Compose v2.32) and the other multi-container tools' entries of the docker doc. */
import type { FlagDoc, SubcommandDoc } from './types';

const f = (flag: string, words: string): FlagDoc => ({ flag, words });
const GLOBAL: FlagDoc[] = [f('-f FILE', 'the compose file (default: compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml in this folder or a parent).'), f('-p NAME', 'the project name (default: `name:` in the file, else the folder’s name); it prefixes every network, volume and container.')];

export const DOCKER_COMPOSE_SUBCOMMANDS: SubcommandDoc[] = [
  { name: 'compose up', usage: 'docker compose [-f FILE] [-p NAME] up [-d] [--remove-orphans] [SERVICE...]', words: 'creates the project’s networks (PROJECT_default: a br-… bridge with embedded DNS, so services reach each other by name) and volumes (PROJECT_NAME), then one container per replica named PROJECT-SERVICE-N in depends_on order, and starts them. Without -d it prints the logs so far (a lab cell has no terminal to attach). Progress goes to stderr as compose prints it when stderr is not a terminal.', flags: [...GLOBAL, f('-d, --detach', 'start in the background and return.'), f('--remove-orphans', 'remove containers of services no longer in the file.')] },
  { name: 'compose create', usage: 'docker compose create [SERVICE...]', words: 'like up, without starting: networks, volumes and containers in state Created.' },
  { name: 'compose start', usage: 'docker compose start [SERVICE...]', words: 'starts the project’s existing containers (each gets its namespace and veth again).' },
  { name: 'compose stop', usage: 'docker compose stop', words: 'stops the project’s containers, dependents first; the network and volumes stay.' },
  { name: 'compose restart', usage: 'docker compose restart', words: 'stops and starts each container.' },
  { name: 'compose down', usage: 'docker compose down [-v] [--remove-orphans]', words: 'stops and removes the containers, then the project’s networks (their bridges and iptables rules go away); -v also removes the volumes.', flags: [f('-v, --volumes', 'also remove the project’s named volumes (data is lost).'), f('--remove-orphans', 'also remove containers of services no longer in the file.')] },
  { name: 'compose ps', usage: 'docker compose ps [-a] [-q] [--services]', words: 'lists the project’s containers with their SERVICE; -a includes stopped ones.' },
  { name: 'compose exec', usage: 'docker compose exec [-T] [--index N] SERVICE COMMAND...', words: 'runs a command in the service’s running container (replica 1 unless --index), as docker exec does in its namespaces.' },
  { name: 'compose logs', usage: 'docker compose logs [--tail N] [--no-log-prefix] [SERVICE...]', words: 'prints each container’s output behind a `service-N  | ` prefix.' },
  { name: 'compose ls', usage: 'docker compose ls [-a] [-q]', words: 'lists compose projects on this daemon with their container states and files.' },
  { name: 'compose config', usage: 'docker compose config [-q] [--services] [--volumes]', words: 'validates the file and prints it normalised (ports in long form, the implicit default network, names with the project prefix). YAML and schema errors are reported with compose’s messages.' },
  { name: 'compose version', usage: 'docker compose version [--short]', words: 'prints the Compose version (v2.32.4). There is no `docker-compose` (v1) binary on this host: `bash: docker-compose: command not found`.' },
];
