/** A DHCP message (RFC 2131) as the simulator carries it inside a UDP packet (ports 67/68). */
export type DhcpType = 'DISCOVER' | 'OFFER' | 'REQUEST' | 'DECLINE' | 'ACK' | 'NAK' | 'RELEASE';

export interface DhcpMessage {
  type: DhcpType;
  /** BOOTREQUEST from clients, BOOTREPLY from servers. */
  op: 'request' | 'reply';
  xid: number;
  chaddr: string;
  ciaddr: number;
  yiaddr: number;
  /** Option 50 (requested address) and 54 (server identifier). */
  requested?: number;
  serverId?: number;
  hostname?: string;
  /** Options of a reply. */
  mask?: number;
  router?: number;
  dns?: number;
  leaseSecs?: number;
  /** The server was given its router/DNS options (dnsmasq --dhcp-option): they lead its answer. */
  configured?: boolean;
  /** Options 58 and 59 when they are not lease/2 and lease*7/8 (dnsmasq fuzzes them on a renewal). */
  t1?: number;
  t2?: number;
}

/** The BOOTP part of the UDP payload: 236 bytes, the magic cookie and options, padded to 300. */
export const BOOTP_MIN = 300;
export const DHCP_SERVER_PORT = 67;
export const DHCP_CLIENT_PORT = 68;
