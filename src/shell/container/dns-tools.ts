/** getent hosts (glibc) and BusyBox nslookup, answering from /etc/hosts and Docker's embedded DNS. */
import { daemonOf } from '../../engine/docker/daemon';
import { containerInNs, usesEmbeddedDns } from '../../engine/docker/dns';
import { formatIpv4 } from '../../engine/net/ipv4';
import { Output, type CommandResult, type ShellContext } from '../types';
import { dnsAnswers, resolveName } from './resolve';

export function getent(argv: string[], ctx: ShellContext): CommandResult {
  const [, db, ...keys] = argv;
  if (db !== 'hosts' && db !== 'ahostsv4' && db !== 'ahosts') return { stdout: '', stderr: `Unknown database: ${db ?? ''}\nTry \`getent --help' or \`getent --usage' for more information.\n`, exitCode: 1 };
  const out = new Output();
  let code = 0;
  for (const key of keys) {
    const ip = resolveName(ctx, key);
    if (ip === undefined) {
      code = 2;
      continue;
    }
    if (db === 'hosts') out.line(`${formatIpv4(ip).padEnd(15)} ${key}`);
    else out.line(`${formatIpv4(ip).padEnd(15)} STREAM ${key}`).line(`${formatIpv4(ip).padEnd(15)} DGRAM  `).line(`${formatIpv4(ip).padEnd(15)} RAW    `);
  }
  return out.done(code);
}

function nameserver(ctx: ShellContext): string {
  const daemon = daemonOf(ctx.world, ctx.host);
  const c = daemon ? containerInNs(daemon, ctx.ns.id) : undefined;
  if (daemon && c && usesEmbeddedDns(daemon, c)) return '127.0.0.11';
  return '192.168.1.1';
}

export function nslookup(argv: string[], ctx: ShellContext): CommandResult {
  const name = argv.slice(1).find((a) => !a.startsWith('-'));
  if (name === undefined) return { stdout: '', stderr: 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', exitCode: 1 };
  const server = nameserver(ctx);
  const out = new Output().line(`Server:\t\t${server}`).line(`Address:\t${server}:53`).line();
  // nslookup asks the DNS server, not /etc/hosts; the embedded server answers container names.
  const ips = dnsAnswers(ctx, name);
  if (ips === undefined || ips.length === 0) return { stdout: out.stdout, stderr: `** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`, exitCode: 1 };
  out.line('Non-authoritative answer:');
  // BusyBox prints one Name/Address pair per A record.
  for (const ip of ips) out.line(`Name:\t${name}`).line(`Address: ${formatIpv4(ip)}`);
  out.line();
  return out.done(0);
}
