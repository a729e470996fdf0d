/**
 * docker ps --filter, as dockerd evaluates it (daemon/list.go): values of one key are OR-ed,
 * keys are AND-ed; a status filter lists stopped containers without -a. Errors are dockerd's.
 */
import type { Container, DaemonState } from '../../engine/docker/types';
import { findImage } from './images';

const KEYS = new Set(['id', 'name', 'label', 'exited', 'status', 'ancestor', 'network', 'before', 'since', 'volume', 'health', 'publish', 'expose', 'isolation', 'is-task']);
const STATUSES = new Set(['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']);

export type PsFilters = Map<string, string[]>;

/** Parses "key=value" arguments; an error text (without "Error response from daemon: ") when one is invalid. */
export function parsePsFilters(args: string[]): PsFilters | string {
  const filters: PsFilters = new Map();
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq < 0) return `bad format of filter (expected name=value)`;
    const key = a.slice(0, eq).toLowerCase();
    const value = a.slice(eq + 1);
    if (!KEYS.has(key)) return `invalid filter '${key}'`;
    if (key === 'status' && !STATUSES.has(value)) return `invalid filter 'status=${value}'`;
    if (key === 'exited' && !/^-?\d+$/.test(value)) return `invalid filter 'exited=${value}': strconv.Atoi: parsing "${value}": invalid syntax`;
    filters.set(key, [...(filters.get(key) ?? []), value]);
  }
  return filters;
}

/** The state ps and the filter see: a container waiting for its restart policy is "restarting". */
export function psState(c: Container): string {
  return c.restartAt !== undefined ? 'restarting' : c.state;
}

function matchesOne(daemon: DaemonState, c: Container, key: string, value: string): boolean {
  switch (key) {
    case 'id':
      return c.id.startsWith(value);
    case 'name':
      return new RegExp(value).test('/' + c.name);
    case 'label': {
      const eq = value.indexOf('=');
      const k = eq < 0 ? value : value.slice(0, eq);
      const labels = c.labels ?? {};
      return Object.prototype.hasOwnProperty.call(labels, k) && (eq < 0 || labels[k] === value.slice(eq + 1));
    }
    case 'exited':
      return c.state === 'exited' && c.exitCode === Number(value);
    case 'status':
      return psState(c) === value;
    case 'ancestor': {
      const image = findImage(daemon, value);
      return image !== undefined && image.id === c.imageId;
    }
    case 'network':
      return c.networkMode === value || c.endpoints.some((e) => {
        const n = daemon.networks.find((x) => x.id === e.networkId);
        return n !== undefined && (n.name === value || n.id.startsWith(value));
      });
    default:
      return true;
  }
}

export function matchesPsFilters(daemon: DaemonState, c: Container, filters: PsFilters): boolean {
  for (const [key, values] of filters) if (!values.some((v) => matchesOne(daemon, c, key, v))) return false;
  return true;
}
