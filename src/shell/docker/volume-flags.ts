/** run/create's -v and --mount: parsed into mount plans, or the client's or daemon's error. */
import { parseMountFlag, parseVolumeFlag } from '../../engine/docker/volumes-spec';
import { checkVolumeName, type MountPlan } from '../../engine/docker/volumes';
import type { DockerCtx } from './context';
import { all, type Parsed } from './flags';

export type Planned = { kind: 'ok'; plans: MountPlan[] } | { kind: 'flag' | 'daemon'; error: string };

export function planMounts(d: DockerCtx, p: Parsed): Planned {
  const plans: MountPlan[] = [];
  let daemonError: string | undefined;
  const specs = [...all(p, 'volume').map((s) => parseVolumeFlag(s, d.sh.cwd)), ...all(p, 'mount').map((s) => parseMountFlag(s, d.sh.cwd))];
  for (const r of specs) {
    if (!r.ok) {
      if (r.by === 'flag') return { kind: 'flag', error: r.error };
      daemonError ??= r.error;
      continue;
    }
    const m = r.value;
    if (m.type === 'volume' && m.source !== '') daemonError ??= checkVolumeName(m.source) ?? undefined;
    if (m.type === 'bind' && m.mustExist && !d.sh.fs.isDirectory(m.source) && !d.sh.fs.read(m.source, d.sh.ns).ok) daemonError ??= `invalid mount config for type "bind": bind source path does not exist: ${m.source}`;
    if (plans.some((x) => x.target === m.target)) daemonError ??= `Duplicate mount point: ${m.target}`;
    plans.push({ type: m.type, source: m.source, target: m.target, readOnly: m.readOnly, mode: m.mode, ...(m.bind !== undefined ? { bind: m.bind } : {}) });
  }
  return daemonError !== undefined ? { kind: 'daemon', error: daemonError } : { kind: 'ok', plans };
}
