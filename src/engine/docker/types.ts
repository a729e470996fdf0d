/** The Docker daemon's state as plain data, kept inside the world state (so snapshots rewind it). */
import type { HealthConfig } from './health';
import type { CgroupLimits } from './cgroups';
import type { DaemonConfig } from './daemon-config';

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
  /** Bytes each layer adds (same order as `layers`); absent for catalog images (see layers.ts). */
  layerSizes?: number[];
  /** `docker history`, oldest first; absent for catalog images (see layers.ts). */
  history?: HistoryEntry[];
  /** Files the image's own layers add (built, committed, imported): path -> content. */
  files?: Record<string, string>;
  user?: string;
  labels?: Record<string, string>;
  /** The image this one was built or committed from (sha256 hex). */
  parent?: string;
  /** How the image came to be, for `docker image inspect` Comment and the build cache. */
  comment?: string;
  /** Paths its layers deleted from the layers below (overlay whiteouts: a committed container's docker diff D). */
  whiteouts?: string[];
  /** Directories its layers made that hold no file (a committed container's mkdir, or what its rm emptied). */
  dirs?: string[];
}

export interface HistoryEntry {
  /** ISO 8601. */
  created: string;
  createdBy: string;
  size: number;
  comment: string;
  /** A metadata step (ENV, CMD, ...): no layer, `<missing>` rules apply as docker history prints them. */
  empty: boolean;
}

export interface Volume {
  name: string;
  /** 'local', or the volume plugin's name (vieux/sshfs:latest). */
  driver: string;
  created: number;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** Files written in the volume: path inside the volume ("/f") -> content. */
  files: Record<string, string>;
}

/** A mount as the daemon stores it (`-v`, `--mount`). Source is a volume name or a host path. */
export interface Mount {
  type: 'volume' | 'bind';
  source: string;
  target: string;
  readOnly: boolean;
  /** The mode as the API reports it: -v gives "z" (volumes), "ro", "rw"...; --mount gives "". */
  mode: string;
  /** The -v text, for HostConfig.Binds (absent for --mount). */
  bind?: string;
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
  /** The address asked with --ip (IPAMConfig.IPv4Address), kept across restarts. */
  requestedIp?: string;
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
  /** --health-cmd and friends (health.ts derives the state from the clock). */
  health?: HealthConfig;
  /** When each line of `logs` was written (clock ms), by index; a hole where the writer did not say. */
  logTimes?: Array<number | null>;
  /** Programs installed with apt-get after creation. */
  installed: string[];
  aptUpdated: boolean;
  pid: number;
  /** Stopped by the user: restart policies other than `always` leave it alone. */
  restartSuppressed?: boolean;
  /** Files the container's processes wrote. */
  files?: Record<string, string>;
  /** Volumes and bind mounts, in the order given. */
  mounts?: Mount[];
  /** --label KEY=VALUE. */
  labels?: Record<string, string>;
  /** --memory, --memory-swap, --cpus, --cpu-shares (cgroups.ts). */
  limits?: CgroupLimits;
  /** --init: docker-init (tini) is PID 1 and forwards signals to the command. */
  init?: boolean;
  /** The kernel's OOM killer ended the main process (State.OOMKilled). */
  oomKilled?: boolean;
  /** The runtime could not start the command (State.Error; the container stays "created"). */
  startError?: string;
  /** The main process will be OOM-killed at exitsAt. */
  oomPending?: boolean;
  /** A restart policy starts it again at this simulated time (State.Restarting until then). */
  restartAt?: number;
  /** dockerd's shutdown ended it (restart policies decide at the next start). */
  stoppedByShutdown?: boolean;
  /** The logging driver when it was created (daemon.json log-driver). */
  logDriver?: string;
  /** -w, --workdir: the main process's working directory (else the image's WORKDIR). */
  workdir?: string;
  /** Host PIDs of its processes stopped by SIGSTOP (ps STAT T) until SIGCONT. */
  stoppedPids?: number[];
  /** Files of the image its processes deleted (docker diff D; whiteouts in the layer). */
  deleted?: string[];
  /** Directories made in its layer (mkdir). */
  layerDirs?: string[];
  /** Its main process is a shell loop (procs-loop.ts): the command, when round 0 began, lines written so far. */
  loop?: { argv: string[]; origin: number; written: number; frozenAt?: number };
  /** nginx's workers after the master respawned one (procs-workers.ts), for the run whose main PID is `pid`. */
  nginxWorkers?: { pid: number; lastNs: number; workers: Array<{ ns: number; host: number }> };
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
  /** Made with --subnet: only then does it accept --ip. */
  userSubnet?: boolean;
  /** Made with --gateway (inspect shows a user IPAM config's gateway only then). */
  userGateway?: boolean;
  /** --ip-range: where addresses are allocated from (a static --ip may be anywhere in the subnet). */
  ipRange?: { addr: number; len: number };
}

export interface DaemonState {
  hostId: number;
  /** systemctl stop docker: the API is unreachable until it starts again. */
  stopped?: boolean;
  /** Why dockerd refused to start (what it logged), after a failed systemctl start/restart. */
  lastStartError?: string;
  /** /etc/docker/daemon.json as read at the last start. */
  config?: DaemonConfig;
  /** The docker client's contexts on this host (~/.docker/contexts), and the one in use. */
  contexts?: Array<{ name: string; description: string; host: string }>;
  currentContext?: string;
  images: Image[];
  containers: Container[];
  networks: DockerNetwork[];
  nextPid: number;
  volumes?: Volume[];
  /** A `registry:2` or other registry the images were pushed to: "host:port/repo:tag" -> image id. */
  registry?: Record<string, string>;
  /** BuildKit's cache: a step's key (its parent's key, the instruction, the files it reads) -> the image after it. */
  buildCache?: Record<string, Image>;
  /** What BuildKit's file sync already sent of each context file ("dir:path" -> sha256 of the content). */
  buildContext?: Record<string, string>;
}
