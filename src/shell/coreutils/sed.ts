/**
 * GNU sed 4.9's common subset: `s/RE/REPL/[gpNI]`, `p`, `d`, `q` with an optional address
 * (N, $, /RE/), commands separated by `;` or newlines, -n, -E/-r, -e, -i. Error texts are
 * GNU sed's ("-e expression #1, char N: …"), recorded with GNU sed 4.9.
 */
import { Output, type CommandFn } from '../types';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };
type Command =
  | { op: 's'; addr?: Address; re: RegExp; repl: ReplPart[]; global: boolean; nth: number; print: boolean }
  | { op: 'p' | 'd' | 'q'; addr?: Address };
type ReplPart = string | { group: number };

class SedError extends Error {}

/** POSIX bracket expressions and BRE/ERE operators -> a JavaScript regex source. */
export function posixRegex(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) throw new SedError('unterminated address regex');
      out += bracket(pattern.slice(i + 1, end));
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      if (extended) out += '\\' + n;
      else out += '()|+?{}'.includes(n) ? n : '\\' + n;
    } else if (!extended && '()|+?{}'.includes(c)) out += '\\' + c;
    else out += c;
  }
  return out;
}

function bracketEnd(p: string, open: number): number {
  let i = open + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '[' && (p[i + 1] === ':' || p[i + 1] === '.' || p[i + 1] === '=')) {
      const close = p.indexOf(p[i + 1]! + ']', i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (p[i] === ']') return i;
  }
  return -1;
}

const CLASSES: Record<string, string> = { digit: '0-9', alpha: 'A-Za-z', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~' };

function bracket(body: string): string {
  let out = '[';
  let i = 0;
  if (body[0] === '^') {
    out += '^';
    i = 1;
  }
  for (; i < body.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(body.slice(i));
    if (cls) {
      out += CLASSES[cls[1]!] ?? '';
      i += cls[0].length - 1;
    } else out += '\\^]['.includes(body[i]!) ? '\\' + body[i] : body[i];
  }
  return out + ']';
}

/** The script's parser: `pos` is 0-based, GNU reports 1-based "char N" of the consumed text. */
class Parser {
  pos = 0;
  constructor(
    private readonly src: string,
    private readonly extended: boolean,
  ) {}

  fail(message: string): never {
    throw new SedError(`char ${this.pos}: ${message}`);
  }

  commands(): Command[] {
    const out: Command[] = [];
    for (;;) {
      while (this.pos < this.src.length && /[\s;]/.test(this.src[this.pos]!)) this.pos++;
      if (this.pos >= this.src.length) return out;
      const addr = this.address();
      while (this.src[this.pos] === ' ') this.pos++;
      const op = this.src[this.pos++];
      if (op === undefined) this.fail('missing command');
      if (op === 's') out.push(this.substitute(addr));
      else if (op === 'p' || op === 'd' || op === 'q') out.push({ op, ...(addr ? { addr } : {}) });
      else this.fail(`unknown command: \`${op}'`);
      this.endOfCommand();
    }
  }

  private endOfCommand(): void {
    while (this.src[this.pos] === ' ') this.pos++;
    const c = this.src[this.pos];
    if (c !== undefined && c !== ';' && c !== '\n' && c !== '}') {
      this.pos++;
      this.fail(`extra characters after command`);
    }
  }

  private address(): Address | undefined {
    const rest = this.src.slice(this.pos);
    const num = /^\d+/.exec(rest);
    if (num) {
      this.pos += num[0].length;
      return { kind: 'line', n: Number(num[0]) };
    }
    if (rest.startsWith('$')) {
      this.pos++;
      return { kind: 'last' };
    }
    if (rest.startsWith('/')) {
      this.pos++;
      const body = this.delimited('/', 'unterminated address regex');
      return { kind: 're', re: this.regex(body, '') };
    }
    return undefined;
  }

  /** Text up to the next unescaped delimiter (`\DELIM` becomes DELIM), which is consumed. */
  private delimited(delim: string, unterminated: string): string {
    let text = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++]!;
      if (c === delim) return text;
      if (c === '\\' && this.pos < this.src.length) {
        const n = this.src[this.pos++]!;
        text += n === delim ? delim : n === 'n' ? '\\n' : '\\' + n;
      } else if (c === '\n') break;
      else text += c;
    }
    this.fail(unterminated);
  }

  private regex(body: string, flags: string): RegExp {
    let source: string;
    try {
      source = posixRegex(body, this.extended);
      return new RegExp(source, flags);
    } catch {
      return this.fail(/\\\(|\(/.test(body) ? 'Unmatched ( or \\(' : 'Invalid regular expression');
    }
  }

  private substitute(addr: Address | undefined): Command {
    const delim = this.src[this.pos++];
    if (delim === undefined || delim === '\n' || delim === '\\') this.fail("unterminated `s' command");
    const pattern = this.delimited(delim, "unterminated `s' command");
    const replText = this.delimited(delim, "unterminated `s' command");
    let global = false;
    let print = false;
    let nth = 1;
    let ignoreCase = false;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || c === ';' || c === '\n' || c === ' ' || c === '}') break;
      this.pos++;
      if (c === 'g') {
        if (global) this.fail("multiple `g' options to `s' command");
        global = true;
      } else if (c === 'p') {
        if (print) this.fail("multiple `p' options to `s' command");
        print = true;
      } else if (c === 'i' || c === 'I') ignoreCase = true;
      else if (/\d/.test(c)) {
        const digits = /^\d+/.exec(this.src.slice(this.pos - 1))![0];
        this.pos += digits.length - 1;
        nth = Number(digits);
        if (nth === 0) this.fail("number option to `s' command may not be zero");
      } else if (c === 'w') this.fail('missing filename in r/R/w/W commands');
      else this.fail("unknown option to `s'");
    }
    const re = this.regex(pattern, ignoreCase ? 'gi' : 'g');
    const repl = this.replacement(replText, groupCount(re));
    return { op: 's', ...(addr ? { addr } : {}), re, repl, global, nth, print };
  }

  private replacement(text: string, groups: number): ReplPart[] {
    const parts: ReplPart[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push(literal);
      literal = '';
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '&') {
        flush();
        parts.push({ group: 0 });
      } else if (c === '\\' && i + 1 < text.length) {
        const n = text[++i]!;
        if (/\d/.test(n)) {
          if (Number(n) > groups) this.fail(`invalid reference \\${n} on \`s' command's RHS`);
          flush();
          parts.push({ group: Number(n) });
        } else literal += n === 'n' ? '\n' : n === 't' ? '\t' : n;
      } else literal += c;
    }
    flush();
    return parts;
  }
}

