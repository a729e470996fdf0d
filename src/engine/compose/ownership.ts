/**
 * What Compose created on a daemon, as its labels would say (com.docker.compose.project, .service,
 * .container-number, .project.working_dir, .project.config_files). Plain data in the world state, so
 * snapshots rewind it with the containers.
 */
import type { World } from '../world';
import type { Host, WorldState } from '../net/types';

export interface ComposeContainerLabels {
  project: string;
  service: string;
  number: number;
  /** The service's configuration when the container was created (com.docker.compose.config-hash). */
  hash?: string;
  /** A `docker compose run` container (com.docker.compose.oneoff=True): not a replica of the service. */
  oneoff?: boolean;
}

export interface ComposeProjectRecord {
  name: string;
  workingDir: string;
  configFiles: string[];
  /** Docker names of the networks and volumes compose created for the project. */
  networks: string[];
  volumes: string[];
}

export interface ComposeHostState {
  projects: Record<string, ComposeProjectRecord>;
  /** By container id. */
  containers: Record<string, ComposeContainerLabels>;
}

type ComposeWorldState = WorldState & { compose?: Record<number, ComposeHostState> };

export function composeStateOf(world: World, host: Host): ComposeHostState {
  const state = world.state as ComposeWorldState;
  return ((state.compose ??= {})[host.id] ??= { projects: {}, containers: {} });
}

/** The name of a `docker compose run` container: project-service-run-<12 hex of its slug>. */
export function oneOffName(project: string, service: string, slug: string): string {
  return `${project}-${service}-run-${slug.slice(0, 12)}`;
}

/** The container name compose gives replica N of a service: project-service-N. */
export function containerName(project: string, service: string, n: number): string {
  return `${project}-${service}-${n}`;
}
