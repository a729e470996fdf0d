/**
 * Judges a check against the world, never against what the learner typed: object checks read
 * the kernel's state; reachability and command checks run a real simulated process in a
 * scratch copy of the world, so judging never changes the world (nor anything that holds it).
 */
import { World } from '../../engine/world';
import { formatIpv4, parseIpv4, parsePrefixLoose } from '../../engine/net/ipv4';
import { linkByName } from '../../engine/net/links';
import { netnsByName } from '../../engine/net/netns';
import { readSysctl } from '../../engine/net/sysctl';
import { TABLE_MAIN, type Host, type Netns } from '../../engine/net/types';
import { echoRequest } from '../../engine/packet/packet';
import { explain, sendPacket } from '../../engine/packet/walk';
import { Shell } from '../../shell/shell';
import { ROOT_NS, type Check, type CheckSpec } from './syntax';

export interface Verdict {
  pass: boolean;
  /** What was found, for a failing check ("veth-red in red is DOWN"). */
  detail?: string;
}

export function judge(world: World, host: Host, check: Check): Verdict {
  const spec = check.spec;
  if (spec.kind === 'invalid') return { pass: false, detail: spec.message };
  return judgeSpec(world, host, spec);
}

function judgeSpec(world: World, host: Host, spec: CheckSpec): Verdict {
  switch (spec.kind) {
    case 'netns': {
      const exists = netnsByName(world, host, spec.name) !== undefined;
      return verdict(exists === spec.expect, exists ? `netns ${spec.name} exists` : `there is no netns ${spec.name}`);
    }
    case 'ping':
      return judgePing(world, host, spec.from, spec.target, spec.expect);
    case 'command':
      return judgeCommand(world, host, spec);
    case 'container-ping':
      return judgeContainerPing(world, host, spec);
    case 'container':
      return judgeContainer(world, host, spec);
    case 'docker-object':
      return judgeDockerObject(world, host, spec);
  }
  const ns = namespace(world, host, spec.ns);
  if (!ns) return { pass: false, detail: `there is no netns ${spec.ns}` };
  switch (spec.kind) {
    case 'link-exists': {
      const exists = linkByName(world, ns.id, spec.link) !== undefined;
      return verdict(exists === spec.expect, exists ? `${spec.link} exists in ${spec.ns}` : `no link ${spec.link} in ${spec.ns}`);
    }
    case 'link-up': {
      const link = linkByName(world, ns.id, spec.link);
      if (!link) return { pass: false, detail: `no link ${spec.link} in ${spec.ns}` };
      return verdict(link.adminUp === spec.up, `${spec.link} in ${spec.ns} is ${link.adminUp ? 'UP' : 'DOWN'}`);
    }
    case 'link-master': {
      const link = linkByName(world, ns.id, spec.link);
      if (!link) return { pass: false, detail: `no link ${spec.link} in ${spec.ns}` };
      const master = link.masterId === null ? null : (world.state.links[link.masterId]?.name ?? null);
      return verdict(master === spec.master, master === null ? `${spec.link} has no master` : `${spec.link} is a port of ${master}`);
    }
    case 'address':
      return judgeAddress(world, ns, spec);
    case 'route':
      return judgeRoute(world, ns, spec);
    case 'sysctl': {
      const value = readSysctl(world, ns, spec.key);
      if (value === undefined) return { pass: false, detail: `no sysctl ${spec.key}` };
      return verdict(value.trim() === spec.value, `${spec.key} = ${value.trim()} in ${spec.ns}`);
    }
    case 'neighbour': {
      const ip = parseIpv4(spec.ip);
      const known = ns.neigh.some((n) => n.ip === ip && n.mac !== null && n.state !== 'FAILED' && n.state !== 'INCOMPLETE');
      return verdict(known === spec.expect, known ? `${spec.ns} has ${spec.ip} in its ARP table` : `${spec.ns} has no MAC for ${spec.ip} in its ARP table`);
    }
  }
}

function verdict(pass: boolean, detail: string): Verdict {
  return pass ? { pass } : { pass, detail };
}

function namespace(world: World, host: Host, name: string): Netns | undefined {
  return name === ROOT_NS ? world.state.netns[host.rootNsId] : netnsByName(world, host, name);
}

function judgeAddress(world: World, ns: Netns, spec: Extract<CheckSpec, { kind: 'address' }>): Verdict {
  const prefix = parsePrefixLoose(spec.cidr);
  const link = linkByName(world, ns.id, spec.dev);
  if (!prefix) return { pass: false, detail: `"${spec.cidr}" is not an address/prefix` };
  if (!link) return { pass: spec.expect === false, detail: `no link ${spec.dev} in ${spec.ns}` };
  const found = ns.addrs.some((a) => a.family === 4 && a.linkId === link.id && a.local === prefix.addr && a.prefixLen === prefix.len);
  const others = ns.addrs.filter((a) => a.family === 4 && a.linkId === link.id).map((a) => `${formatIpv4(a.local as number)}/${a.prefixLen}`);
  return verdict(found === spec.expect, found ? `${spec.cidr} is on ${spec.dev}` : `${spec.dev} in ${spec.ns} has ${others.length ? others.join(', ') : 'no IPv4 address'}`);
}

