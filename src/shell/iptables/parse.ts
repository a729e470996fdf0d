/**
 * do_parse: the getopt loop of iptables. Commands, the rule's basic fields, `!`, and the options
 * of loaded matches and targets, in command-line order; errors come out in the order the real
 * parser meets them. `finishParse` (parse-checks.ts) runs the checks that follow the loop.
 */
import { CMD, OPT, OPT_INVERTIBLE, cmdChar, emptyArgs, optChar, type LoadedMatch, type ParsedArgs } from './command';
import { paramError, type IptError } from './errors';
import { findMatch, findTarget, isKnownTarget, STANDARD_TARGETS } from './ext/registry';
import { checkNewChainName, CORE_OPTIONS, OPTSTRING, parseProtocol, PROTO_MATCH } from './options';
import type { MatchExtension, ParseEnv } from './ext/types';
import { Getopt, shortOptions, type LongOption } from './getopt';
import { scanUnsigned, strtoui } from './numbers';

export type ParseOutcome = { kind: 'args'; args: ParsedArgs; getopt: Getopt } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; error: IptError; warnings: string };

class Parser {
  readonly args = emptyArgs();
  readonly getopt: Getopt;
  private invert = false;
  private instances = 0;

  constructor(argv: string[]) {
    this.getopt = new Getopt(argv, shortOptions(OPTSTRING));
  }

  /** xtables_options_xfrm puts each newly loaded extension's options before the older ones. */
  private longOptions(): LongOption[] {
    const a = this.args;
    const loaded = [...a.matches, ...(a.target ? [a.target] : [])].sort((x, y) => y.order - x.order);
    const out = [...CORE_OPTIONS];
    for (const x of loaded) out.push(...x.ext.options.map((o) => ({ name: o.name, hasArg: o.hasArg, val: `${x.key}:${o.id}` })));
    return out;
  }

  run(): ParseOutcome {
    for (;;) {
      const r = this.getopt.next(this.longOptions());
      if (r.kind === 'end') return { kind: 'args', args: this.args, getopt: this.getopt };
      const step = r.kind === 'nonoption' ? this.nonOption(r.optarg) : this.option(r.code, r.optarg);
      if (step === 'continue') continue;
      if (step !== null) return typeof step === 'string' ? { kind: step } : { kind: 'error', error: step, warnings: this.args.warnings };
      this.invert = false;
    }
  }

  private nonOption(arg: string): IptError | 'continue' {
    if (arg !== '!') return { kind: 'bare', message: `Bad argument \`${arg}'` };
    if (this.invert) return paramError('multiple consecutive ! not allowed');
    this.invert = true;
    return 'continue';
  }

  private addCommand(bit: number, others: number): IptError | null {
    if (this.invert) return paramError("unexpected '!' flag");
    const a = this.args;
    if (a.command & ~others) return paramError(`Cannot use -${cmdChar(bit)} with -${cmdChar(a.command & ~others)}`);
    a.command |= bit;
    return null;
  }

  private setOption(bit: number): IptError | null {
    const a = this.args;
    if (a.options & bit) return paramError(`multiple -${optChar(bit)} flags not allowed`);
    a.options |= bit;
    if (this.invert) {
      if (!OPT_INVERTIBLE[Math.log2(bit)]) return paramError(`cannot have ! before -${optChar(bit)}`);
      a.inverted.add(optChar(bit));
    }
    return null;
  }

  /** parse_rulenumber */
  private ruleNumber(text: string): number | IptError {
    const n = strtoui(text, 0x7fffffff, 1);
    return n === null ? paramError(`Invalid rule number \`${text}'`) : n;
  }

  /** -L, -S, -F, -X, -Z take an optional chain, attached or as the next plain word. */
  private optionalChain(optarg: string | null): void {
    if (optarg !== null) this.args.chain = optarg;
    else if (this.getopt.hasArg()) this.args.chain = this.getopt.take();
  }

  private optionalRuleNumber(): IptError | null {
    if (!this.getopt.hasArg()) return null;
    const n = this.ruleNumber(this.getopt.take());
    if (typeof n !== 'number') return n;
    this.args.rulenum = n;
    return null;
  }

