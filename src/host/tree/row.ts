/** One row of the sidebar explorer, as plain data (tree-model.ts builds them, explorer.ts draws them). */
export type RowKind =
  | 'host'
  | 'netns'
  | 'interface'
  | 'routes'
  | 'route'
  | 'neighbours'
  | 'neighbour'
  | 'docker'
  | 'containers'
  | 'container'
  | 'networks'
  | 'network'
  | 'volumes'
  | 'volume'
  | 'images'
  | 'image';

export interface Row {
  /** Unique in the tree; for objects the topology knows, their view id. */
  id: string;
  kind: RowKind;
  label: string;
  description: string;
  /** The topology view id to reveal ("Show in Topology"), if the row is an object there. */
  viewId?: string;
  /** First address, for "Copy Address". */
  address?: string;
  /** `ip addr` for this object, to run in the world's terminal. */
  command?: string;
  /** `docker inspect …` for a Docker object, to run in the world's terminal. */
  inspect?: string;
  /** For icons: up, down, no-carrier, unknown; a container's state (running, exited, paused, created, restarting). */
  state?: string;
  expandable: boolean;
}
