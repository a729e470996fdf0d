/**
 * Redirections (n>file, n>>file, n>&m, <file) applied to a command's finished output, and the
 * chunk sinks output flows into: a line's transcript, a pipe, a subshell's buffer.
 */
import type { Netns } from '../../engine/net/types';
import type { Redirect, Word } from '../parse/ast';
import { resolvePath, type FileSystem } from '../fs';
import { fsMessage } from '../fsmessage';
import type { CommandResult } from '../types';

export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Where output goes: an array of chunks, or a sink forwarding to one (a background job's terminal). */
export type Sink = Pick<Chunk[], 'push'>;

export interface RedirectDeps {
  fs: FileSystem;
  cwd: string;
  expand(word: Word): string;
}

export function joinStream(chunks: readonly Chunk[], stream: Chunk['stream']): string {
  return chunks
    .filter((c) => c.stream === stream)
    .map((c) => c.text)
    .join('');
}

/** Redirections that feed standard input; the others send output somewhere. */
const INPUT_OPS = new Set(['<', '<<', '<<<']);

/** The text of `< file`, a here-document or `<<< word` (the last one wins), undefined without one, or bash's error. */
export function inputRedirect(deps: RedirectDeps, redirects: Redirect[], ns: Netns): string | undefined | CommandResult {
  let input: string | undefined;
  for (const r of redirects) {
    if (r.fd !== 0 || !INPUT_OPS.has(r.op)) continue;
    if (r.op === '<<') {
      input = deps.expand(r.body ?? { parts: [] });
      continue;
    }
    if (r.op === '<<<') {
      input = deps.expand(r.target) + '\n';
      continue;
    }
    const name = deps.expand(r.target);
    const file = deps.fs.read(resolvePath(deps.cwd, name), ns);
    if (!file.ok) return { stdout: '', stderr: `bash: ${name}: ${fsMessage(file.error)}\n`, exitCode: 1 };
    input = file.data;
  }
  return input;
}

/** Applies n>file, n>>file, n>&m in order, then writes the command's output where it points. */
export function redirect(deps: RedirectDeps, redirects: Redirect[], result: CommandResult, inner: Chunk[], chunks: Sink, ns: Netns): number {
  type Dest = { kind: 'stdout' | 'stderr' } | { kind: 'file'; path: string };
  const dest: Record<number, Dest> = { 1: { kind: 'stdout' }, 2: { kind: 'stderr' } };
  const files: Record<string, string> = {};
  for (const r of redirects) {
    if (INPUT_OPS.has(r.op)) continue;
    const target = deps.expand(r.target);
    if (r.op === '>&') {
      const from = dest[Number(target)];
      if (!/^\d+$/.test(target) || !from) {
        chunks.push({ stream: 'stderr', text: `bash: ${target}: ambiguous redirect\n` });
        return 1;
      }
      dest[r.fd] = from;
      continue;
    }
    const path = resolvePath(deps.cwd, target);
    if (!(path in files)) {
      const initial = r.op === '>>' ? readOr(deps.fs, path, ns) : '';
      const error = r.op === '>>' ? null : deps.fs.write(path, '', false, ns);
      if (error && error !== 'EINVAL') {
        chunks.push({ stream: 'stderr', text: `bash: ${target}: ${fsMessage(error)}\n` });
        return 1;
      }
      files[path] = initial;
    }
    dest[r.fd] = { kind: 'file', path };
  }
  const all = inner.length > 0 ? inner : [{ stream: 'stdout' as const, text: result.stdout }, { stream: 'stderr' as const, text: result.stderr }];
  for (const chunk of all) {
    if (!chunk.text) continue;
    const d = dest[chunk.stream === 'stdout' ? 1 : 2]!;
    if (d.kind === 'file') files[d.path] += chunk.text;
    else chunks.push({ stream: d.kind, text: chunk.text });
  }
  let status = result.exitCode;
  for (const [path, data] of Object.entries(files)) {
    if (path === '/dev/null') continue;
    const error = deps.fs.write(path, data, false, ns);
    if (error === 'EINVAL') {
      chunks.push({ stream: 'stderr', text: `bash: echo: write error: Invalid argument\n` });
      status = 1;
    } else if (error) {
      // A write the file refuses (over LIMITS.fileBytes: File too large) is not silently lost.
      chunks.push({ stream: 'stderr', text: `bash: ${path.slice(path.lastIndexOf('/') + 1)}: ${fsMessage(error)}\n` });
      status = 1;
    }
  }
  return status;
}

function readOr(fs: FileSystem, path: string, ns: Netns): string {
  const r = fs.read(path, ns);
  return r.ok ? r.data : '';
}
