/** The CLI's command line: `run`, `shell`, `lab`, `--help`, `--version`. Pure: no I/O. */
import { LAB_HELP, LAB_USAGE, parseLabArgs } from './lab-args';

export type CliCommand =
  | { kind: 'run'; world: string; transcript?: string; pcap?: string; script?: string }
  | { kind: 'shell'; world: string }
  | { kind: 'lab-check'; file: string; solution: boolean }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

export const DEFAULT_WORLD = 'bare';

export const USAGE = `Usage:
  vethlab run [--world NAME] [--transcript FILE] [--pcap FILE] [SCRIPT]
  vethlab shell [--world NAME]
${LAB_USAGE}  vethlab --help | --version

Vethlab simulates a Linux host's networking (and nothing touches your real network).

Commands:
  run     Run shell command lines from SCRIPT (or stdin when SCRIPT is missing or "-"),
          one per line, in order, in one shell on the world. Blank lines and lines
          starting with # are skipped; a line ending in \\ continues on the next line.
          Output goes where the commands print it (stdout or stderr). The exit code
          is the last command's exit code (0 when there was no command).
  shell   Interactive shell on the world (history in ~/.vethlab_history; Ctrl-D or
          "exit" leaves, Ctrl-C clears the line).
${LAB_HELP}
Options:
  -w, --world NAME       world preset to start from (default: ${DEFAULT_WORLD})
  -t, --transcript FILE  (run) also write, for each command: "$ <command line>",
                         its stdout and stderr, "[exit N]" and an empty line
      --pcap FILE        (run) at the end, write the packets of the last traced
                         command (ping, curl, nc, traceroute, dhclient: the trace
                         the topology view shows) as a pcapng file, one interface
                         per link they crossed
  -h, --help             show this help
  -V, --version          show the version

The current directory is the simulated root's home (/root), read-only: "cat FILE"
reads your files; writes stay in the simulation.
Exit status 2: bad usage, unknown world, unreadable script, transcript or pcap file.
`;

const VALUE_OPTIONS: Record<string, 'world' | 'transcript' | 'pcap'> = {
  '-w': 'world',
  '--world': 'world',
  '-t': 'transcript',
  '--transcript': 'transcript',
  '--pcap': 'pcap',
};

const HELP = new Set(['-h', '--help']);
const VERSION = new Set(['-V', '--version']);

export function parseArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined) return { kind: 'usage-error', message: 'missing command (run or shell)' };
  if (command === 'help' || HELP.has(command)) return { kind: 'help' };
  if (command === 'version' || VERSION.has(command)) return { kind: 'version' };
  if (command === 'lab') return parseLabArgs(rest);
  if (command !== 'run' && command !== 'shell') return { kind: 'usage-error', message: `unknown command '${command}'` };
  const options = parseOptions(rest);
  if (typeof options === 'string') return { kind: 'usage-error', message: options };
  if (options.help) return { kind: 'help' };
  if (options.version) return { kind: 'version' };
  const world = options.world ?? DEFAULT_WORLD;
  if (command === 'shell') {
    if (options.transcript !== undefined) return { kind: 'usage-error', message: "'--transcript' is only for 'run'" };
    if (options.pcap !== undefined) return { kind: 'usage-error', message: "'--pcap' is only for 'run'" };
    if (options.positional.length > 0) return { kind: 'usage-error', message: `unexpected argument '${options.positional[0]}'` };
    return { kind: 'shell', world };
  }
  if (options.positional.length > 1) return { kind: 'usage-error', message: `unexpected argument '${options.positional[1]}'` };
  const script = options.positional[0];
  return {
    kind: 'run',
    world,
    ...(options.transcript !== undefined && { transcript: options.transcript }),
    ...(options.pcap !== undefined && { pcap: options.pcap }),
    ...(script !== undefined && script !== '-' && { script }),
  };
}

interface Options {
  help?: boolean;
  version?: boolean;
  world?: string;
  transcript?: string;
  pcap?: string;
  positional: string[];
}

function parseOptions(args: readonly string[]): Options | string {
  const options: Options = { positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      options.positional.push(...args.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = VALUE_OPTIONS[name];
    if (key) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') return `option '${name}' needs a value`;
      options[key] = value;
      continue;
    }
    if (HELP.has(arg)) options.help = true;
    else if (VERSION.has(arg)) options.version = true;
    else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else options.positional.push(arg);
  }
  return options;
}