function judgeRoute(world: World, ns: Netns, spec: Extract<CheckSpec, { kind: 'route' }>): Verdict {
  const prefix = parsePrefixLoose(spec.dst);
  const gateway = spec.via === null ? null : parseIpv4(spec.via);
  if (!prefix || (spec.via !== null && gateway === null)) return { pass: false, detail: 'bad address in the route check' };
  const link = spec.dev === null ? null : linkByName(world, ns.id, spec.dev);
  const found = ns.routes.some(
    (r) =>
      r.table === TABLE_MAIN &&
      r.type === 'unicast' &&
      r.dst === prefix.addr &&
      r.len === prefix.len &&
      (gateway === null || r.gateway === gateway) &&
      (spec.dev === null || (link !== undefined && link !== null && r.linkId === link.id)),
  );
  const main = ns.routes.filter((r) => r.table === TABLE_MAIN).length;
  return verdict(found === spec.expect, found ? `the route is in ${spec.ns}'s table` : `no such route in ${spec.ns} (its main table has ${main} route${main === 1 ? '' : 's'})`);
}

/** Runs `fn` on a copy of the world (same state, clock and random numbers); the world itself is untouched. */
export function inScratchCopy<T>(world: World, host: Host, fn: (copy: World, host: Host) => T): T {
  const copy = new World();
  copy.restore(world.snapshot());
  return fn(copy, copy.host(host.id));
}

function judgePing(world: World, host: Host, from: string, target: string, expect: boolean): Verdict {
  const ns = namespace(world, host, from);
  if (!ns) return { pass: false, detail: `there is no netns ${from}` };
  const prefix = from === ROOT_NS ? '' : `ip netns exec ${from} `;
  return inScratchCopy(world, host, (copy, copyHost) => {
    const result = new Shell(copy, copyHost).run(`${prefix}ping -c 2 -i 0.2 -W 1 ${target}`);
    const reached = result.exitCode === 0;
    if (reached === expect) return { pass: true };
    if (reached) return { pass: false, detail: `${from} can ping ${target}` };
    return { pass: false, detail: whyNot(world, host, ns, target, result.stdout + result.stderr) };
  });
}

/** The packet walker's explanation, else ping's own words. */
function whyNot(world: World, host: Host, ns: Netns, target: string, output: string): string {
  const dst = parseIpv4(target);
  const pingSays = output.split('\n').find((l) => /ping:|unreachable|packet loss/i.test(l))?.trim() ?? 'no reply';
  if (dst === null) return pingSays;
  return inScratchCopy(world, host, (copy) => {
    const walk = sendPacket(copy, copy.netns(ns.id), echoRequest(0, dst, { id: 0x7e57, seq: 1, dataLen: 56, ttl: 64 }));
    const why = walk.error ? undefined : explain(copy, walk.trace);
    return why ?? pingSays;
  });
}

/** What `docker` prints (or null when it fails), run in a scratch copy. */
function docker(world: World, host: Host, line: string): { out: string; exitCode: number } {
  return inScratchCopy(world, host, (copy, copyHost) => {
    const result = new Shell(copy, copyHost).run(line);
    return { out: (result.stdout + result.stderr).trim(), exitCode: result.exitCode };
  });
}

function judgeContainer(world: World, host: Host, spec: Extract<CheckSpec, { kind: 'container' }>): Verdict {
  const r = docker(world, host, `docker inspect -f '{{.State.Status}}' ${spec.container}`);
  if (r.exitCode !== 0) return verdict(!spec.expect, r.out.split('\n')[0] || `no container ${spec.container}`);
  if (spec.status === 'exists') return verdict(spec.expect, `container ${spec.container} exists (${r.out})`);
  return verdict((r.out === spec.status) === spec.expect, `container ${spec.container} is ${r.out}`);
}

/** `volume NAME exists`, `image NAME exists`: the daemon's inspect finds it. */
function judgeDockerObject(world: World, host: Host, spec: Extract<CheckSpec, { kind: 'docker-object' }>): Verdict {
  const r = docker(world, host, `docker ${spec.object} inspect -f '${spec.object === 'volume' ? '{{.Name}}' : '{{.Id}}'}' ${spec.name}`);
  const exists = r.exitCode === 0;
  return verdict(exists === spec.expect, exists ? `${spec.object} ${spec.name} exists` : `no ${spec.object} ${spec.name}`);
}

function judgeContainerPing(world: World, host: Host, spec: Extract<CheckSpec, { kind: 'container-ping' }>): Verdict {
  const r = docker(world, host, `docker exec ${spec.container} ping -c 2 -i 0.2 -W 1 ${spec.target}`);
  const reached = r.exitCode === 0;
  if (reached === spec.expect) return { pass: true };
  if (reached) return { pass: false, detail: `container ${spec.container} can ping ${spec.target}` };
  return { pass: false, detail: r.out.split('\n').find((l) => /ping:|unreachable|packet loss|Error|exec failed/i.test(l))?.trim() ?? 'no reply' };
}

function judgeCommand(world: World, host: Host, spec: Extract<CheckSpec, { kind: 'command' }>): Verdict {
  const ns = namespace(world, host, spec.ns);
  if (!ns) return { pass: false, detail: `there is no netns ${spec.ns}` };
  const line = spec.ns === ROOT_NS ? spec.command : `ip netns exec ${spec.ns} sh -c '${spec.command.replace(/'/g, `'\\''`)}'`;
  return inScratchCopy(world, host, (copy, copyHost) => {
    const result = new Shell(copy, copyHost).run(line);
    const output = result.stdout + result.stderr;
    for (const p of spec.predicates) {
      if (p.kind === 'exits' && result.exitCode !== p.code) return { pass: false, detail: `"${spec.command}" exited ${result.exitCode}${firstLine(result.stderr)}` };
      if (p.kind === 'contains' && output.includes(p.text) === p.negate) {
        return { pass: false, detail: `the output of "${spec.command}" ${p.negate ? 'contains' : 'does not contain'} "${p.text}"` };
      }
    }
    return { pass: true };
  });
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]?.trim();
  return line ? `: ${line}` : '';
}
