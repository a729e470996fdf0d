/**
 * The offline image catalog `docker pull` draws from. Ids, digests and layer ids are fixed
 * constants derived from the image's name (no Rng), so every world pulls the same images.
 */
import type { Image, ServiceKind } from './types';

const DEBIAN_TOOLS = ['bash', 'sh', 'cat', 'echo', 'ls', 'hostname', 'sleep', 'true', 'false', 'grep', 'head', 'tail', 'wc', 'sort', 'cut', 'env', 'getent', 'apt-get', 'apt', 'ps'];
const BUSYBOX_TOOLS = ['sh', 'ash', 'cat', 'echo', 'ls', 'hostname', 'sleep', 'true', 'false', 'grep', 'head', 'tail', 'wc', 'sort', 'cut', 'env', 'ping', 'wget', 'nslookup', 'ip', 'ifconfig', 'route', 'arp', 'netstat', 'ps', 'awk'];

interface CatalogEntry {
  repo: string;
  tags: string[];
  size: number;
  created: string;
  cmd: string[];
  entrypoint: string[] | null;
  exposed: string[];
  env: string[];
  workdir?: string;
  layerCount: number;
  programs: string[];
  service: ServiceKind;
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const ENTRIES: CatalogEntry[] = [
  { repo: 'nginx', tags: ['latest', '1.27', '1.27.3', 'stable'], size: 191_997_332, created: '2025-11-19T21:42:41Z', entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], exposed: ['80/tcp'], env: [PATH_ENV, 'NGINX_VERSION=1.27.3'], layerCount: 7, programs: [...DEBIAN_TOOLS, 'curl', 'nginx'], service: 'nginx' },
  { repo: 'nginx', tags: ['alpine'], size: 47_983_234, created: '2025-11-19T21:40:02Z', entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], exposed: ['80/tcp'], env: [PATH_ENV, 'NGINX_VERSION=1.27.3'], layerCount: 8, programs: [...BUSYBOX_TOOLS, 'curl', 'nginx', 'getent', 'apk'], service: 'nginx' },
  { repo: 'httpd', tags: ['latest', '2.4'], size: 147_934_531, created: '2025-11-12T17:05:20Z', entrypoint: null, cmd: ['httpd-foreground'], exposed: ['80/tcp'], env: [PATH_ENV.replace('PATH=', 'PATH=/usr/local/apache2/bin:'), 'HTTPD_PREFIX=/usr/local/apache2'], workdir: '/usr/local/apache2', layerCount: 6, programs: [...DEBIAN_TOOLS, 'httpd'], service: 'httpd' },
  { repo: 'redis', tags: ['latest', '7', '7.4'], size: 117_201_664, created: '2025-11-04T04:22:49Z', entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], exposed: ['6379/tcp'], env: [PATH_ENV, 'REDIS_VERSION=7.4.1'], workdir: '/data', layerCount: 8, programs: [...DEBIAN_TOOLS, 'redis-server', 'redis-cli'], service: 'redis' },
  { repo: 'postgres', tags: ['latest', '17'], size: 437_620_312, created: '2025-11-21T19:30:14Z', entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], exposed: ['5432/tcp'], env: [PATH_ENV.replace('PATH=', 'PATH=/usr/lib/postgresql/17/bin:'), 'PGDATA=/var/lib/postgresql/data'], layerCount: 14, programs: [...DEBIAN_TOOLS, 'psql', 'postgres'], service: 'postgres' },
  { repo: 'ubuntu', tags: ['latest', '24.04', 'noble'], size: 78_118_845, created: '2025-10-17T15:24:07Z', entrypoint: null, cmd: ['/bin/bash'], exposed: [], env: [PATH_ENV], layerCount: 1, programs: DEBIAN_TOOLS, service: 'shell' },
  { repo: 'ubuntu', tags: ['22.04', 'jammy'], size: 77_863_193, created: '2025-10-13T14:47:33Z', entrypoint: null, cmd: ['/bin/bash'], exposed: [], env: [PATH_ENV], layerCount: 1, programs: DEBIAN_TOOLS, service: 'shell' },
  { repo: 'ubuntu', tags: ['20.04', 'focal'], size: 72_810_423, created: '2025-04-08T10:42:57Z', entrypoint: null, cmd: ['/bin/bash'], exposed: [], env: [PATH_ENV], layerCount: 1, programs: DEBIAN_TOOLS, service: 'shell' },
  { repo: 'ubuntu', tags: ['18.04', 'bionic'], size: 63_146_040, created: '2023-05-30T09:32:09Z', entrypoint: null, cmd: ['/bin/bash'], exposed: [], env: [PATH_ENV], layerCount: 1, programs: DEBIAN_TOOLS, service: 'shell' },
  { repo: 'ubuntu', tags: ['14.04', 'trusty'], size: 196_947_524, created: '2019-03-07T22:19:53Z', entrypoint: null, cmd: ['/bin/bash'], exposed: [], env: [PATH_ENV], layerCount: 4, programs: [...DEBIAN_TOOLS, 'ping', 'ip', 'ifconfig', 'route', 'netstat', 'arp'], service: 'shell' },
  { repo: 'debian', tags: ['latest', '12', 'bookworm'], size: 116_538_112, created: '2025-11-17T00:00:00Z', entrypoint: null, cmd: ['bash'], exposed: [], env: [PATH_ENV], layerCount: 1, programs: DEBIAN_TOOLS, service: 'shell' },
  { repo: 'alpine', tags: ['latest', '3.20', '3'], size: 7_797_760, created: '2025-09-06T22:20:07Z', entrypoint: null, cmd: ['/bin/sh'], exposed: [], env: [PATH_ENV], layerCount: 1, programs: [...BUSYBOX_TOOLS, 'getent', 'apk'], service: 'shell' },
  { repo: 'busybox', tags: ['latest', '1.37', 'stable'], size: 4_261_502, created: '2024-09-26T21:31:42Z', entrypoint: null, cmd: ['sh'], exposed: [], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], layerCount: 1, programs: BUSYBOX_TOOLS, service: 'shell' },
  { repo: 'registry', tags: ['2', 'latest', '2.8'], size: 25_429_564, created: '2025-10-01T19:06:27Z', entrypoint: ['/entrypoint.sh'], cmd: ['/etc/docker/registry/config.yml'], exposed: ['5000/tcp'], env: [PATH_ENV], layerCount: 5, programs: [...BUSYBOX_TOOLS, 'registry'], service: 'registry' },
];

