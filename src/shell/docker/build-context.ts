/** The build context: the files under the context directory (simulated overlay and your real files), minus .dockerignore. */
import type { Netns } from '../../engine/net/types';
import type { FileSystem } from '../fs';

export interface BuildContext {
  dir: string;
  /** Path relative to the context ("app/main.py") -> content. */
  files: Record<string, string>;
  ignoreBytes: number;
}

const MAX_FILES = 5000;

/** `named`: files COPY names, read directly when the directory cannot be listed (a reader without list()). */
export function readContext(fs: FileSystem, ns: Netns, dir: string, named: string[] = []): BuildContext {
  const files: Record<string, string> = {};
  const ignore = fs.read(join(dir, '.dockerignore'), ns);
  const patterns = ignore.ok ? ignore.data.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) : [];
  const walk = (abs: string, rel: string) => {
    for (const name of fs.list?.(abs) ?? []) {
      if (Object.keys(files).length >= MAX_FILES) return;
      const childAbs = join(abs, name);
      const childRel = rel ? `${rel}/${name}` : name;
      if (patterns.some((p) => matches(p.replace(/^\/+|\/+$/g, ''), childRel))) continue;
      if (fs.isDirectory(childAbs)) walk(childAbs, childRel);
      else {
        const r = fs.read(childAbs, ns);
        if (r.ok) files[childRel] = r.data;
      }
    }
  };
  walk(dir, '');
  for (const rel of named.map((n) => n.replace(/^\.?\/+/, '').replace(/\/+$/, ''))) {
    if (rel === '' || rel === '.' || rel.includes('*') || rel in files || patterns.some((p) => matches(p, rel))) continue;
    const r = fs.read(join(dir, rel), ns);
    if (r.ok) files[rel] = r.data;
  }
  return { dir, files, ignoreBytes: ignore.ok ? ignore.data.length : 2 };
}

/** .dockerignore patterns: exact paths, directories, `*` within a name, `**` across them. */
function matches(pattern: string, rel: string): boolean {
  const re = new RegExp('^' + pattern.split('**').map((part) => part.split('*').map(escape).join('[^/]*')).join('.*') + '(/.*)?$');
  return re.test(rel);
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function join(a: string, b: string): string {
  return a === '/' ? `/${b}` : `${a}/${b}`;
}

/** COPY sources: a file, a directory's contents, `.` or a `*` pattern; undefined when nothing matches. */
export function selectSources(ctx: Record<string, string>, src: string): Array<[string, string]> | undefined {
  const clean = src.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  if (clean === '' || clean === '.') return Object.entries(ctx).map(([p, d]) => [p, d]);
  if (clean in ctx) return [[clean.split('/').pop()!, ctx[clean]!]];
  if (clean.includes('*')) {
    const re = new RegExp('^' + clean.split('*').map(escape).join('[^/]*') + '$');
    const hits = Object.entries(ctx).filter(([p]) => re.test(p));
    return hits.length ? hits.map(([p, d]) => [p.split('/').pop()!, d]) : undefined;
  }
  const under = Object.entries(ctx).filter(([p]) => p.startsWith(clean + '/'));
  return under.length ? under.map(([p, d]) => [p.slice(clean.length + 1), d]) : undefined;
}
