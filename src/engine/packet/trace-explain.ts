/**
 * Why a walk failed, when the first death is only a symptom. A packet from a private address
 * that left its host without source NAT gets an answer that nobody outside can bring back:
 * the reply dies far away ("ip_forward=0 in internet"), but the cause is the missing NAT.
 */
import { formatIpv4 } from '../net/ipv4';
import type { Trace } from './trace';

const SOURCE_NAT = /MASQUERADE|SNAT/;

/** The sender's host, and the address replies must come back to, when the first death is such a lost reply. */
export function lostReply(trace: Trace): { originHostId: number; src: string } | undefined {
  const first = trace.drops[0];
  const origin = trace.hops[0];
  const sent = trace.sent;
  if (!first || !origin || !sent || sent.src === 0) return undefined;
  if (first.hostId === origin.hostId) return undefined;
  const src = formatIpv4(sent.src);
  if (!new RegExp(`to ${src.replace(/\./g, '\\.')}(?!\\d)`).test(first.reason)) return undefined;
  const natted = trace.hops.some((h) => h.hostId === origin.hostId && h.kind === 'netfilter' && SOURCE_NAT.test(h.detail));
  return natted ? undefined : { originHostId: origin.hostId, src };
}