/** A stable 64-hex string from a seed text (FNV-1a rounds; no randomness). */
export function stableHex(seed: string, length = 64): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${seed}#${round}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

function imageOf(entry: CatalogEntry, tag: string): Image {
  const key = `${entry.repo}:${entry.tags[0]}`;
  return {
    repo: entry.repo,
    tag,
    id: stableHex(`image ${key}`),
    digest: 'sha256:' + stableHex(`digest ${key}`),
    size: entry.size,
    created: entry.created,
    cmd: entry.cmd,
    entrypoint: entry.entrypoint,
    env: entry.env,
    exposed: entry.exposed,
    workdir: entry.workdir ?? '',
    layers: Array.from({ length: entry.layerCount }, (_, i) => stableHex(`layer ${key} ${i}`, 12)),
    programs: entry.programs,
    service: entry.service,
  };
}

export interface ImageRef {
  repo: string;
  tag: string;
  /** True when the user gave no tag (`Using default tag: latest`). */
  defaulted: boolean;
}

/** "nginx", "nginx:1.27", "library/nginx", "docker.io/library/nginx:latest". */
export function parseImageRef(text: string): ImageRef | null {
  let rest = text.replace(/^docker\.io\//, '').replace(/^library\//, '');
  // A registry host ("localhost:5000/", "registry.example.com/") keeps its colon out of the tag.
  const domain = /^([a-zA-Z0-9.-]+(?::\d+)?)\/(?=.)/.exec(rest);
  const host = domain && (domain[1]!.includes('.') || domain[1]!.includes(':') || domain[1] === 'localhost') ? domain[1]! + '/' : '';
  rest = rest.slice(host.length);
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const colon = rest.lastIndexOf(':');
  const slash = rest.lastIndexOf('/');
  const hasTag = colon > slash;
  const repo = hasTag ? rest.slice(0, colon) : rest;
  const tag = hasTag ? rest.slice(colon + 1) : 'latest';
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repo)) return null;
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) return null;
  return { repo: host + repo, tag, defaulted: !hasTag };
}

export type CatalogLookup = { kind: 'found'; image: Image } | { kind: 'no-repo' } | { kind: 'no-tag' };

export function findInCatalog(ref: ImageRef): CatalogLookup {
  const entries = ENTRIES.filter((e) => e.repo === ref.repo);
  if (entries.length === 0) return { kind: 'no-repo' };
  const entry = entries.find((e) => e.tags.includes(ref.tag));
  return entry ? { kind: 'found', image: imageOf(entry, ref.tag) } : { kind: 'no-tag' };
}

/** Repositories the catalog knows (for help texts and tests). */
export function catalogRepos(): string[] {
  return [...new Set(ENTRIES.map((e) => e.repo))];
}
