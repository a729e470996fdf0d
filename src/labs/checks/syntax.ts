/**
 * The check language of `check` cells: one statement about the world per line, each followed
 * by optional `hint:` lines (shown one more per failed attempt). `#` starts a comment.
 * Namespaces are named as `ip netns` names them; `host` is the host's own (root) namespace.
 *
 *   red can ping 192.168.15.2            host cannot ping 192.168.15.1
 *   netns red exists                     netns red does not exist
 *   link veth-red in red exists          link veth-red in red does not exist
 *   link veth-red in red is UP           link v-net-0 is DOWN
 *   link veth-red-br master v-net-0      link veth-red-br has no master
 *   address 192.168.15.1/24 on veth-red in red      no address 192.168.15.1/24 on veth-red in red
 *   route default via 192.168.15.5 in blue          route 192.168.1.0/24 dev eth0     no route default in red
 *   sysctl net.ipv4.ip_forward = 1       sysctl net.ipv4.ip_forward = 0 in red
 *   red knows the MAC of 192.168.15.2    host does not know the MAC of 192.168.15.1
 *   iptables -t nat -S POSTROUTING contains "-j MASQUERADE"   (also "does not contain"; `in NS` before it)
 *   command "ip -n red link show veth-red" exits 0
 *   command "ip -n red addr" output contains "192.168.15.1/24" and exits 0
 *   container web is running             container web exists / does not exist / is exited
 *   container box can ping 8.8.8.8       (runs `docker exec box ping ...`; the image needs ping)
 *   volume appdata exists                image hello:1 does not exist
 */

export const ROOT_NS = 'host';

export type Predicate = { kind: 'exits'; code: number } | { kind: 'contains'; text: string; negate: boolean };

export type CheckSpec =
  | { kind: 'ping'; from: string; target: string; expect: boolean }
  | { kind: 'netns'; name: string; expect: boolean }
  | { kind: 'link-exists'; link: string; ns: string; expect: boolean }
  | { kind: 'link-up'; link: string; ns: string; up: boolean }
  | { kind: 'link-master'; link: string; ns: string; master: string | null }
  | { kind: 'address'; cidr: string; dev: string; ns: string; expect: boolean }
  | { kind: 'route'; dst: string; via: string | null; dev: string | null; ns: string; expect: boolean }
  | { kind: 'sysctl'; key: string; value: string; ns: string }
  | { kind: 'neighbour'; ns: string; ip: string; expect: boolean }
  | { kind: 'command'; command: string; ns: string; predicates: Predicate[] }
  | { kind: 'container-ping'; container: string; target: string; expect: boolean }
  | { kind: 'container'; container: string; status: string | 'exists'; expect: boolean }
  | { kind: 'docker-object'; object: 'volume' | 'image'; name: string; expect: boolean };

export interface Check {
  /** The statement as written (trimmed). */
  text: string;
  /** 0-based line in the cell. */
  line: number;
  spec: CheckSpec | { kind: 'invalid'; message: string };
  hints: string[];
}

const HINT = /^\s*hint:\s?(.*)$/i;

/** Parses a check cell's code into checks; a line that is not a check becomes an `invalid` check that fails. */
export function parseChecks(code: string): Check[] {
  const checks: Check[] = [];
  code.split(/\r?\n/).forEach((raw, line) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const hint = HINT.exec(raw);
    if (hint) {
      const last = checks[checks.length - 1];
      if (last) last.hints.push(hint[1]!.trim());
      else checks.push({ text, line, spec: { kind: 'invalid', message: 'a hint must follow a check' }, hints: [] });
      return;
    }
    checks.push({ text, line, spec: parseStatement(text), hints: [] });
  });
  return checks;
}

/** Words, with "double quoted" strings as one word (\" and \\ escaped inside). */
export function tokenize(text: string): string[] | string {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^\s"]+)|(")|\s+/g;
  for (const m of text.matchAll(re)) {
    if (m[3] !== undefined) return 'unterminated quote';
    if (m[1] !== undefined) words.push(m[1].replace(/\\(.)/g, '$1'));
    else if (m[2] !== undefined) words.push(m[2]);
  }
  return words;
}

