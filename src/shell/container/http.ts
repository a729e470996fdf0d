/**
 * One HTTP GET as the tools see it: resolve, connect through the packet walker (DNAT, FORWARD,
 * bridges), and the answer of the container's server. A published port whose SYN reaches the
 * host itself (loopback, or a container asking for a host address: Docker's nat rules RETURN
 * what comes in on its bridges) is docker-proxy's, which connects to the container from the host.
 */
import { httpDate, utcParts } from '../../common/clock';
import { allDaemons } from '../../engine/docker/daemon';
import { imageOf, stampLogs } from '../../engine/docker/containers';
import { containerSockets } from '../../engine/docker/sockets';
import { proxySockets, type ProxyTarget } from '../../engine/docker/proxy';
import type { Netns } from '../../engine/net/types';
import { clfTime, HTTPD_INDEX, NGINX_INDEX } from '../../engine/docker/services';
import type { Container, DaemonState } from '../../engine/docker/types';
import { formatIpv4 } from '../../engine/net/ipv4';
import { sendPacket, type Sockets } from '../../engine/packet/walk';
import { recordTrace } from '../../engine/view/last-trace';
import type { ShellContext } from '../types';
import { resolveName } from './resolve';
import { registryHttp, registryStoreOf } from '../../engine/docker/registry-server';

export interface Url {
  host: string;
  port: number;
  path: string;
}

export function parseUrl(text: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)?$/.exec(text);
  if (!m) return undefined;
  return { host: m[2]!, port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] || '/' };
}

export type HttpOutcome =
  | { kind: 'response'; status: number; reason: string; headers: string[]; body: string }
  | { kind: 'unresolved' }
  | { kind: 'refused'; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'empty' }
  | { kind: 'unreachable' };

const CONNECT_TIMEOUT_MS = 127_000;

/** `method`: what curl -X sends (GET when absent; HEAD for -I). */
export function httpGet(ctx: ShellContext, url: Url, agent: string, headOnly: boolean, timeoutMs?: number, method?: string): HttpOutcome {
  const dst = resolveName(ctx, url.host);
  if (dst === undefined) return { kind: 'unresolved' };
  let server: { c: Container; src: number; daemon: DaemonState } | undefined;
  let proxied: { target: ProxyTarget; nsId: number } | undefined;
  const daemons = allDaemons(ctx.world);
  const perDaemon = daemons.map((dm) => containerSockets(ctx.world, dm, (c, src) => (server = { c, src, daemon: dm })));
  if (daemons.length > 0) perDaemon.push(proxySockets(ctx.world, daemons, (target, nsId) => (proxied = { target, nsId })));
  const sockets: Sockets | undefined = perDaemon.length === 0 ? undefined : (ns, p) => perDaemon.map((f) => f(ns, p)).find((a) => a.kind !== 'refused') ?? { kind: 'refused' };
  const label = `${agent.split('/')[0]!.toLowerCase()} ${url.host}:${url.port}${url.path}`;
  const connect = (from: Netns, target: number, port: number, sport: number) => {
    const syn = { src: 0, dst: target, proto: 'tcp' as const, ttl: 64, length: 60, sport, dport: port, tcpFlags: 'SYN' };
    const walk = sendPacket(ctx.world, from, syn, sockets ? { sockets } : {});
    recordTrace(ctx.world, label, walk.trace);
    return { walk, back: walk.deliveries.find((d) => d.nsId === from.id && d.packet.proto === 'tcp' && d.packet.dport === sport) };
  };
  const sport = 40000 + (ctx.world.clock.now() % 20000);
  const first = connect(ctx.ns, dst, url.port, sport);
  if (first.walk.error) return { kind: 'unreachable' };
  if (!first.back) {
    const wait = timeoutMs ?? CONNECT_TIMEOUT_MS;
    ctx.world.clock.advance(wait);
    return { kind: 'timeout', ms: wait };
  }
  if (first.back.packet.tcpFlags !== 'SYN,ACK') return { kind: 'refused', ms: 0 };
  const viaProxy = proxied;
  if (viaProxy) {
    // docker-proxy took the connection and opens its own to the container, from the host.
    server = undefined;
    const second = connect(ctx.world.netns(viaProxy.nsId), viaProxy.target.ip, viaProxy.target.port, sport + 1);
    // The proxy cannot reach the container: it closes the accepted connection with nothing sent.
    if (second.walk.error || second.back?.packet.tcpFlags !== 'SYN,ACK' || !server) return { kind: 'empty' };
  }
  if (!server) return { kind: 'refused', ms: 0 };
  const s: { c: Container; src: number; daemon: DaemonState } = server;
  const logged = s.c.logs.length;
  const outcome = serve(ctx, s.daemon, s.c, s.src, url, agent, headOnly, method);
  // The access (and error) log lines are written as the request is served: docker logs -t shows when.
  stampLogs(s.c, logged, ctx.world.clock.now());
  return outcome;
}

