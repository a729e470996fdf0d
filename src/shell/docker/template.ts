/**
 * The subset of Go's text/template that `docker ... --format` / `inspect -f` use: fields
 * (.A.B), `.`, variables from range ($k, $v), parenthesised pipelines with fields
 * ((index $conf 0).HostPort), functions json, index, len, join, upper, lower, println, and
 * range / if / with ... else ... end.
 */

type Node = { kind: 'text'; text: string } | { kind: 'action'; expr: string } | { kind: 'block'; op: 'range' | 'if' | 'with'; expr: string; body: Node[]; alt: Node[] };

export type TemplateResult = { ok: true; value: string } | { ok: false; error: string };

export function renderTemplate(format: string, data: unknown): TemplateResult {
  try {
    const tokens = tokenize(format);
    const pos = { i: 0 };
    const nodes = parseNodes(tokens, pos, false);
    return { ok: true, value: run(nodes, data, data, {}) };
  } catch (e) {
    return { ok: false, error: e instanceof TemplateError ? e.message : String(e) };
  }
}

class TemplateError extends Error {}

function tokenize(format: string): Array<{ text?: string; action?: string }> {
  const out: Array<{ text?: string; action?: string }> = [];
  let i = 0;
  while (i < format.length) {
    const open = format.indexOf('{{', i);
    if (open < 0) {
      out.push({ text: format.slice(i) });
      break;
    }
    if (open > i) out.push({ text: format.slice(i, open) });
    const close = format.indexOf('}}', open);
    if (close < 0) throw new TemplateError(`template parsing error: template: :1: unclosed action`);
    let inner = format.slice(open + 2, close);
    if (inner.startsWith('-')) {
      inner = inner.slice(1);
      if (out.length && out[out.length - 1]!.text !== undefined) out[out.length - 1]!.text = out[out.length - 1]!.text!.trimEnd();
    }
    let trimAfter = false;
    if (inner.endsWith('-')) {
      inner = inner.slice(0, -1);
      trimAfter = true;
    }
    out.push({ action: inner.trim() });
    i = close + 2;
    if (trimAfter) while (i < format.length && /\s/.test(format[i]!)) i++;
  }
  return out;
}

function parseNodes(tokens: Array<{ text?: string; action?: string }>, pos: { i: number }, inBlock: boolean): Node[] {
  const nodes: Node[] = [];
  while (pos.i < tokens.length) {
    const t = tokens[pos.i]!;
    if (t.text !== undefined) {
      nodes.push({ kind: 'text', text: t.text });
      pos.i++;
      continue;
    }
    const a = t.action!;
    if (a === 'end' || a === 'else') {
      if (!inBlock) throw new TemplateError(`template parsing error: template: :1: unexpected {{${a}}}`);
      return nodes;
    }
    const m = /^(range|if|with)\s+(.*)$/.exec(a);
    pos.i++;
    if (!m) {
      nodes.push({ kind: 'action', expr: a });
      continue;
    }
    const body = parseNodes(tokens, pos, true);
    let alt: Node[] = [];
    if (tokens[pos.i]?.action === 'else') {
      pos.i++;
      alt = parseNodes(tokens, pos, true);
    }
    if (tokens[pos.i]?.action !== 'end') throw new TemplateError('template parsing error: template: :1: unexpected EOF');
    pos.i++;
    nodes.push({ kind: 'block', op: m[1] as 'range' | 'if' | 'with', expr: m[2]!, body, alt });
  }
  if (inBlock) throw new TemplateError('template parsing error: template: :1: unexpected EOF');
  return nodes;
}

type Vars = Record<string, unknown>;

function run(nodes: Node[], dot: unknown, root: unknown, vars: Vars): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'action') out += printValue(evalExpr(n.expr, dot, root, vars));
    else out += runBlock(n, dot, root, vars);
  }
  return out;
}

function runBlock(n: Extract<Node, { kind: 'block' }>, dot: unknown, root: unknown, vars: Vars): string {
  if (n.op === 'range') {
    const m = /^\$(\w+)\s*(?:,\s*\$(\w+))?\s*:=\s*(.*)$/.exec(n.expr);
    const value = evalExpr(m ? m[3]! : n.expr, dot, root, vars);
    const entries: Array<[unknown, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : value && typeof value === 'object' ? Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]) : [];
    if (entries.length === 0) return run(n.alt, dot, root, vars);
    return entries
      .map(([k, v]) => {
        const local = { ...vars };
        if (m && m[2]) {
          local[m[1]!] = k;
          local[m[2]] = v;
        } else if (m) local[m[1]!] = v;
        return run(n.body, v, root, local);
      })
      .join('');
  }
  const value = evalExpr(n.expr, dot, root, vars);
  if (!truthy(value)) return run(n.alt, dot, root, vars);
  return run(n.body, n.op === 'with' ? value : dot, root, vars);
}

function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** A pipeline's tokens: words, string literals, ( ) and |; `glued` marks a token with no space before it. */
interface Token {
  text: string;
  glued: boolean;
}