export function parseStatement(text: string): CheckSpec | { kind: 'invalid'; message: string } {
  const words = tokenize(text);
  if (typeof words === 'string') return invalid(words);
  const [first, second] = words;
  if (first === 'command') return parseCommand(words.slice(1));
  if (first === 'iptables' || first === 'iptables-save') return parseToolContains(words);
  if (first === 'netns' && second !== undefined) return parseNetns(second, words.slice(2));
  if (first === 'link' && second !== undefined) return parseLink(second, words.slice(2));
  if (first === 'address' || (first === 'no' && second === 'address')) return parseAddress(first === 'no' ? words.slice(2) : words.slice(1), first !== 'no');
  if (first === 'route' || (first === 'no' && second === 'route')) return parseRoute(first === 'no' ? words.slice(2) : words.slice(1), first !== 'no');
  if (first === 'sysctl') return parseSysctl(words.slice(1));
  if (first === 'container' && second !== undefined) return parseContainer(second, words.slice(2));
  if ((first === 'volume' || first === 'image') && second !== undefined) {
    const tail = words.slice(2).join(' ');
    if (tail === 'exists' || tail === 'does not exist') return { kind: 'docker-object', object: first, name: second, expect: tail === 'exists' };
    return invalid(`expected "${first} NAME exists | does not exist"`);
  }
  if (second === 'can' || second === 'cannot') {
    if (words[2] === 'ping' && words.length === 4) return { kind: 'ping', from: first!, target: words[3]!, expect: second === 'can' };
  }
  const knows = words.join(' ').match(/^(\S+) (knows|does not know) the MAC of (\S+)$/);
  if (knows) return { kind: 'neighbour', ns: knows[1]!, ip: knows[3]!, expect: knows[2] === 'knows' };
  return invalid(`not a check: "${text}" (see the check syntax in the README)`);
}

function invalid(message: string): { kind: 'invalid'; message: string } {
  return { kind: 'invalid', message };
}

/** Splits a trailing `in NS` off the words. */
function takeNs(words: string[]): [string[], string] {
  const n = words.length;
  if (n >= 2 && words[n - 2] === 'in') return [words.slice(0, n - 2), words[n - 1]!];
  return [words, ROOT_NS];
}

function parseNetns(name: string, rest: string[]): CheckSpec | { kind: 'invalid'; message: string } {
  const tail = rest.join(' ');
  if (tail === 'exists') return { kind: 'netns', name, expect: true };
  if (tail === 'does not exist') return { kind: 'netns', name, expect: false };
  return invalid('expected "netns NAME exists" or "netns NAME does not exist"');
}

function parseLink(link: string, rest: string[]): CheckSpec | { kind: 'invalid'; message: string } {
  let ns = ROOT_NS;
  if (rest[0] === 'in' && rest[1] !== undefined) {
    ns = rest[1];
    rest = rest.slice(2);
  }
  const tail = rest.join(' ');
  if (tail === 'exists') return { kind: 'link-exists', link, ns, expect: true };
  if (tail === 'does not exist') return { kind: 'link-exists', link, ns, expect: false };
  if (/^is (up|down)$/i.test(tail)) return { kind: 'link-up', link, ns, up: /up$/i.test(tail) };
  if (tail === 'has no master') return { kind: 'link-master', link, ns, master: null };
  if (rest[0] === 'master' && rest.length === 2) return { kind: 'link-master', link, ns, master: rest[1]! };
  return invalid('expected "link NAME [in NS] exists | does not exist | is UP | is DOWN | master BRIDGE | has no master"');
}

function parseAddress(words: string[], expect: boolean): CheckSpec | { kind: 'invalid'; message: string } {
  const [rest, ns] = takeNs(words);
  if (rest.length === 3 && rest[1] === 'on' && rest[0]!.includes('/')) return { kind: 'address', cidr: rest[0]!, dev: rest[2]!, ns, expect };
  return invalid('expected "address ADDR/LEN on DEV [in NS]"');
}

