/** Shared test fixtures: a fresh bare world with a shell, and a runner that returns each result. */
import { createBareWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

export function bareShell(): Shell {
  const { world, host } = createBareWorld();
  return new Shell(world, host);
}

export function runAll(shell: Shell, lines: string[]): { stdout: string; stderr: string; exitCode: number }[] {
  return lines.map((l) => shell.run(l));
}

/** Output must never leak JavaScript internals. */
export const LEAKS = /undefined|NaN|\[object Object\]|at .*\(.*\.ts:\d+|TypeError|ReferenceError/;

/** Namespace red joined to the host by a veth pair: host 10.0.0.1/24 on veth-host, red 10.0.0.2/24 on veth-red, both up. */
export const RED_ON_HOST: readonly string[] = [
  'ip netns add red',
  'ip link add veth-host type veth peer name veth-red',
  'ip link set veth-red netns red',
  'ip addr add 10.0.0.1/24 dev veth-host',
  'ip link set veth-host up',
  'ip -n red addr add 10.0.0.2/24 dev veth-red',
  'ip -n red link set veth-red up',
];
