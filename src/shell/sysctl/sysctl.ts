/** procps-ng sysctl: read and write the namespace's net.* keys (and /proc/sys paths). */
import { readSysctl, sysctlKeys, writeSysctl } from '../../engine/net/sysctl';
import { Output, type CommandFn, type ShellContext } from '../types';

interface SysctlOptions {
  values: boolean;
  names: boolean;
  quiet: boolean;
  write: boolean;
  ignore: boolean;
}

export const sysctl: CommandFn = (argv, ctx) => {
  const opts: SysctlOptions = { values: false, names: false, quiet: false, write: false, ignore: false };
  const out = new Output();
  const keys: string[] = [];
  let all = false;
  let load: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      keys.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-p' || a === '--load') {
      load = argv[i + 1] && !argv[i + 1]!.startsWith('-') ? argv[++i] : '/etc/sysctl.conf';
      continue;
    }
    if (a.startsWith('--')) {
      const long: Record<string, keyof SysctlOptions | 'all'> = { '--values': 'values', '--names': 'names', '--quiet': 'quiet', '--write': 'write', '--ignore': 'ignore', '--all': 'all' };
      const flag = long[a];
      if (!flag) return out.err(`sysctl: unrecognized option '${a}'${USAGE}`).done(1);
      if (flag === 'all') all = true;
      else opts[flag] = true;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (f === 'n') opts.values = true;
        else if (f === 'N') opts.names = true;
        else if (f === 'q') opts.quiet = true;
        else if (f === 'w') opts.write = true;
        else if (f === 'e') opts.ignore = true;
        else if (f === 'a' || f === 'A' || f === 'X') all = true;
        else return out.err(`sysctl: invalid option -- '${f}'${USAGE}`).done(1);
      }
      continue;
    }
    keys.push(a);
  }
  if (load !== undefined) return loadFile(ctx, load, opts, out);
  if (all) {
    for (const key of sysctlKeys(ctx.world, ctx.ns)) printSetting(out, opts, key, readSysctl(ctx.world, ctx.ns, key)!);
    return out.done(0);
  }
  if (keys.length === 0) return out.err(USAGE).done(1);
  let status = 0;
  for (const key of keys) {
    if (opts.write && !key.includes('=')) {
      // procps reports the malformed argument and gives up on the rest of the line.
      out.err('sysctl: command line(0): invalid syntax, continuing...');
      return out.done(1);
    }
    const ok = opts.write || key.includes('=') ? writeSetting(ctx, key, opts, out) : readSetting(ctx, key, opts, out);
    if (!ok) status = 1;
  }
  return out.done(status);
};

function normalize(key: string): string {
  return key.replace(/\//g, '.');
}

function printSetting(out: Output, opts: SysctlOptions, key: string, value: string): void {
  if (opts.values) out.line(value);
  else if (opts.names) out.line(key);
  else out.line(`${key} = ${value}`);
}

function readSetting(ctx: ShellContext, raw: string, opts: SysctlOptions, out: Output): boolean {
  const key = normalize(raw);
  const value = readSysctl(ctx.world, ctx.ns, key);
  if (value === undefined) {
    if (opts.ignore) return true;
    out.err(`sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory`);
    return false;
  }
  printSetting(out, opts, key, value);
  return true;
}

function writeSetting(ctx: ShellContext, raw: string, opts: SysctlOptions, out: Output): boolean {
  const eq = raw.indexOf('=');
  const key = normalize(raw.slice(0, eq).trim());
  const value = raw.slice(eq + 1).trim();
  if (key === '') {
    out.err(`sysctl: malformed setting "${raw}"`);
    return false;
  }
  const error = writeSysctl(ctx.world, ctx.ns, key, value);
  if (error === 'ENOENT') {
    if (opts.ignore) return true;
    out.err(`sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory`);
    return false;
  }
  if (error) {
    out.err(`sysctl: setting key "${key}": Invalid argument`);
    return false;
  }
  if (!opts.quiet) printSetting(out, opts, key, readSysctl(ctx.world, ctx.ns, key)!);
  return true;
}

function loadFile(ctx: ShellContext, path: string, opts: SysctlOptions, out: Output) {
  const file = ctx.fs.read(path.startsWith('/') ? path : `${ctx.cwd}/${path}`, ctx.ns);
  if (!file.ok) return out.err(`sysctl: cannot open "${path}": No such file or directory`).done(1);
  let status = 0;
  for (const line of file.data.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith(';')) continue;
    if (!writeSetting(ctx, t, opts, out)) status = 1;
  }
  return out.done(status);
}

const USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).`;
