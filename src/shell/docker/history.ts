/** `docker history` / `docker image history` (docker/cli cli/command/image/history.go and formatter/history.go). */
import { historyOf } from '../../engine/docker/layers';
import type { Image } from '../../engine/docker/types';
import { fail, type CommandResult, success } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';
import { epochNow, findImage } from './images';
import { humanDuration, humanSize } from './human';
import { ellipsis, tabwrite } from './table';
import { renderTemplate } from './template';

interface Row {
  id: string;
  created: string;
  createdBy: string;
  size: number;
  comment: string;
}

/** Newest first. The image's own id on its top row; older rows belong to no local image (`<missing>`), unless a parent image (commit) is still there. */
export function historyRows(images: Image[], image: Image): Row[] {
  const rows: Row[] = [];
  let current: Image | undefined = image;
  let entries = historyOf(image);
  while (current) {
    const parent: Image | undefined = current.parent ? images.find((i) => i.id === current!.parent) : undefined;
    const own = parent ? entries.slice(historyOf(parent).length) : entries;
    own
      .slice()
      .reverse()
      .forEach((h, i) => rows.push({ id: i === 0 ? current!.id : '<missing>', created: h.created, createdBy: h.createdBy, size: h.size, comment: h.comment }));
    current = parent;
    if (parent) entries = historyOf(parent);
  }
  return rows;
}

export function dockerHistory(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('no-trunc q|quiet H|human format= platform='), true);
  if (!parsed.ok) return usageError('history', parsed.error);
  const p = parsed.value;
  if (p.args.length !== 1) return argsError('history', '[OPTIONS] IMAGE', 'Show the history of an image', 'exactly 1 argument');
  const image = findImage(d.daemon, p.args[0]!);
  if (!image) return fail(errorResponse(`No such image: ${p.args[0]!.includes(':') || /^[0-9a-f]{6,}$/.test(p.args[0]!) ? p.args[0] : p.args[0] + ':latest'}`), 1);
  const noTrunc = has(p, 'no-trunc');
  const human = p.flags['human'] === undefined || has(p, 'human');
  const rows = historyRows(d.daemon.images, image);
  const id = (r: Row) => (r.id === '<missing>' ? r.id : noTrunc ? `sha256:${r.id}` : r.id.slice(0, 12));
  if (has(p, 'quiet')) return success(rows.map((r) => id(r) + '\n').join(''));
  const now = epochNow(d.sh.world);
  const cells = (r: Row) => ({
    ID: id(r),
    CreatedSince: `${humanDuration(now - Date.parse(r.created))} ago`,
    CreatedAt: r.created,
    CreatedBy: noTrunc ? r.createdBy.replace(/\t/g, ' ') : ellipsis(r.createdBy.replace(/\t/g, ' '), 45),
    Size: human ? humanSize(r.size) : String(r.size),
    Comment: r.comment,
  });
  const format = last(p, 'format');
  if (format !== undefined && !format.startsWith('table')) {
    let out = '';
    for (const r of rows) {
      const t = renderTemplate(format, cells(r));
      if (!t.ok) return fail(t.error, 1);
      out += t.value + '\n';
    }
    return success(out);
  }
  const table = [['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], ...rows.map((r) => {
    const c = cells(r);
    return [c.ID, c.CreatedSince, c.CreatedBy, c.Size, c.Comment];
  })];
  return success(tabwrite(table));
}
