/** NAT targets: `-j DNAT --to-destination`, `-j SNAT --to-source`, `-j MASQUERADE`, `-j REDIRECT`. */
import { formatIpv4 } from '../../../engine/net/ipv4';
import type { NatFlags, NatRange, PortRange, Target } from '../../../engine/netfilter/types';
import { paramError, type IptError } from '../errors';
import { inetPton, strtouiPrefix } from '../numbers';
import { mustBeSpecified, x6Checks } from './common';
import type { ExtOption, ParseEnv, TargetExtension } from './types';

interface NatState extends NatFlags {
  range: NatRange | null;
  ports: PortRange | null;
}

const PORT_PROTOS = new Set([6, 17, 33, 132, 136]);

function portsAllowed(env: ParseEnv): boolean {
  return env.proto !== null && PORT_PROTOS.has(env.proto) && !env.protoInverted;
}

/** parse_ports: "80" or "80-90". */
function parsePorts(text: string): PortRange | IptError {
  const first = strtouiPrefix(text, 0xffff);
  if (!first) return paramError(`Port \`${text}' not valid`);
  if (first.rest === '') return { lo: first.value, hi: first.value };
  if (first.rest.startsWith(':')) return paramError('Invalid port:port syntax - use dash');
  if (!first.rest.startsWith('-')) return paramError(`Garbage after port value: \`${first.rest}'`);
  const maxText = first.rest.slice(1);
  const second = strtouiPrefix(maxText, 0xffff);
  if (!second) return paramError(`Port \`${maxText}' not valid`);
  if (second.rest !== '') return paramError(`Garbage after port value: \`${second.rest}'`);
  if (second.value < first.value) return paramError(`Port range \`${maxText}' funky`);
  return { lo: first.value, hi: second.value };
}

const needPorts = (): IptError => paramError('Need TCP, UDP, SCTP or DCCP with port specification');

/** parse_to: "[ip[-ip]][:port[-port]]" (two colons read as one address, which then fails). */
function parseTo(text: string, env: ParseEnv): NatRange | IptError {
  let colon = text.indexOf(':');
  if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) colon = -1;
  const range: NatRange = { minIp: null, maxIp: null, minPort: null, maxPort: null };
  if (colon >= 0) {
    if (!portsAllowed(env)) return needPorts();
    const ports = parsePorts(text.slice(colon + 1));
    if ('kind' in ports) return ports;
    range.minPort = ports.lo;
    range.maxPort = ports.hi;
    if (colon === 0) return range;
  }
  const ipPart = colon >= 0 ? text.slice(0, colon) : text;
  const dash = ipPart.indexOf('-');
  const minText = dash < 0 ? ipPart : ipPart.slice(0, dash);
  const min = inetPton(minText);
  if (min === null) return paramError(`Bad IP address "${minText}"`);
  const max = dash < 0 ? min : inetPton(ipPart.slice(dash + 1));
  if (max === null) return paramError(`Bad IP address "${ipPart.slice(dash + 1)}"`);
  range.minIp = min;
  range.maxIp = max;
  return range;
}

type NatKind = 'DNAT' | 'SNAT' | 'MASQUERADE' | 'REDIRECT';

function flagOptions(kind: NatKind): ExtOption[] {
  const out: ExtOption[] = [{ name: 'random', hasArg: 0, id: 'random' }];
  if (kind !== 'REDIRECT' && kind !== 'DNAT') out.push({ name: 'random-fully', hasArg: 0, id: 'randomFully' });
  if (kind === 'DNAT' || kind === 'SNAT') out.push({ name: 'persistent', hasArg: 0, id: 'persistent' });
  return out;
}

const TO_OPTION: Record<NatKind, string> = { DNAT: 'to-destination', SNAT: 'to-source', MASQUERADE: 'to-ports', REDIRECT: 'to-ports' };

function makeTarget(kind: NatKind): TargetExtension<NatState> {
  const options: ExtOption[] = [{ name: TO_OPTION[kind], hasArg: 1, id: 'to' }, ...flagOptions(kind)];
  const address = kind === 'DNAT' || kind === 'SNAT';
  return {
    name: kind,
    options,
    init: () => ({ range: null, ports: null }),
    parse(id, arg, invert, state, env, seen) {
      const check = x6Checks(kind, options, id, invert, seen, false);
      if (check) return check;
      if (id !== 'to') {
        state[id as keyof NatFlags] = true;
        return null;
      }
      if (address) {
        const range = parseTo(arg, env);
        if ('kind' in range) return range;
        state.range = range;
        return null;
      }
      if (!portsAllowed(env)) return needPorts();
      const ports = parsePorts(arg);
      if ('kind' in ports) return ports;
      state.ports = ports;
      return null;
    },
    final: (state) => (address && !state.range ? mustBeSpecified(kind, TO_OPTION[kind]) : null),
    build(state) {
      const flags: NatFlags = {};
      if (state.random) flags.random = true;
      if (state.randomFully) flags.randomFully = true;
      if (state.persistent) flags.persistent = true;
      if (kind === 'DNAT' || kind === 'SNAT') return { kind, range: state.range!, ...flags };
      return { kind, ports: state.ports, ...flags };
    },
  };
}

export const dnatTarget = makeTarget('DNAT');
export const snatTarget = makeTarget('SNAT');
export const masqueradeTarget = makeTarget('MASQUERADE');
export const redirectTarget = makeTarget('REDIRECT');

type NatTargetData = Extract<Target, { kind: NatKind }>;

export function rangeText(r: NatRange): string {
  let out = '';
  if (r.minIp !== null) out += formatIpv4(r.minIp) + (r.maxIp !== null && r.maxIp !== r.minIp ? `-${formatIpv4(r.maxIp)}` : '');
  if (r.minPort !== null) out += `:${r.minPort}` + (r.maxPort !== null && r.maxPort !== r.minPort ? `-${r.maxPort}` : '');
  return out;
}

function portsText(p: PortRange): string {
  return p.lo === p.hi ? `${p.lo}` : `${p.lo}-${p.hi}`;
}

function flagsText(t: NatFlags, prefix: string): string {
  return (t.random ? ` ${prefix}random` : '') + (t.randomFully ? ` ${prefix}random-fully` : '') + (t.persistent ? ` ${prefix}persistent` : '');
}

export function listNat(t: NatTargetData): string {
  if ('range' in t) return ` to:${rangeText(t.range)}${flagsText(t, '')}`;
  const word = t.kind === 'MASQUERADE' ? 'masq ports:' : 'redir ports';
  return (t.ports ? ` ${word} ${portsText(t.ports)}` : '') + flagsText(t, '');
}

export function saveNat(t: NatTargetData): string {
  if ('range' in t) return ` --${TO_OPTION[t.kind]} ${rangeText(t.range)}${flagsText(t, '--')}`;
  return (t.ports ? ` --to-ports ${portsText(t.ports)}` : '') + flagsText(t, '--');
}
