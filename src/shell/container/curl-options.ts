/**
 * curl 7.88.1's command line: bundled short options (`-sSL`, `-so FILE`, `-so/dev/null`), long
 * options, and its errors (`option -o: requires parameter`, `option --foo: is unknown`, exit 2),
 * recorded from the real curl in a sandbox.
 */

export interface CurlOptions {
  url?: string;
  silent: boolean;
  showError: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  verbose: boolean;
  outFile?: string;
  method?: string;
  maxTime?: number;
  writeOut?: string;
  agent?: string;
  /** `-H` lines in the order given. */
  headers: string[];
  /** `-d` pieces (joined with `&`); `@file` is read by the caller (`-d` drops its line breaks, `--data-binary` keeps them). */
  data: { text: string; file?: 'text' | 'binary' }[];
}

type Flag = keyof Pick<CurlOptions, 'silent' | 'showError' | 'head' | 'include' | 'fail' | 'verbose'>;

const SHORT_FLAGS: Record<string, Flag | null> = { s: 'silent', S: 'showError', I: 'head', i: 'include', f: 'fail', v: 'verbose', L: null, k: null, '4': null, '6': null, N: null };
const LONG_FLAGS: Record<string, Flag | null> = {
  '--silent': 'silent',
  '--show-error': 'showError',
  '--head': 'head',
  '--include': 'include',
  '--fail': 'fail',
  '--verbose': 'verbose',
  '--location': null,
  '--insecure': null,
  '--no-buffer': null,
  '--compressed': null,
  '--ipv4': null,
  '--ipv6': null,
};

type Param = (o: CurlOptions, value: string) => void;
const setData = (file?: 'text' | 'binary'): Param => (o, v) => {
  o.data.push(file && v.startsWith('@') ? { text: v.slice(1), file } : { text: v });
};
const setTime: Param = (o, v) => (o.maxTime = Number(v));
const SHORT_PARAMS: Record<string, Param> = {
  o: (o, v) => (o.outFile = v),
  X: (o, v) => (o.method = v),
  H: (o, v) => o.headers.push(v),
  m: setTime,
  w: (o, v) => (o.writeOut = v),
  d: setData('text'),
  A: (o, v) => (o.agent = v),
  u: () => undefined,
  e: () => undefined,
  b: () => undefined,
  c: () => undefined,
};
const LONG_PARAMS: Record<string, Param> = {
  '--output': SHORT_PARAMS.o!,
  '--request': SHORT_PARAMS.X!,
  '--header': SHORT_PARAMS.H!,
  '--max-time': setTime,
  '--connect-timeout': setTime,
  '--write-out': SHORT_PARAMS.w!,
  '--data': setData('text'),
  '--data-binary': setData('binary'),
  '--data-raw': setData(),
  '--user-agent': SHORT_PARAMS.A!,
  '--user': SHORT_PARAMS.u!,
  '--referer': SHORT_PARAMS.e!,
  '--cookie': SHORT_PARAMS.b!,
  '--cookie-jar': SHORT_PARAMS.c!,
  '--retry': () => undefined,
};

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information";

/** The options, or curl's usage error (stderr text; curl exits 2). */
export function parseCurlArgs(argv: string[]): CurlOptions | { error: string } {
  const o: CurlOptions = { silent: false, showError: false, head: false, include: false, fail: false, verbose: false, headers: [], data: [] };
  const usage = (arg: string, why: string) => ({ error: `curl: option ${arg}: ${why}\n${TRY_HELP}` });
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const param = LONG_PARAMS[arg];
      if (param) {
        if (i + 1 >= argv.length) return usage(arg, 'requires parameter');
        param(o, argv[++i]!);
      } else if (arg in LONG_FLAGS) {
        const flag = LONG_FLAGS[arg];
        if (flag) o[flag] = true;
      } else return usage(arg, 'is unknown');
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const letter = arg[k]!;
        const param = SHORT_PARAMS[letter];
        if (param) {
          const rest = arg.slice(k + 1);
          if (rest !== '') param(o, rest);
          else if (i + 1 < argv.length) param(o, argv[++i]!);
          else return usage(arg, 'requires parameter');
          break;
        }
        if (!(letter in SHORT_FLAGS)) return usage(arg, 'is unknown');
        const flag = SHORT_FLAGS[letter];
        if (flag) o[flag] = true;
      }
    } else o.url = arg;
  }
  if (o.url === undefined) return { error: argv.length > 1 ? `curl: no URL specified!\n${TRY_HELP}` : TRY_HELP };
  return o;
}
