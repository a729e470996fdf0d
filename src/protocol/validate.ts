/**
 * Guards for messages from the webview: untrusted input, checked field by field before the
 * host acts on it. Anything else (wrong version, unknown type, extra sizes) is rejected.
 */
import type { Result } from '../common/result';
import { PROTOCOL_VERSION, type Positions, type WebviewMessage } from './messages';

/** Limits: an id is short; an exported SVG of a large world stays well below this. */
const MAX_ID = 200;
const MAX_TEXT = 2000;
const MAX_SVG = 20_000_000;
const MAX_POSITIONS = 50_000;

type Fields = Record<string, unknown>;
type Check = (msg: Fields) => string | null;

const CHECKS: Record<WebviewMessage['type'], Check> = {
  ready: (m) => onlyKeys(m, []),
  select: (m) => onlyKeys(m, ['id']) ?? text(m.id, 'id', MAX_ID),
  positions: (m) => onlyKeys(m, ['world', 'positions']) ?? text(m.world, 'world', MAX_ID) ?? positions(m.positions),
  exportSvg: (m) => onlyKeys(m, ['svg']) ?? text(m.svg, 'svg', MAX_SVG) ?? (String(m.svg).startsWith('<svg') ? null : 'svg must start with <svg'),
  error: (m) => onlyKeys(m, ['message']) ?? text(m.message, 'message', MAX_TEXT),
  exportPcap: (m) => onlyKeys(m, ['seq']) ?? (Number.isSafeInteger(m.seq) && (m.seq as number) > 0 ? null : 'seq must be a positive integer'),
  exportPng: (m) => onlyKeys(m, ['png']) ?? text(m.png, 'png', MAX_SVG) ?? (/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/.test(String(m.png)) ? null : 'png must be base64 of a PNG'),
};

export function validateWebviewMessage(data: unknown): Result<WebviewMessage, string> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('not an object');
  const msg = data as Fields;
  if (msg.v !== PROTOCOL_VERSION) return fail(`unsupported protocol version ${JSON.stringify(msg.v)}`);
  if (typeof msg.type !== 'string' || !Object.hasOwn(CHECKS, msg.type)) return fail(`unknown message type ${JSON.stringify(msg.type)}`);
  const problem = CHECKS[msg.type as WebviewMessage['type']](msg);
  if (problem) return fail(`${msg.type}: ${problem}`);
  return { ok: true, value: msg as unknown as WebviewMessage };
}

function fail(error: string): Result<WebviewMessage, string> {
  return { ok: false, error };
}

function onlyKeys(msg: Fields, allowed: string[]): string | null {
  const extra = Object.keys(msg).filter((k) => k !== 'v' && k !== 'type' && !allowed.includes(k));
  return extra.length ? `unexpected field ${extra[0]}` : null;
}

function text(value: unknown, name: string, max: number): string | null {
  if (typeof value !== 'string') return `${name} must be a string`;
  if (value.length === 0 || value.length > max) return `${name} must be 1..${max} characters`;
  return null;
}

function positions(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'positions must be an object';
  const entries = Object.entries(value as Positions);
  if (entries.length > MAX_POSITIONS) return 'too many positions';
  for (const [id, p] of entries) {
    if (id.length > MAX_ID) return 'position id too long';
    if (typeof p !== 'object' || p === null) return `position of ${id} must be an object`;
    const { x, y, pinned } = p as Record<string, unknown>;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return `position of ${id} must have finite x and y`;
    if (pinned !== undefined && typeof pinned !== 'boolean') return `pinned of ${id} must be a boolean`;
    if (Object.keys(p).some((k) => k !== 'x' && k !== 'y' && k !== 'pinned')) return `position of ${id} has an unexpected field`;
  }
  return null;
}
