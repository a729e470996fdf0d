/**
 * The part of pcap-filter(7) learners type: icmp, arp, ip, tcp, udp, [src|dst] host ADDR,
 * [src|dst] net CIDR, [tcp|udp] [src|dst] port N, and/&&, or/||, not/!, parentheses.
 * Compiled to a predicate over a frame, with libpcap 1.10's error messages.
 */
import { inPrefix, parseIpv4 } from '../../engine/net/ipv4';
import type { Frame } from '../../engine/packet/frame';
import type { Packet } from '../../engine/packet/packet';

export type FrameFilter = (frame: Frame) => boolean;
export type FilterResult = { ok: true; filter: FrameFilter } | { ok: false; error: string };

const SYNTAX = "can't parse filter expression: syntax error";
const UNKNOWN = 'syntax error in filter expression';

class FilterError {
  constructor(readonly message: string) {}
}

type Dir = 'src' | 'dst' | 'any';

function tokenize(text: string): string[] {
  return text.match(/\(|\)|&&|\|\||!|[^\s()!&|]+/g) ?? [];
}

export function compileFilter(words: string[]): FilterResult {
  const tokens = tokenize(words.join(' '));
  if (tokens.length === 0) return { ok: true, filter: () => true };
  const parser = new FilterParser(tokens);
  try {
    const filter = parser.or();
    if (!parser.atEnd()) throw new FilterError(SYNTAX);
    return { ok: true, filter };
  } catch (e) {
    if (e instanceof FilterError) return { ok: false, error: e.message };
    throw e;
  }
}

class FilterParser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private take(): string {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new FilterError(SYNTAX);
    return t;
  }

  or(): FrameFilter {
    let left = this.and();
    while (this.peek() === 'or' || this.peek() === '||') {
      this.i++;
      const l = left;
      const r = this.and();
      left = (f) => l(f) || r(f);
    }
    return left;
  }

  private and(): FrameFilter {
    let left = this.not();
    while (this.peek() === 'and' || this.peek() === '&&') {
      this.i++;
      const l = left;
      const r = this.not();
      left = (f) => l(f) && r(f);
    }
    return left;
  }

  private not(): FrameFilter {
    if (this.peek() === 'not' || this.peek() === '!') {
      this.i++;
      const inner = this.not();
      return (f) => !inner(f);
    }
    return this.primary();
  }

  private primary(): FrameFilter {
    const t = this.take();
    if (t === '(') {
      const inner = this.or();
      if (this.take() !== ')') throw new FilterError(SYNTAX);
      return inner;
    }
    if (t === 'icmp') return (f) => f.kind === 'ipv4' && f.packet.proto === 'icmp';
    if (t === 'arp') return (f) => f.kind === 'arp';
    if (t === 'ip') return (f) => f.kind === 'ipv4';
    if (t === 'tcp' || t === 'udp') {
      const proto = (f: Frame) => f.kind === 'ipv4' && f.packet.proto === t;
      if (!this.startsQualifier('port')) return proto;
      const port = this.qualified();
      return (f) => proto(f) && port(f);
    }
    this.i--;
    if (this.startsQualifier('host') || this.startsQualifier('net') || this.startsQualifier('port')) return this.qualified();
    throw new FilterError(UNKNOWN);
  }

  /** [src|dst] (host|net|port) VALUE ahead, or a bare address. */
  private startsQualifier(kind: string): boolean {
    const t = this.peek();
    const u = this.tokens[this.i + 1];
    if (t === kind) return true;
    if ((t === 'src' || t === 'dst') && (u === kind || (kind === 'host' && u !== undefined && parseIpv4(u) !== null))) return true;
    return kind === 'host' && t !== undefined && parseIpv4(t) !== null;
  }

  private qualified(): FrameFilter {
    let dir: Dir = 'any';
    if (this.peek() === 'src' || this.peek() === 'dst') dir = this.take() as Dir;
    const kind = this.peek() === 'host' || this.peek() === 'net' || this.peek() === 'port' ? this.take() : 'host';
    const value = this.take();
    if (kind === 'port') {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port > 65535) throw new FilterError(UNKNOWN);
      return (f) => f.kind === 'ipv4' && matchPort(f.packet, port, dir);
    }
    if (kind === 'net') {
      const m = /^([\d.]+)(?:\/(\d+))?$/.exec(value);
      const addr = m ? parseIpv4(m[1]!) : null;
      if (addr === null) throw new FilterError(UNKNOWN);
      const len = m![2] === undefined ? 32 : Number(m![2]);
      return (f) => addresses(f, dir).some((a) => inPrefix(a, addr, len));
    }
    const addr = parseIpv4(value);
    if (addr === null) throw new FilterError(UNKNOWN);
    return (f) => addresses(f, dir).includes(addr);
  }
}

function addresses(f: Frame, dir: Dir): number[] {
  const [src, dst] = f.kind === 'arp' ? [f.arp.senderIp, f.arp.targetIp] : [f.packet.src, f.packet.dst];
  return dir === 'src' ? [src] : dir === 'dst' ? [dst] : [src, dst];
}

function matchPort(p: Packet, port: number, dir: Dir): boolean {
  if (p.proto === 'icmp') return false;
  if (dir === 'src') return p.sport === port;
  if (dir === 'dst') return p.dport === port;
  return p.sport === port || p.dport === port;
}