function groupCount(re: RegExp): number {
  return new RegExp(`${re.source}|`).exec('')!.length - 1;
}

function parseScript(scripts: string[], extended: boolean): Command[] | string {
  const all: Command[] = [];
  for (let i = 0; i < scripts.length; i++) {
    const parser = new Parser(scripts[i]!, extended);
    try {
      all.push(...parser.commands());
    } catch (e) {
      if (!(e instanceof SedError)) throw e;
      return `sed: -e expression #${i + 1}, ${e.message}`;
    }
  }
  return all;
}

function addressMatches(addr: Address | undefined, line: string, n: number, last: boolean): boolean {
  if (!addr) return true;
  if (addr.kind === 'line') return n === addr.n;
  if (addr.kind === 'last') return last;
  addr.re.lastIndex = 0;
  return addr.re.test(line);
}

function substitute(cmd: Extract<Command, { op: 's' }>, line: string): { text: string; changed: boolean } {
  let count = 0;
  let changed = false;
  cmd.re.lastIndex = 0;
  const text = line.replace(cmd.re, (...m: unknown[]) => {
    const match = m[0] as string;
    count++;
    if (count < cmd.nth || (!cmd.global && count > cmd.nth)) return match;
    changed = true;
    return cmd.repl.map((p) => (typeof p === 'string' ? p : ((m[p.group] as string | undefined) ?? ''))).join('');
  });
  return { text, changed };
}

/** Runs the commands over the lines; the output text and whether `q` stopped early. */
function execute(commands: Command[], input: string, quiet: boolean): string {
  const lines = input.split('\n');
  const trailingNewline = lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    let space = lines[i]!;
    const last = i === lines.length - 1;
    const eol = last && !trailingNewline ? '' : '\n';
    let deleted = false;
    let quit = false;
    for (const cmd of commands) {
      if (!addressMatches(cmd.addr, space, i + 1, last)) continue;
      if (cmd.op === 's') {
        const r = substitute(cmd, space);
        space = r.text;
        if (r.changed && cmd.print) out += space + '\n';
      } else if (cmd.op === 'p') out += space + '\n';
      else if (cmd.op === 'd') {
        deleted = true;
        break;
      } else {
        quit = true;
        break;
      }
    }
    if (!deleted && !quiet) out += space + eol;
    if (quit) break;
  }
  return out;
}

export const sed: CommandFn = (argv, ctx) => {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-e' || a === '--expression') scripts.push(argv[++i] ?? '');
    else if (a.startsWith('--expression=')) scripts.push(a.slice('--expression='.length));
    else if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
    else if (a === '-i' || a === '--in-place') inPlace = true;
    else if (/^-[nEri]+$/.test(a)) {
      quiet ||= a.includes('n');
      extended ||= a.includes('E') || a.includes('r');
      inPlace ||= a.includes('i');
    } else if (a.startsWith('-') && a !== '-') return new Output().err(`sed: invalid option -- '${a[1]}'\n${USAGE}`).done(1);
    else files.push(a);
  }
  if (scripts.length === 0) {
    const script = files.shift();
    if (script === undefined) return new Output().err(USAGE).done(1);
    scripts.push(script);
  }
  const commands = parseScript(scripts, extended);
  if (typeof commands === 'string') return new Output().err(commands).done(1);
  const out = new Output();
  if (inPlace) {
    if (files.length === 0) return out.err('sed: no input files').done(1);
    let status = 0;
    for (const f of files) {
      const path = f.startsWith('/') ? f : `${ctx.cwd}/${f}`;
      const r = ctx.fs.read(path, ctx.ns);
      if (!r.ok) {
        out.err(`sed: can't read ${f}: No such file or directory`);
        status = 2;
        continue;
      }
      const error = ctx.fs.write(path, execute(commands, r.data, quiet), false, ctx.ns);
      if (error) {
        out.err(`sed: couldn't open temporary file ${f}: Permission denied`);
        status = 4;
      }
    }
    return out.done(status);
  }
  let input = '';
  let status = 0;
  if (files.length === 0) input = ctx.stdin;
  for (const f of files) {
    if (f === '-') {
      input += ctx.stdin;
      continue;
    }
    const r = ctx.fs.read(f.startsWith('/') ? f : `${ctx.cwd}/${f}`, ctx.ns);
    if (r.ok) input += r.data;
    else {
      out.err(`sed: can't read ${f}: No such file or directory`);
      status = 2;
    }
  }
  out.out(execute(commands, input, quiet));
  return out.done(status);
};

/** GNU sed 4.9's usage (stderr, exit 1). */
const USAGE = "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.";
