/** Compose's variable interpolation in values: $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, $$ for a dollar. */
import type { Tree } from './tree';

export interface Interpolation {
  env: Record<string, string>;
  /** Variables that were not set (compose warns once per name). */
  missing: string[];
  /** The first `${VAR:?message}` that failed. */
  required?: string;
}

export function interpolateText(text: string, ip: Interpolation): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^}]|\}(?!\s*$))*?))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, braced: string | undefined, op: string | undefined, arg: string | undefined, plain: string | undefined) => {
    if (m === '$$') return '$';
    const name = braced ?? plain!;
    const value = ip.env[name];
    const unsetOrEmpty = value === undefined || (op?.startsWith(':') === true && value === '');
    if (op === ':-' || op === '-') return unsetOrEmpty ? arg ?? '' : value!;
    if (op === ':+' || op === '+') return unsetOrEmpty ? '' : arg ?? '';
    if (op === ':?' || op === '?') {
      if (unsetOrEmpty && ip.required === undefined) ip.required = `required variable ${name} is missing a value: ${arg ?? ''}`;
      return value ?? '';
    }
    if (value === undefined) {
      if (!ip.missing.includes(name)) ip.missing.push(name);
      return '';
    }
    return value;
  });
}

/** Interpolates every string scalar of the tree (keys stay as written). */
export function interpolateTree(t: Tree, ip: Interpolation): Tree {
  if (t.kind === 'map') return { ...t, entries: t.entries.map((e) => ({ ...e, value: interpolateTree(e.value, ip) })) };
  if (t.kind === 'seq') return { ...t, items: t.items.map((i) => interpolateTree(i, ip)) };
  if (typeof t.value === 'string' && t.value.includes('$')) return { ...t, value: interpolateText(t.value, ip) };
  return t;
}