function parseRoute(words: string[], expect: boolean): CheckSpec | { kind: 'invalid'; message: string } {
  const [rest, ns] = takeNs(words);
  const [dst, ...opts] = rest;
  if (dst === undefined) return invalid('expected "route DEST [via GATEWAY] [dev DEV] [in NS]"');
  let via: string | null = null;
  let dev: string | null = null;
  for (let i = 0; i < opts.length; i += 2) {
    const value = opts[i + 1];
    if (value === undefined) return invalid(`"${opts[i]}" needs a value`);
    if (opts[i] === 'via') via = value;
    else if (opts[i] === 'dev') dev = value;
    else return invalid(`unexpected "${opts[i]}" in a route check (use via, dev, in)`);
  }
  return { kind: 'route', dst, via, dev, ns, expect };
}

function parseContainer(container: string, rest: string[]): CheckSpec | { kind: 'invalid'; message: string } {
  const tail = rest.join(' ');
  if ((rest[0] === 'can' || rest[0] === 'cannot') && rest[1] === 'ping' && rest.length === 3) return { kind: 'container-ping', container, target: rest[2]!, expect: rest[0] === 'can' };
  if (tail === 'exists' || tail === 'does not exist') return { kind: 'container', container, status: 'exists', expect: tail === 'exists' };
  const m = /^is (not )?(created|running|paused|restarting|exited|dead)$/.exec(tail);
  if (m) return { kind: 'container', container, status: m[2]!, expect: !m[1] };
  return invalid('expected "container NAME exists | does not exist | is [not] running|exited|created|paused | can ping ADDR | cannot ping ADDR"');
}

function parseSysctl(words: string[]): CheckSpec | { kind: 'invalid'; message: string } {
  const [rest, ns] = takeNs(words);
  const joined = rest.join(' ');
  const m = /^([\w./-]+)\s*=\s*(\S+)$/.exec(joined);
  if (!m) return invalid('expected "sysctl KEY = VALUE [in NS]"');
  return { kind: 'sysctl', key: m[1]!.replace(/\//g, '.'), value: m[2]!, ns };
}

function parseToolContains(words: string[]): CheckSpec | { kind: 'invalid'; message: string } {
  const at = words.findIndex((w, i) => w === 'contains' || (w === 'does' && words[i + 1] === 'not' && words[i + 2] === 'contain'));
  if (at < 0) return invalid(`expected "${words[0]} ARGS [in NS] contains \\"TEXT\\""`);
  const negate = words[at] === 'does';
  const text = words[at + (negate ? 3 : 1)];
  if (text === undefined || words.length !== at + (negate ? 4 : 2)) return invalid('expected one quoted TEXT after "contains"');
  const [argv, ns] = takeNs(words.slice(0, at));
  return { kind: 'command', command: argv.map(quoteWord).join(' '), ns, predicates: [{ kind: 'contains', text, negate }] };
}

function parseCommand(words: string[]): CheckSpec | { kind: 'invalid'; message: string } {
  const [command, ...rest] = words;
  if (command === undefined || rest.length === 0) return invalid('expected command "LINE" exits N | output contains "TEXT"');
  let ns = ROOT_NS;
  if (rest[0] === 'in' && rest[1] !== undefined) {
    ns = rest[1];
    rest.splice(0, 2);
  }
  const predicates: Predicate[] = [];
  const tail = rest.join('\u0000').split('\u0000and\u0000');
  for (const part of tail) {
    const p = part.split('\u0000');
    if (p[0] === 'exits' && p.length === 2 && /^\d+$/.test(p[1]!)) predicates.push({ kind: 'exits', code: Number(p[1]) });
    else if (p[0] === 'output' && p[1] === 'contains' && p.length === 3) predicates.push({ kind: 'contains', text: p[2]!, negate: false });
    else if (p[0] === 'output' && p.slice(1, 4).join(' ') === 'does not contain' && p.length === 5) predicates.push({ kind: 'contains', text: p[4]!, negate: true });
    else return invalid(`expected "exits N", "output contains \\"TEXT\\"" or "output does not contain \\"TEXT\\"", got "${p.join(' ')}"`);
  }
  return { kind: 'command', command, ns, predicates };
}

/** Quotes a word for the shell when it needs it (so `iptables ... "-j MASQUERADE"` stays one argument). */
function quoteWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
