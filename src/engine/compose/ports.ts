/** `ports:` entries: the short syntax ([HOST_IP:][HOST_PORT[-END]:]PORT[-END][/PROTO], go-connections' ParsePortSpec) and the long one. */
import { err, ok, type Result } from '../../common/result';
import type { ComposePort } from './types';

function range(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return a >= 0 && b >= a && b <= 65535 ? [a, b] : undefined;
}

export function parseShortPort(spec: string): Result<ComposePort[]> {
  const slash = spec.lastIndexOf('/');
  const proto = slash >= 0 ? spec.slice(slash + 1) : 'tcp';
  const body = slash >= 0 ? spec.slice(0, slash) : spec;
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return err(`invalid proto: ${proto}`);
  let hostIp = '';
  let rest = body;
  const bracket = /^\[([^\]]+)\]:(.*)$/.exec(body);
  if (bracket) {
    hostIp = bracket[1]!;
    rest = bracket[2]!;
  }
  const parts = rest.split(':');
  if (!bracket && parts.length === 3) {
    hostIp = parts.shift()!;
  }
  if (parts.length > 2) return err(`invalid port format ${spec}`);
  const containerText = parts[parts.length - 1]!;
  const hostText = parts.length === 2 ? parts[0]! : '';
  const c = range(containerText);
  if (!c || c[0] === 0) return err(`invalid containerPort: ${containerText}`);
  const h = hostText === '' ? undefined : range(hostText);
  if (hostText !== '' && !h) return err(`invalid hostPort: ${hostText}`);
  if (hostIp !== '' && !/^[0-9.]+$|:/.test(hostIp)) return err(`invalid IP address: ${hostIp}`);
  const count = c[1] - c[0] + 1;
  if (h && h[1] - h[0] + 1 !== count && h[0] !== h[1]) return err(`invalid ranges specified for container and host Ports: ${containerText} and ${hostText}`);
  const out: ComposePort[] = [];
  for (let i = 0; i < count; i++) {
    const published = h === undefined ? '' : String(h[0] === h[1] && count > 1 ? h[0] : h[0] + i);
    out.push({ target: c[0] + i, published, hostIp, protocol: proto === 'udp' ? 'udp' : 'tcp', mode: 'ingress' });
  }
  return ok(out);
}