function lex(expr: string): Token[] {
  const out: Token[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|`([^`]*)`|\(|\)|\||[^\s()|]+/g;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(expr))) {
    out.push({ text: m[0], glued: m.index === end && out.length > 0 });
    end = m.index + m[0].length;
  }
  return out;
}

/** Go's parse tree for an action: pipeline = command ('|' command)*, command = operand+. */
type Operand = { word: string } | { pipeline: Operand[][]; fields: string[] };

function parsePipeline(tokens: Token[], pos: { i: number }, nested: boolean): Operand[][] {
  const commands: Operand[][] = [[]];
  while (pos.i < tokens.length) {
    const t = tokens[pos.i]!;
    if (t.text === ')') {
      if (!nested) throw new TemplateError('template parsing error: template: :1: unexpected ")" in operand');
      pos.i++;
      return commands;
    }
    pos.i++;
    if (t.text === '|') {
      if (commands[commands.length - 1]!.length === 0) throw new TemplateError('template parsing error: template: :1: missing value for command');
      commands.push([]);
    } else if (t.text === '(') {
      const pipeline = parsePipeline(tokens, pos, true);
      const fields: string[] = [];
      // (x).A.B: a field chain glued to the closing parenthesis
      while (pos.i < tokens.length && tokens[pos.i]!.glued && tokens[pos.i]!.text.startsWith('.')) fields.push(...tokens[pos.i++]!.text.slice(1).split('.'));
      commands[commands.length - 1]!.push({ pipeline, fields });
    } else commands[commands.length - 1]!.push({ word: t.text });
  }
  if (nested) throw new TemplateError('template parsing error: template: :1: unclosed left paren');
  return commands;
}

function evalExpr(expr: string, dot: unknown, root: unknown, vars: Vars): unknown {
  return evalPipeline(parsePipeline(lex(expr), { i: 0 }, false), dot, root, vars);
}

function evalPipeline(commands: Operand[][], dot: unknown, root: unknown, vars: Vars): unknown {
  let value: unknown = undefined;
  commands.forEach((command, i) => {
    value = evalCommand(command, dot, root, vars, i > 0 ? [value] : []);
  });
  return value;
}

const FUNCS: Record<string, (...args: unknown[]) => unknown> = {
  json: (v) => JSON.stringify(v ?? null),
  index: (v, ...keys) => keys.reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[String(k)] : undefined), v) ?? null,
  len: (v) => (Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  join: (v, sep) => (Array.isArray(v) ? v.join(String(sep)) : ''),
  upper: (v) => String(v).toUpperCase(),
  lower: (v) => String(v).toLowerCase(),
  println: (...vs) => vs.map(printValue).join(' ') + '\n',
  print: (...vs) => vs.map(printValue).join(''),
  printf: (f, ...vs) => String(f).replace(/%[sdv]/g, () => printValue(vs.shift())),
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  not: (a) => !truthy(a),
};

function evalCommand(w: Operand[], dot: unknown, root: unknown, vars: Vars, piped: unknown[]): unknown {
  if (w.length === 0) throw new TemplateError('template parsing error: template: :1: missing value for command');
  const [head, ...rest] = w;
  const fn = 'word' in head! ? FUNCS[head.word] : undefined;
  if (fn) return fn(...rest.map((a) => evalOperand(a, dot, root, vars)), ...piped);
  if (rest.length > 0 || piped.length > 0) throw new TemplateError(`template parsing error: template: :1: function "${'word' in head! ? head.word : '('}" not defined`);
  return evalOperand(head!, dot, root, vars);
}

function evalOperand(o: Operand, dot: unknown, root: unknown, vars: Vars): unknown {
  if ('word' in o) return operand(o.word, dot, root, vars);
  return field(evalPipeline(o.pipeline, dot, root, vars), o.fields);
}

function operand(word: string, dot: unknown, root: unknown, vars: Vars): unknown {
  if (word.startsWith('"')) return JSON.parse(word);
  if (word.startsWith('`')) return word.slice(1, -1);
  if (/^-?\d+$/.test(word)) return Number(word);
  if (word === 'true' || word === 'false') return word === 'true';
  if (word === '.') return dot;
  if (word.startsWith('$')) {
    const [name, ...path] = word.slice(1).split('.');
    const base = name === '' ? root : vars[name!];
    if (name !== '' && !(name! in vars)) throw new TemplateError(`template parsing error: template: :1: undefined variable "$${name}"`);
    return field(base, path);
  }
  if (word.startsWith('.')) return field(dot, word.slice(1).split('.'));
  if (FUNCS[word]) return FUNCS[word]!();
  throw new TemplateError(`template parsing error: template: :1: function "${word}" not defined`);
}

function field(base: unknown, path: string[]): unknown {
  let v = base;
  for (const p of path) {
    if (p === '') continue;
    if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) {
      throw new TemplateError(`template: :1:2: executing "" at <.${p}>: can't evaluate field ${p} in type ${goType(v)}`);
    }
    const obj = v as Record<string, unknown>;
    if (!(p in obj)) throw new TemplateError(`template: :1:2: executing "" at <.${p}>: map has no entry for key "${p}"`);
    v = obj[p];
  }
  return v;
}

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'interface {}';
}

/**
 * fmt's %v of a JSON-like value: maps as map[k:v], slices as [a b], nil as <nil>. An undefined
 * value is a struct's empty omitempty field (JSON leaves it out): the empty string.
 */
export function printValue(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(printValue).join(' ')}]`;
  const obj = v as Record<string, unknown>;
  return `map[${Object.keys(obj).sort().map((k) => `${k}:${printValue(obj[k])}`).join(' ')}]`;
}
