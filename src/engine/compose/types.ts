/** A Compose project as Compose v2 (compose-go) loads it: plain data, no I/O. */

/** Where in the file a value came from (1-based), for error messages and editors. */
export interface SourcePos {
  line: number;
  col: number;
}

/** A load error: `message` is what `docker compose` prints (without its "validating FILE: " prefix when `validating` is false). */
export interface ComposeError {
  kind: 'yaml' | 'schema' | 'project';
  message: string;
  line: number;
  col: number;
}

export interface ComposePort {
  /** Container port. */
  target: number;
  /** Host port as text ("8080", "" when the daemon picks one). */
  published: string;
  hostIp: string;
  protocol: 'tcp' | 'udp';
  mode: 'ingress' | 'host';
}

export interface ComposeMount {
  type: 'volume' | 'bind';
  /** Volume key (as written in the file) or host path (bind, resolved against the project folder); '' for an anonymous volume. */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface ServiceNetwork {
  name: string;
  aliases: string[];
}

export interface FileReference {
  /** The top-level secret/config key. */
  source: string;
  /** Path inside the container: /run/secrets/NAME for secrets, /NAME for configs unless given. */
  target: string;
}

export interface ComposeService {
  name: string;
  image?: string;
  build?: { context: string; dockerfile: string };
  containerName?: string;
  hostname?: string;
  command?: string[];
  entrypoint?: string[];
  /** KEY=VALUE in file order; a key without value takes the shell's variable. */
  environment: Array<[string, string | null]>;
  ports: ComposePort[];
  expose: string[];
  networks: ServiceNetwork[];
  /** The service uses `network_mode` instead of networks ("host", "none", "service:x"). */
  networkMode?: string;
  volumes: ComposeMount[];
  dependsOn: string[];
  restart: string;
  replicas: number;
  secrets: FileReference[];
  configs: FileReference[];
  pos: SourcePos;
}

export interface ComposeNetwork {
  /** Key in the file ("default", "front"). */
  key: string;
  /** Docker network name: project_key unless `name:` or external. */
  name: string;
  driver: string;
  external: boolean;
  attachable: boolean;
  internal: boolean;
}

export interface ComposeVolume {
  key: string;
  name: string;
  driver: string;
  external: boolean;
}

export interface ComposeFileObject {
  key: string;
  name: string;
  /** Path of the file holding the data (resolved against the project folder). */
  file?: string;
  /** `environment:` variable name holding the data. */
  environment?: string;
  /** Inline `content:` (configs). */
  content?: string;
  external: boolean;
}

export interface ComposeProject {
  name: string;
  /** Folder the project's relative paths are resolved against. */
  workingDir: string;
  /** Compose files, absolute paths. */
  files: string[];
  /** In file order. */
  services: ComposeService[];
  networks: ComposeNetwork[];
  volumes: ComposeVolume[];
  secrets: ComposeFileObject[];
  configs: ComposeFileObject[];
  /** What compose prints on stderr while loading (`WARN[0000] ...`). */
  warnings: string[];
}
