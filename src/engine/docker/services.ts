/** What an image's main process does: the ports it listens on, its start-up log, how it answers signals. */
import { hms, MONTHS, two, utcParts } from '../../common/clock';
import type { Container, Image } from './types';
import { nginxWorkers } from './procs-workers';

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** TCP ports the main process listens on while running. */
export function listeningPorts(image: Image): number[] {
  switch (image.service) {
    case 'nginx':
    case 'httpd':
      return [80];
    case 'redis':
      return [6379];
    case 'postgres':
      return [5432];
    case 'registry':
      return [5000];
    default:
      return [];
  }
}

/** Whether the process runs the image's default command (not `docker run IMAGE sh`). */
export function runsDefault(c: Container, image: Image): boolean {
  const cmd = [...(image.entrypoint ?? []), ...image.cmd];
  return [c.path, ...c.args].join(' ') === cmd.join(' ');
}

/** nginx's error log time: 2026/01/15 09:30:05 */
export function nginxTime(ms: number): string {
  const p = utcParts(ms);
  return `${p.year}/${two(p.month + 1)}/${two(p.day)} ${hms(p)}`;
}

/** nginx's combined log time: 15/Jan/2026:09:30:05 +0000 */
export function clfTime(ms: number): string {
  const p = utcParts(ms);
  return `${two(p.day)}/${MONTHS[p.month]}/${p.year}:${hms(p)} +0000`;
}

/** What the default process writes when it starts. */
export function startupLog(image: Image, c: Container, epochMs: number): LogLine[] {
  const o = (text: string): LogLine => ({ stream: 'stdout', text });
  const e = (text: string): LogLine => ({ stream: 'stderr', text });
  if (image.service === 'nginx') {
    const t = nginxTime(epochMs);
    return [
      o('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration'),
      o('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/'),
      o('/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh'),
      o('10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf'),
      o('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf'),
      o('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh'),
      o('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh'),
      o('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh'),
      o('/docker-entrypoint.sh: Configuration complete; ready for start up'),
      e(`${t} [notice] 1#1: using the "epoll" event method`),
      e(`${t} [notice] 1#1: nginx/1.27.3`),
      e(`${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `),
      e(`${t} [notice] 1#1: OS: Linux 6.18.0`),
      e(`${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`),
      e(`${t} [notice] 1#1: start worker processes`),
      ...nginxWorkers(c).map((w) => e(`${t} [notice] 1#1: start worker process ${w.ns}`)),
    ];
  }
  if (image.service === 'redis') {
    return [o(`1:C ${redisTime(epochMs)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`), o(`1:M ${redisTime(epochMs)} * Ready to accept connections tcp`)];
  }
  if (image.service === 'postgres' && !c.env.some((v) => v.startsWith('POSTGRES_PASSWORD=') || v === 'POSTGRES_HOST_AUTH_METHOD=trust')) {
    return [
      e('Error: Database is uninitialized and superuser password is not specified.'),
      e('       You must specify POSTGRES_PASSWORD to a non-empty value for the'),
      e('       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'),
      e(''),
      e('       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all'),
      e('       connections without a password. This is *not* recommended.'),
      e(''),
      e('       See PostgreSQL documentation about "trust":'),
      e('       https://www.postgresql.org/docs/current/auth-trust.html'),
    ];
  }
  if (image.service === 'httpd') {
    return [
      e(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${'$IP'}. Set the 'ServerName' directive globally to suppress this message`),
      e(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${'$IP'}. Set the 'ServerName' directive globally to suppress this message`),
    ];
  }
  return [];
}

function redisTime(ms: number): string {
  const p = utcParts(ms);
  return `${two(p.day)} ${MONTHS[p.month]} ${p.year} ${hms(p)}.000`;
}

/** The page nginx serves at / (615 bytes). */
export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';