  private option(code: string, optarg: string | null): IptError | 'help' | 'version' | 'continue' | null {
    const a = this.args;
    const arg = optarg ?? '';
    switch (code) {
      case 'A':
      case 'C':
        a.chain = arg;
        return this.addCommand(code === 'A' ? CMD.APPEND : CMD.CHECK, CMD.NONE);
      case 'D': {
        const e = this.addCommand(CMD.DELETE, CMD.NONE);
        if (e) return e;
        a.chain = arg;
        if (!this.getopt.hasArg()) return null;
        const n = this.ruleNumber(this.getopt.take());
        if (typeof n !== 'number') return n;
        a.rulenum = n;
        a.command = CMD.DELETE_NUM;
        return null;
      }
      case 'R': {
        const e = this.addCommand(CMD.REPLACE, CMD.NONE);
        if (e) return e;
        a.chain = arg;
        if (!this.getopt.hasArg()) return paramError('-R requires a rule number');
        const n = this.ruleNumber(this.getopt.take());
        if (typeof n !== 'number') return n;
        a.rulenum = n;
        return null;
      }
      case 'I': {
        const e = this.addCommand(CMD.INSERT, CMD.NONE);
        if (e) return e;
        a.chain = arg;
        a.rulenum = 1;
        return this.optionalRuleNumber();
      }
      case 'L':
      case 'S': {
        const e = this.addCommand(code === 'L' ? CMD.LIST : CMD.LIST_RULES, CMD.ZERO | CMD.ZERO_NUM);
        if (e) return e;
        this.optionalChain(optarg);
        return a.chain !== null ? this.optionalRuleNumber() : null;
      }
      case 'F':
      case 'X': {
        const e = this.addCommand(code === 'F' ? CMD.FLUSH : CMD.DELETE_CHAIN, CMD.NONE);
        if (e) return e;
        this.optionalChain(optarg);
        return null;
      }
      case 'Z': {
        const e = this.addCommand(CMD.ZERO, CMD.LIST | CMD.LIST_RULES);
        if (e) return e;
        this.optionalChain(optarg);
        if (a.chain === null || !this.getopt.hasArg()) return null;
        const n = this.ruleNumber(this.getopt.take());
        if (typeof n !== 'number') return n;
        a.rulenum = n;
        a.command = CMD.ZERO_NUM;
        return null;
      }
      case 'N': {
        const bad = checkNewChainName(arg);
        if (bad) return bad;
        a.chain = arg;
        return this.addCommand(CMD.NEW_CHAIN, CMD.NONE);
      }
      case 'E': {
        const e = this.addCommand(CMD.RENAME_CHAIN, CMD.NONE);
        if (e) return e;
        a.chain = arg;
        if (!this.getopt.hasArg()) return paramError('-E requires old-chain-name and new-chain-name');
        a.newName = this.getopt.take();
        return null;
      }
      case 'P': {
        const e = this.addCommand(CMD.SET_POLICY, CMD.NONE);
        if (e) return e;
        a.chain = arg;
        if (!this.getopt.hasArg()) return paramError('-P requires a chain and a policy');
        a.policy = this.getopt.take();
        return null;
      }
      case 'h':
        return 'help';
      case 'V':
        return 'version';
      case 'p':
        return this.protocol(arg);
      case 's':
      case 'd': {
        const e = this.setOption(code === 's' ? OPT.SOURCE : OPT.DESTINATION);
        if (e) return e;
        if (code === 's') a.source = arg;
        else a.destination = arg;
        return null;
      }
      case 'i':
      case 'o':
        return this.iface(code, arg);
      case 'j':
      case 'g':
        return this.jump(code, arg);
      case 'f':
        return this.setOption(OPT.FRAGMENT);
      case 'v':
        if (!a.verbose) {
          const e = this.setOption(OPT.VERBOSE);
          if (e) return e;
        }
        a.verbose++;
        return null;
      case 'm':
        return this.match(arg);
      case 'n':
        return this.setOption(OPT.NUMERIC);
      case 'x':
        return this.setOption(OPT.EXPANDED);
      case '0':
        return this.setOption(OPT.LINENUMBERS);
      case 't':
        if (this.invert) return paramError('unexpected ! flag before --table');
        a.table = arg;
        return null;
      case 'c':
        return this.counters(arg);
      case 'w':
        a.waitSet = true;
        return this.waitArgument(optarg);
      case 'W':
        a.waitIntervalSet = true;
        a.warnings += 'Ignoring deprecated --wait-interval option.\n';
        if (optarg === null && this.getopt.hasArg()) this.getopt.take();
        return null;
      case 'M':
      case '4':
        return null;
      case '6':
        return { kind: 'tryhelp' };
      default:
        return this.extensionOption(code, optarg);
    }
  }

  private protocol(text: string): IptError | null {
    const a = this.args;
    const e = this.setOption(OPT.PROTOCOL);
    if (e) return e;
    const lower = text.toLowerCase();
    a.protocol = lower;
    const num = parseProtocol(lower);
    if (num === null) return paramError(`unknown protocol "${text}" specified`);
    a.protoNum = num;
    if (num === 0 && a.inverted.has('p')) return paramError('rule would never match protocol');
    return null;
  }

  private iface(code: 'i' | 'o', name: string): IptError | null {
    if (name === '') return paramError('Empty interface is likely to be undesired');
    const e = this.setOption(code === 'i' ? OPT.VIANAMEIN : OPT.VIANAMEOUT);
    if (e) return e;
    if (name.length + 1 > 16) return paramError(`interface name \`${name}' must be shorter than IFNAMSIZ (15)`);
    if (/[/ ]/.test(name)) this.args.warnings += `Warning: weird character in interface \`${name}' ('/' and ' ' are not allowed by the kernel).\n`;
    if (code === 'i') this.args.inIface = name;
    else this.args.outIface = name;
    return null;
  }

