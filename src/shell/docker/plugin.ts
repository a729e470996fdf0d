/** docker plugin install / ls / enable / disable / rm / inspect / set, from the offline plugin catalog. */
import { catalogEntry, findPlugin, fullName, installPlugin, layersOf, notFound, pluginDigest, pluginInUse, pluginsOf, type Plugin } from '../../engine/docker/plugins';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, daemonError, usageError, type DockerCtx, errorResponse } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';
import { ellipsis, tabwrite } from './table';

const USAGE = `
Usage:  docker plugin COMMAND

Manage plugins

Commands:
  create      Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.
  disable     Disable a plugin
  enable      Enable a plugin
  inspect     Display detailed information on one or more plugins
  install     Install a plugin
  ls          List plugins
  push        Push a plugin to a registry
  rm          Remove one or more plugins
  set         Change settings for a plugin
  upgrade     Upgrade an existing plugin

Run 'docker plugin COMMAND --help' for more information on a command.
`;

function install(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('grant-all-permissions alias= disable disable-content-trust'), true);
  if (!parsed.ok) return usageError('plugin install', parsed.error);
  const [ref, ...settings] = parsed.value.args;
  if (ref === undefined) return argsError('plugin install', '[OPTIONS] PLUGIN [KEY=VALUE...]', 'Install a plugin');
  const out = new Output();
  const found = catalogEntry(ref);
  if (!found) return daemonError(`pull access denied for ${ref.replace(/:.*$/, '')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  if (!has(parsed.value, 'grant-all-permissions')) {
    out.line(`Plugin ${JSON.stringify(ref)} is requesting the following privileges:`);
    for (const [name, value] of found.entry.privileges) out.line(` - ${name}: ${value}`);
    out.out('Do you grant the above permissions? [y/N] ');
    const answer = d.sh.stdin.split('\n')[0]?.trim().toLowerCase() ?? '';
    if (answer !== 'y' && answer !== 'yes') return { stdout: out.stdout, stderr: `permission denied while installing plugin ${fullName(ref)}\n`, exitCode: 1 };
  }
  const r = installPlugin(d.sh.world, d.daemon, ref, last(parsed.value, 'alias'), settings, !has(parsed.value, 'disable'));
  if (!r.ok) return { stdout: out.stdout, stderr: errorResponse(`${r.error}\n`), exitCode: 1 };
  out.line(`${found.tag}: Pulling from ${found.entry.repo}`);
  for (const l of layersOf(ref)) out.line(`${l}: Download complete `);
  out.line(`Digest: ${pluginDigest(ref)}`);
  out.line(`Status: Downloaded newer image for ${fullName(ref)}`);
  out.line(`Installed plugin ${ref}`);
  return out.done(0);
}

function ls(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet no-trunc format= f|filter='), true);
  if (!parsed.ok) return usageError('plugin ls', parsed.error);
  const noTrunc = has(parsed.value, 'no-trunc');
  const list = pluginsOf(d.daemon);
  if (has(parsed.value, 'quiet')) return success(list.map((p) => (noTrunc ? p.id : p.id.slice(0, 12)) + '\n').join(''));
  const rows = list.map((p) => [noTrunc ? p.id : p.id.slice(0, 12), p.name, noTrunc ? p.description : ellipsis(p.description, 45), String(p.enabled)]);
  return success(tabwrite([['ID', 'NAME', 'DESCRIPTION', 'ENABLED'], ...rows]));
}

/** enable / disable / rm: one plugin each, the name echoed back. */
function each(d: DockerCtx, argv: string[], cmd: string, flags: Array<{ long: string; short?: string; value: boolean }>, action: (p: Plugin, force: boolean) => string | null, many: boolean): CommandResult {
  const parsed = parseFlags(argv, flags, true);
  if (!parsed.ok) return usageError(`plugin ${cmd}`, parsed.error);
  const names = parsed.value.args;
  if (names.length === 0 || (!many && names.length > 1)) return argsError(`plugin ${cmd}`, many ? '[OPTIONS] PLUGIN [PLUGIN...]' : '[OPTIONS] PLUGIN', `${cmd[0]!.toUpperCase()}${cmd.slice(1)} a plugin`, many ? 'at least 1 argument' : 'exactly 1 argument');
  const out = new Output();
  let failed = false;
  for (const ref of names) {
    const p = findPlugin(d.daemon, ref);
    const error = p ? action(p, has(parsed.value, 'force')) : notFound(ref);
    if (error) {
      out.err(errorResponse(error));
      failed = true;
      continue;
    }
    out.line(ref);
  }
  d.sh.world.changed();
  return out.done(failed ? 1 : 0);
}

function inspect(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|format='), true);
  if (!parsed.ok) return usageError('plugin inspect', parsed.error);
  if (parsed.value.args.length === 0) return argsError('plugin inspect', '[OPTIONS] PLUGIN [PLUGIN...]', 'Display detailed information on one or more plugins');
  const found: Plugin[] = [];
  for (const ref of parsed.value.args) {
    const p = findPlugin(d.daemon, ref);
    if (!p) return fail(`Error: No such plugin: ${ref}`, 1);
    found.push(p);
  }
  const format = last(parsed.value, 'format');
  if (format !== undefined) {
    const m = /^\{\{\s*\.(\w+)\s*\}\}$/.exec(format);
    const field: Record<string, (p: Plugin) => string> = { Enabled: (p) => String(p.enabled), Name: (p) => p.name, Id: (p) => p.id, ID: (p) => p.id, PluginReference: (p) => p.reference };
    const fn = m ? field[m[1]!] : undefined;
    if (fn) return success(found.map((p) => fn(p) + '\n').join(''));
  }
  const json = found.map((p) => ({
    Config: { Description: p.description, Interface: { Socket: p.type === 'volumedriver' ? 'sshfs.sock' : 'weave.sock', Types: [p.type === 'volumedriver' ? 'docker.volumedriver/1.0' : 'docker.networkdriver/1.0'] } },
    Enabled: p.enabled,
    Id: p.id,
    Name: p.name,
    PluginReference: p.reference,
    Settings: { Env: p.env },
  }));
  return success(JSON.stringify(json, null, 4) + '\n');
}

export function dockerPlugin(d: DockerCtx, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case undefined:
      return success(USAGE);
    case 'install':
      return install(d, rest);
    case 'ls':
    case 'list':
      return ls(d, rest);
    case 'enable':
      return each(d, rest, 'enable', flagSpecs('timeout='), (p) => {
        if (p.enabled) return `plugin ${p.name} is already enabled`;
        p.enabled = true;
        return null;
      }, false);
    case 'disable':
      return each(d, rest, 'disable', flagSpecs('f|force'), (p, force) => {
        if (!p.enabled) return `plugin ${p.name} is already disabled`;
        if (pluginInUse(d.daemon, p) && !force) return `plugin ${p.name} is in use`;
        p.enabled = false;
        return null;
      }, false);
    case 'rm':
    case 'remove':
      return each(d, rest, 'rm', flagSpecs('f|force'), (p, force) => {
        if (p.enabled && !force) return `plugin ${p.name} is enabled`;
        if (pluginInUse(d.daemon, p) && force) return `plugin ${p.name} is in use`;
        const list = pluginsOf(d.daemon);
        list.splice(list.indexOf(p), 1);
        return null;
      }, true);
    case 'inspect':
      return inspect(d, rest);
    case 'set': {
      const [ref, ...settings] = rest;
      const p = ref === undefined ? undefined : findPlugin(d.daemon, ref);
      if (ref === undefined || settings.length === 0) return argsError('plugin set', 'PLUGIN KEY=VALUE [KEY=VALUE...]', 'Change settings for a plugin', 'at least 2 arguments');
      if (!p) return daemonError(notFound(ref));
      if (p.enabled) return daemonError(`cannot set on an active plugin, disable plugin before setting`);
      for (const s of settings) p.env = [...p.env.filter((e) => e.split('=')[0] !== s.split('=')[0]), s];
      return success();
    }
    default:
      return fail(`docker: 'plugin ${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  }
}

