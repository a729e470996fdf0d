/**
 * `ssh HOST` and `ssh HOST COMMAND…`: Vethlab's simulation of ssh between the hosts of a world.
 * No keys, no password, no sshd: `ssh node2` opens a login shell on node2 (the prompt changes)
 * until `exit`; `ssh node2 CMD` runs one command line there and returns its status.
 */
import type { World } from '../../engine/world';
import type { Host } from '../../engine/net/types';
import { formatIpv4 } from '../../engine/net/ipv4';
import type { CommandResult, Output } from '../types';

export interface SshSession {
  world: World;
  /** Opens a login shell on `host` (the shell's current host until `exit`). */
  login(host: Host): void;
  /** Runs a command line in a fresh shell on `host`. */
  runOn(host: Host, line: string): CommandResult;
}

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]`;

/** Options that take a value (skipped: the simulation has no keys, ports or configs). */
const VALUED = new Set(['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-P', '-p', '-R', '-S', '-W', '-w']);

export function ssh(args: string[], session: SshSession, out: Output): number {
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) i += VALUED.has(args[i]!) ? 2 : 1;
  const destination = args[i];
  if (destination === undefined) {
    out.err(USAGE);
    return 255;
  }
  const name = destination.slice(destination.lastIndexOf('@') + 1);
  const host = resolveHost(session.world, name);
  if (!host) {
    out.err(`ssh: Could not resolve hostname ${name}: Name or service not known`);
    return 255;
  }
  const command = args.slice(i + 1);
  if (command.length === 0) {
    session.login(host);
    return 0;
  }
  const result = session.runOn(host, command.join(' '));
  out.out(result.stdout);
  if (result.stderr) out.stderr += result.stderr;
  return result.exitCode;
}

/** A learner-visible host by hostname or by one of its root namespace's IPv4 addresses. */
export function resolveHost(world: World, name: string): Host | undefined {
  const hosts = Object.values(world.state.hosts).filter((h) => h.role === 'linux');
  const byName = hosts.find((h) => h.hostname === name || h.name === name);
  if (byName) return byName;
  if (name === 'localhost') return undefined;
  return hosts.find((h) => world.netns(h.rootNsId).addrs.some((a) => a.family === 4 && formatIpv4(a.local) === name));
}