  private jump(code: 'j' | 'g', name: string): IptError | null {
    const a = this.args;
    const e = this.setOption(OPT.JUMP);
    if (e) return e;
    if (name.length < 1) return paramError('Invalid target name (too short)');
    if (name.length >= 29) return paramError(`Invalid target name \`${name}' (28 chars max)`);
    if (/\s/.test(name)) return paramError(`Invalid target name \`${name}'`);
    a.jumpto = name;
    if (code === 'g') {
      a.isGoto = true;
      return null;
    }
    const ext = findTarget(name);
    if (ext) a.target = { ext, state: ext.init(), seen: new Set(), key: `t${this.instances}`, order: this.instances++ };
    else if (isKnownTarget(name) && !STANDARD_TARGETS.includes(name)) return paramError(`Couldn't load target \`${name}':No such file or directory\n`);
    return null;
  }

  private loadMatch(ext: MatchExtension): LoadedMatch {
    const m: LoadedMatch = { ext, state: ext.init(), seen: new Set(), key: `m${this.instances}`, order: this.instances++ };
    this.args.matches.push(m);
    return m;
  }

  private match(name: string): IptError | null {
    if (this.invert) return paramError('unexpected ! flag before --match');
    const ext = findMatch(name);
    if (!ext) return paramError(`Couldn't load match \`${name}':No such file or directory\n`);
    this.loadMatch(ext);
    return null;
  }

  private counters(text: string): IptError | null {
    const a = this.args;
    const e = this.setOption(OPT.COUNTERS);
    if (e) return e;
    const comma = text.indexOf(',');
    const pText = text;
    let bText: string | null = comma >= 0 ? text.slice(comma + 1) : null;
    if (bText === null && this.getopt.hasArg()) bText = this.getopt.take();
    if (bText === null) return paramError('-c requires packet and byte counter');
    const packets = scanUnsigned(pText);
    if (packets === null) return paramError('-c packet counter not numeric');
    const bytes = scanUnsigned(bText);
    if (bytes === null) return paramError('-c byte counter not numeric');
    a.counters = { packets, bytes };
    return null;
  }

  private waitArgument(optarg: string | null): IptError | null {
    const text = optarg ?? (this.getopt.hasArg() ? this.getopt.take() : null);
    if (text !== null && scanUnsigned(text) === null) return paramError('wait seconds not numeric');
    return null;
  }

  /** command_default: an option of a loaded target or match, else load the protocol's match and retry. */
  private extensionOption(code: string, optarg: string | null): IptError | 'continue' | null {
    const a = this.args;
    const env = this.parseEnv();
    const owner = code.includes(':') ? code.slice(0, code.indexOf(':')) : '';
    const id = code.slice(owner.length + 1);
    const t = a.target;
    if (t && t.key === owner) return this.runExtension(t, id, optarg ?? '', env);
    const m = a.matches.find((x) => x.key === owner);
    if (m) return this.runExtension(m, id, optarg ?? '', env);
    const protoMatch = a.protoNum !== null && !a.protoUsed ? findMatch(PROTO_MATCH[a.protoNum] ?? '') : undefined;
    if (protoMatch) {
      a.protoUsed = true;
      this.loadMatch(protoMatch);
      this.getopt.optind--;
      return 'continue';
    }
    const word = this.getopt.argv[this.getopt.optind - 1] ?? '';
    if (code === ':') return paramError(`option "${word}" requires an argument`);
    return paramError(`unknown option "${word}"`);
  }

  private runExtension(x: { ext: { parse: MatchExtension['parse'] }; state: unknown; seen: Set<string> }, id: string, arg: string, env: ParseEnv): IptError | null {
    const error = x.ext.parse(id, arg, this.invert, x.state, env, x.seen);
    x.seen.add(id);
    return error;
  }

  parseEnv(): ParseEnv {
    return {
      proto: this.args.protoNum,
      protoInverted: this.args.inverted.has('p'),
      takeArg: () => (this.getopt.hasArg() ? this.getopt.take() : null),
      warn: (text) => (this.args.warnings += text),
    };
  }

  get pendingInvert(): boolean {
    return this.invert;
  }
}

export interface LoopResult {
  outcome: ParseOutcome;
  /** A `!` with nothing after it. */
  pendingInvert: boolean;
  env: ParseEnv;
}

export function parseArgv(argv: string[]): LoopResult {
  const parser = new Parser(argv);
  const outcome = parser.run();
  return { outcome, pendingInvert: parser.pendingInvert, env: parser.parseEnv() };
}
