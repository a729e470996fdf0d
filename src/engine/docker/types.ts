/** The Docker daemon's state as plain data, kept inside the world state (so snapshots rewind it). */

export interface Image {
  repo: string;
  tag: string;
  /** sha256 hex, 64 characters. */
  id: string;
  digest: string;
  /** Bytes, as the API reports them (decimal units in `docker images`). */
  size: number;
  /** ISO 8601 creation time of the image. */
  created: string;
  cmd: string[];
  entrypoint: string[] | null;
  env: string[];
  exposed: string[];
  workdir: string;
  /** Layer ids (12 hex characters, as `docker pull` prints them). */
  layers: string[];
  /** Programs the image ships (in-container commands that exist). */
  programs: string[];
  /** What the default process does: serve on ports, run a shell, exit. */
  service: ServiceKind;
}

export type ServiceKind = 'nginx' | 'httpd' | 'redis' | 'postgres' | 'registry' | 'shell';

export type ContainerState = 'created' | 'running' | 'paused' | 'exited';

export interface PortBinding {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  proto: 'tcp' | 'udp';
  /** Picked by the daemon from 32768-60999 (-P, -p 80). */
  ephemeral?: boolean;
}

export interface Endpoint {
  networkId: string;
  ip: number;
  mac: string;
  aliases: string[];
  /** Host end of the veth pair (a port of the network's bridge). */
  vethHost: string;
}

export interface Container {
  id: string;
  name: string;
  /** The image as the user named it ("nginx", "ubuntu:14.04"). */
  image: string;
  imageId: string;
  path: string;
  args: string[];
  created: number;
  state: ContainerState;
  startedAt: number | null;
  finishedAt: number | null;
  exitCode: number;
  /** Simulated time at which the main process ends by itself (sleep 30, a shell without -i). */
  exitsAt: number | null;
  exitCodeAtEnd: number;
  hostname: string;
  env: string[];
  tty: boolean;
  interactive: boolean;
  autoRemove: boolean;
  restart: string;
  restartCount: number;
  /** Network mode as given: "bridge", "host", "none" or a network name. */
  networkMode: string;
  ports: PortBinding[];
  exposed: string[];
  endpoints: Endpoint[];
  links: string[];
  nsId: number | null;
  logs: string[];
  /** Programs installed with apt-get after creation. */
  installed: string[];
  aptUpdated: boolean;
  pid: number;
  /** Stopped by the user: restart policies other than `always` leave it alone. */
  restartSuppressed?: boolean;
  /** Files the container's processes wrote. */
  files?: Record<string, string>;
}

export interface DockerNetwork {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  /** 0 for host/none. */
  subnet: number;
  prefixLen: number;
  gateway: number;
  bridge: string;
  created: number;
  internal: boolean;
  /** The default bridge ("bridge") has no embedded DNS and supports --link. */
  isDefault: boolean;
  nextHost: number;
}

export interface DaemonState {
  hostId: number;
  images: Image[];
  containers: Container[];
  networks: DockerNetwork[];
  nextPid: number;
}
