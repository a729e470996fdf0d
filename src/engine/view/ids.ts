/** Stable view ids of world objects (see src/protocol/view-model.ts). */
export const hostId = (id: number): string => `host:${id}`;
export const nsId = (id: number): string => `ns:${id}`;
export const ifId = (id: number): string => `if:${id}`;
export const pairId = (kind: 'veth' | 'cable', a: number, b: number): string => `${kind}:${Math.min(a, b)}-${Math.max(a, b)}`;
export const portId = (linkId: number): string => `port:${linkId}`;
export const tunnelId = (a: number, b: number): string => `vxlan:${Math.min(a, b)}-${Math.max(a, b)}`;
