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

function varintLength(n: number): number {
  let len = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Bytes BuildKit's file sync reports (`transferring dockerfile: 169B`), fitted to a recording of
 * buildx 0.13.1 (five Dockerfiles, exact): a stat packet (25 + name + size varint) and the data.
 */
export function dockerfileTransferBytes(name: string, content: string): number {
  const size = utf8Length(content);
  return 25 + name.length + size + 2 * varintLength(size);
}

/**
 * `transferring context: 41B`: per file a COPY reads, its stat packet (20 + path + size varint)
 * and, when the daemon does not have that content yet, the data (5 + content + length varint);
 * recorded: 41B for a new 7-byte app.txt, 28B when unchanged.
 */
export function contextTransferBytes(files: Array<[string, string]>, known: (path: string, content: string) => boolean): number {
  // Nothing to send (COPY of a file the context lacks): 2B, as for an absent .dockerignore (recorded).
  if (files.length === 0) return 2;
  let total = 0;
  for (const [path, content] of files) {
    const size = utf8Length(content);
    total += 20 + path.length + varintLength(size);
    if (!known(path, content)) total += 5 + size + varintLength(size);
  }
  return total;
}

/** The context files COPY/ADD sources name (the paths BuildKit's file sync sends). */
export function neededFiles(ctx: Record<string, string>, sources: string[]): Array<[string, string]> {
  const out = new Map<string, string>();
  for (const src of sources) {
    const clean = src.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    const re = clean.includes('*') ? new RegExp('^' + clean.split('*').map(escape).join('[^/]*') + '$') : undefined;
    for (const [path, data] of Object.entries(ctx)) {
      if (clean === '' || clean === '.' || path === clean || path.startsWith(clean + '/') || re?.test(path)) out.set(path, data);
    }
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}
