/**
 * `vm`: Vethlab's own command (no real tool prints this) for the virtual machines a host runs,
 * as QEMU/libvirt would: each VM is a simulated Linux host whose NIC eth0 is plugged into a
 * tap device of this host (the VM holds the tap open, so the tap gets carrier).
 *
 *   vm create NAME --tap TAP [--mac MAC]   boot a VM on TAP
 *   vm ls                                  list VMs
 *   vm exec NAME CMD…  (or vm console)     run a command inside the VM
 *   vm rm NAME                             power it off; the tap stays, without carrier
 */
import { linkByName } from '../../engine/net/links';
import { parseMac } from '../../engine/net/mac';
import { formatIpv4 } from '../../engine/net/ipv4';
import { addrs4Of } from '../../engine/net/addr';
import { createVm, listVms, removeVm, vmByName, type Vm } from '../../engine/vm';
import { SimFs } from '../fs';
import type { Output } from '../types';
import type { Proc, ProcContext } from '../jobs/process';

export const VM_USAGE = `Usage: vm create NAME --tap TAP [--mac MAC]
       vm ls
       vm exec NAME COMMAND [ARG...]
       vm console NAME COMMAND [ARG...]
       vm rm NAME`;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

export function* vm(argv: string[], ctx: ProcContext, out: Output): Proc {
  const sub = argv[1];
  if (sub === 'create') return create(argv.slice(2), ctx, out);
  if (sub === 'ls' || sub === 'list') return list(ctx, out);
  if (sub === 'rm' || sub === 'destroy') return remove(argv.slice(2), ctx, out);
  if (sub === 'exec' || sub === 'console') return yield* exec(argv.slice(2), ctx, out);
  if (sub === undefined || sub === 'help' || sub === '--help') {
    out.err(VM_USAGE);
    return sub === undefined ? 2 : 0;
  }
  out.err(`vm: unknown command '${sub}'\n${VM_USAGE}`);
  return 2;
}

function create(args: string[], ctx: ProcContext, out: Output): number {
  let name: string | undefined;
  let tapName: string | undefined;
  let macText: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--tap' || a === '--mac') {
      const v = args[++i];
      if (v === undefined) return fail(out, `vm: option '${a}' needs a value`);
      if (a === '--tap') tapName = v;
      else macText = v;
    } else if (a.startsWith('--tap=')) tapName = a.slice(6);
    else if (a.startsWith('--mac=')) macText = a.slice(6);
    else if (a.startsWith('-')) return fail(out, `vm: unknown option '${a}'\n${VM_USAGE}`);
    else if (name === undefined) name = a;
    else return fail(out, `vm: unexpected argument '${a}'\n${VM_USAGE}`);
  }
  if (name === undefined || tapName === undefined) return fail(out, VM_USAGE);
  if (!NAME.test(name)) return fail(out, `vm: '${name}' is not a valid VM name`);
  if (vmByName(ctx.world, name)) return fail(out, `vm: a VM named '${name}' already exists`);
  const tap = linkByName(ctx.world, ctx.ns.id, tapName);
  if (!tap) return fail(out, `vm: ${tapName}: no such device (create it with: ip tuntap add ${tapName} mode tap)`);
  if (tap.kind !== 'tun') return fail(out, `vm: ${tapName} is not a tap device`);
  if (tap.tun?.mode !== 'tap') return fail(out, `vm: ${tapName} is a tun device (layer 3): a VM's NIC needs a tap`);
  if (tap.peerId !== null) {
    const owner = listVms(ctx.world).find((v) => v.tap?.id === tap.id);
    return fail(out, `vm: ${tapName} is already in use by ${owner?.host.name ?? 'another VM'}`);
  }
  let mac: string;
  if (macText !== undefined) {
    const parsed = parseMac(macText);
    if (!parsed || (parseInt(parsed.slice(0, 2), 16) & 1) === 1) return fail(out, `vm: '${macText}' is not a unicast MAC address`);
    mac = parsed;
  } else {
    // libvirt's range: 52:54:00 (QEMU's OUI) and three random bytes.
    mac = ['52', '54', '00', ...ctx.world.rng.bytes(3).map((b) => b.toString(16).padStart(2, '0'))].join(':');
  }
  const made = createVm(ctx.world, name, tap, mac);
  out.line(`vm ${name} started: eth0 ${made.nic.mac} on ${tapName}`);
  return 0;
}

function addresses(ctx: ProcContext, v: Vm): string {
  const ns = ctx.world.netns(v.host.rootNsId);
  const list = addrs4Of(ns, v.nic).map((a) => `${formatIpv4(a.local)}/${a.prefixLen}`);
  return list.length ? list.join(',') : '-';
}

function list(ctx: ProcContext, out: Output): number {
  const rows = [['NAME', 'STATE', 'TAP', 'MAC', 'ADDRESSES'], ...listVms(ctx.world).map((v) => [v.host.name, 'running', v.tap?.name ?? '-', v.nic.mac, addresses(ctx, v)])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) out.line(r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]! + 3))).join(''));
  return 0;
}

function remove(args: string[], ctx: ProcContext, out: Output): number {
  if (args.length === 0) return fail(out, VM_USAGE);
  let status = 0;
  for (const name of args) {
    const v = vmByName(ctx.world, name);
    if (!v) {
      out.err(`vm: no VM named '${name}'`);
      status = 1;
      continue;
    }
    removeVm(ctx.world, v);
  }
  return status;
}

/** Runs the command on the VM's own kernel and files, as a console login would. */
function* exec(args: string[], ctx: ProcContext, out: Output): Proc {
  const [name, ...command] = args;
  if (name === undefined || command.length === 0) return fail(out, VM_USAGE);
  const v = vmByName(ctx.world, name);
  if (!v) return fail(out, `vm: no VM named '${name}'`);
  const fs = new SimFs(ctx.world, v.host);
  const inside: ProcContext = { ...ctx, host: v.host, ns: ctx.world.netns(v.host.rootNsId), fs, cwd: '/root' };
  return yield* ctx.spawn(command, inside, out);
}

function fail(out: Output, message: string): number {
  out.err(message);
  return message === VM_USAGE ? 2 : 1;
}