function serve(ctx: ShellContext, daemon: DaemonState, c: Container, src: number, url: Url, agent: string, headOnly: boolean, requested?: string): HttpOutcome {
  const image = imageOf(daemon, c);
  const now = ctx.world.clock.epoch + ctx.world.clock.now();
  const method = headOnly ? 'HEAD' : requested ?? 'GET';
  if (image?.service === 'registry') {
    const a = registryHttp(registryStoreOf(ctx.world, daemon.hostId, c), c, method, url.path, httpDate(now));
    c.logs.push(`o:${formatIpv4(src)} - - [${clfTime(now)}] "${method} ${url.path} HTTP/1.1" ${a.status} ${a.body.length} "" "${agent}"`);
    ctx.world.changed();
    return { kind: 'response', ...a, body: headOnly ? '' : a.body };
  }
  if (image?.service === 'nginx') {
    const found = url.path === '/' || url.path === '/index.html';
    const body = found ? NGINX_INDEX : '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n';
    const headers = ['Server: nginx/1.27.3', `Date: ${httpDate(now)}`, 'Content-Type: text/html', `Content-Length: ${body.length}`, ...(found ? ['Last-Modified: Tue, 26 Nov 2024 15:55:00 GMT'] : []), 'Connection: keep-alive', ...(found ? ['ETag: "6745ef54-267"', 'Accept-Ranges: bytes'] : [])];
    c.logs.push(`o:${formatIpv4(src)} - - [${clfTime(now)}] "${method} ${url.path} HTTP/1.1" ${found ? 200 : 404} ${headOnly ? 0 : body.length} "-" "${agent}" "-"`);
    if (!found) c.logs.push(`e:${nginxErrTime(now)} [error] 29#29: *1 open() "/usr/share/nginx/html${url.path}" failed (2: No such file or directory), client: ${formatIpv4(src)}, server: localhost, request: "${method} ${url.path} HTTP/1.1", host: "${url.host}${url.port === 80 ? '' : ':' + url.port}"`);
    return { kind: 'response', status: found ? 200 : 404, reason: found ? 'OK' : 'Not Found', headers, body: headOnly ? '' : body };
  }
  if (image?.service === 'httpd') {
    const found = url.path === '/' || url.path === '/index.html';
    const body = found ? HTTPD_INDEX : '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
    const headers = [`Date: ${httpDate(now)}`, 'Server: Apache/2.4.62 (Unix)', ...(found ? ['Last-Modified: Mon, 11 Jun 2007 18:53:14 GMT', 'ETag: "2d-432a5e4a73a80"', 'Accept-Ranges: bytes'] : []), `Content-Length: ${body.length}`, `Content-Type: text/html${found ? '' : '; charset=iso-8859-1'}`];
    c.logs.push(`o:${formatIpv4(src)} - - [${clfTime(now)}] "${method} ${url.path} HTTP/1.1" ${found ? 200 : 404} ${headOnly ? '-' : body.length}`);
    return { kind: 'response', status: found ? 200 : 404, reason: found ? 'OK' : 'Not Found', headers, body: headOnly ? '' : body };
  }
  return { kind: 'empty' };
}

function nginxErrTime(ms: number): string {
  const iso = utcParts(ms).iso;
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}
