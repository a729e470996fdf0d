/**
 * `-v SRC:DST[:MODE]`, `-v DST` and `--mount type=…,source=…,target=…[,readonly]` as the
 * client and daemon read them (docker/cli opts/mount.go, moby volume/mounts/linux_parser.go).
 * A request names what to mount; the daemon turns it into a Mount at create time.
 */
import { resolvePath } from '../../common/paths';
import type { Mount } from './types';

export interface MountRequest extends Omit<Mount, 'source'> {
  /** Volume name, absolute host path, or '' for a new anonymous volume. */
  source: string;
  /** --mount binds must exist on the host; -v creates the directory. */
  mustExist: boolean;
}

/** Errors carry who reports them: the client's flag parser or the daemon. */
export type SpecResult = { ok: true; value: MountRequest } | { ok: false; error: string; by: 'flag' | 'daemon' };

const MODES = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'consistent', 'cached', 'delegated']);

function mustBeAbsolute(type: string, path: string): string | null {
  return path.startsWith('/') ? null : `invalid mount config for type "${type}": invalid mount path: '${path}' mount path must be absolute`;
}

/** -v: the daemon reads the spec (the client only makes ./relative host paths absolute). */
export function parseVolumeFlag(spec: string, cwd: string): SpecResult {
  const r = parseVolumeSpec(spec, cwd);
  // Recorded (Engine 26.1): path errors of -v are wrapped in the spec that caused them.
  return r.ok || !r.error.startsWith('invalid mount config') ? r : { ...r, error: `invalid volume specification: '${spec}': ${r.error}` };
}

function parseVolumeSpec(spec: string, cwd: string): SpecResult {
  const parts = spec.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) return { ok: false, error: `invalid spec: ${spec}: empty section between colons`, by: 'daemon' };
  if (parts.length === 1) {
    const bad = mustBeAbsolute('volume', parts[0]!);
    if (bad) return { ok: false, error: bad, by: 'daemon' };
    return { ok: true, value: { type: 'volume', source: '', target: clean(parts[0]!), readOnly: false, mode: '', bind: spec, mustExist: false } };
  }
  const [src, dst, mode = ''] = parts as [string, string, string?];
  const modes = mode === '' ? [] : mode.split(',');
  if (modes.some((m) => !MODES.has(m)) || (modes.includes('ro') && modes.includes('rw'))) return { ok: false, error: `invalid mode: ${mode}`, by: 'daemon' };
  const isBind = src.startsWith('/') || src.startsWith('.');
  const type = isBind ? 'bind' : 'volume';
  const bad = mustBeAbsolute(type, dst);
  if (bad) return { ok: false, error: bad, by: 'daemon' };
  const source = isBind ? resolvePath(cwd, src) : src;
  const text = isBind ? `${source}:${dst}${mode ? ':' + mode : ''}` : spec;
  return { ok: true, value: { type, source, target: clean(dst), readOnly: modes.includes('ro'), mode: mode || (isBind ? '' : 'z'), bind: text, mustExist: false } };
}

/** --mount: the client parses the CSV; a bind's source must exist. */
export function parseMountFlag(spec: string, cwd: string): SpecResult {
  const flagError = (why: string): SpecResult => ({ ok: false, error: `invalid argument "${spec}" for "--mount" flag: ${why}`, by: 'flag' });
  let type = 'volume';
  let source = '';
  let target = '';
  let readOnly = false;
  for (const field of spec.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? undefined : field.slice(eq + 1);
    if (key === 'readonly' || key === 'ro') {
      if (value !== undefined && !/^(true|false|1|0)$/.test(value)) return flagError(`invalid value for ${key}: ${value}`);
      readOnly = value === undefined || value === 'true' || value === '1';
      continue;
    }
    if (value === undefined) return flagError(`invalid field '${field}' must be a key=value pair`);
    if (key === 'type') type = value;
    else if (key === 'source' || key === 'src') source = value;
    else if (key === 'target' || key === 'dst' || key === 'destination') target = value;
    else if (!['volume-opt', 'volume-driver', 'volume-nocopy', 'volume-label', 'bind-propagation', 'consistency'].includes(key)) return flagError(`unexpected key '${key}' in '${field}'`);
  }
  if (type !== 'volume' && type !== 'bind') return type === 'tmpfs' ? flagError('tmpfs mounts are not simulated') : flagError(`invalid value for 'type': ${type}`);
  if (target === '') return flagError('target is required');
  if (type === 'bind' && source === '') return { ok: false, error: `invalid mount config for type "bind": field Source must not be empty`, by: 'daemon' };
  const bad = mustBeAbsolute(type, target);
  if (bad) return { ok: false, error: bad, by: 'daemon' };
  const src = type === 'bind' ? resolvePath(cwd, source) : source;
  return { ok: true, value: { type, source: src, target: clean(target), readOnly, mode: '', mustExist: type === 'bind' } };
}

function clean(path: string): string {
  return resolvePath('/', path);
}
