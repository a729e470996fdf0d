/**
 * /etc/docker/daemon.json as dockerd reads it when it starts: live-restore, bip,
 * default-address-pools, log-driver (and hosts). Errors are dockerd's startup failures.
 */
import { parseIpv4 } from '../net/ipv4';

export interface AddressPool {
  base: number;
  baseLen: number;
  size: number;
}

export interface DaemonConfig {
  liveRestore: boolean;
  /** docker0's address and prefix, from "bip" ("10.200.0.1/24"). */
  bip?: { address: number; prefixLen: number };
  defaultAddressPools?: AddressPool[];
  logDriver: string;
  /** -H / "hosts": where dockerd listens besides nothing (unix:///var/run/docker.sock is the default). */
  hosts: string[];
}

export const DEFAULT_CONFIG: DaemonConfig = { liveRestore: false, logDriver: 'json-file', hosts: ['unix:///var/run/docker.sock'] };

const LOG_DRIVERS = ['json-file', 'local', 'none', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'etwlogs', 'gcplogs'];
const KNOWN_KEYS = new Set(['live-restore', 'bip', 'default-address-pools', 'log-driver', 'log-opts', 'hosts', 'dns', 'data-root', 'storage-driver', 'debug', 'insecure-registries', 'registry-mirrors', 'iptables', 'ip-forward', 'mtu', 'experimental', 'features', 'exec-opts', 'userland-proxy', 'ipv6', 'fixed-cidr', 'default-ulimits', 'max-concurrent-downloads', 'shutdown-timeout']);

function cidr(text: unknown): { address: number; prefixLen: number } | undefined {
  if (typeof text !== 'string') return undefined;
  const [a, l] = text.split('/');
  const address = parseIpv4(a ?? '');
  const prefixLen = Number(l);
  if (address === null || !/^\d+$/.test(l ?? '') || prefixLen > 32) return undefined;
  return { address, prefixLen };
}

/** Parses daemon.json; the error is what dockerd logs before it exits ("unable to configure the Docker daemon with file …"). */
export function parseDaemonConfig(text: string | undefined): { ok: true; config: DaemonConfig } | { ok: false; error: string } {
  if (text === undefined || text.trim() === '') return { ok: true, config: { ...DEFAULT_CONFIG } };
  const file = '/etc/docker/daemon.json';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `unable to configure the Docker daemon with file ${file}: ${(e as Error).message}` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: `unable to configure the Docker daemon with file ${file}: json: cannot unmarshal into Go value of type map[string]interface {}` };
  const o = raw as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) return { ok: false, error: `the following directives don't match any configuration option: ${unknown.join(', ')}` };
  const config: DaemonConfig = { ...DEFAULT_CONFIG };
  if (o['live-restore'] !== undefined) config.liveRestore = o['live-restore'] === true;
  if (o['log-driver'] !== undefined) {
    if (typeof o['log-driver'] !== 'string' || !LOG_DRIVERS.includes(o['log-driver'])) return { ok: false, error: `failed to initialize logging driver: logger: no log driver named '${String(o['log-driver'])}' is registered` };
    config.logDriver = o['log-driver'];
  }
  if (o['bip'] !== undefined) {
    const bip = cidr(o['bip']);
    if (!bip) return { ok: false, error: `invalid bip address: ${String(o['bip'])}` };
    config.bip = bip;
  }
  if (o['default-address-pools'] !== undefined) {
    const pools = o['default-address-pools'];
    if (!Array.isArray(pools)) return { ok: false, error: `unable to configure the Docker daemon with file ${file}: json: cannot unmarshal into default-address-pools` };
    config.defaultAddressPools = [];
    for (const p of pools) {
      const base = cidr((p as Record<string, unknown>)?.['base']);
      const size = Number((p as Record<string, unknown>)?.['size']);
      if (!base || !Number.isInteger(size) || size < base.prefixLen || size > 32) return { ok: false, error: `invalid default address pool: ${JSON.stringify(p)}` };
      config.defaultAddressPools.push({ base: base.address, baseLen: base.prefixLen, size });
    }
  }
  if (Array.isArray(o['hosts'])) config.hosts = o['hosts'].map(String);
  return { ok: true, config };
}

/** The pools networks are carved from: daemon.json's, else 172.17-31.0.0/16 then 192.168.0.0/16 in /20s. */
export function addressPools(config: DaemonConfig | undefined): Array<[number, number]> {
  const custom = config?.defaultAddressPools;
  if (!custom) return builtinPools();
  const out: Array<[number, number]> = [];
  for (const p of custom) {
    const count = 2 ** (p.size - p.baseLen);
    for (let i = 0; i < count && out.length < 4096; i++) out.push([(p.base + i * 2 ** (32 - p.size)) >>> 0, p.size]);
  }
  return out;
}

function builtinPools(): Array<[number, number]> {
  const pools: Array<[number, number]> = [];
  for (let b = 17; b <= 31; b++) pools.push([((172 << 24) | (b << 16)) >>> 0, 16]);
  for (let c = 0; c < 256; c += 16) pools.push([((192 << 24) | (168 << 16) | (c << 8)) >>> 0, 20]);
  return pools;
}
