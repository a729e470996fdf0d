/** BusyBox ping's format (alpine, busybox images), from the iputils run of the same packets. */
import type { CommandResult } from '../types';

export function asBusyboxPing(r: CommandResult): CommandResult {
  const bad = /^ping: (.+): (Temporary failure in name resolution|Name or service not known)\n$/.exec(r.stderr);
  if (bad) return { stdout: '', stderr: `ping: bad address '${bad[1]}'\n`, exitCode: 1 };
  const lines = r.stdout.split('\n').map((line) => {
    let m = /^PING (\S+) \((\S+)\) (\d+)\(\d+\) bytes of data\.$/.exec(line);
    if (m) return `PING ${m[1]} (${m[2]}): ${m[3]} data bytes`;
    m = /^(\d+) bytes from (?:\S+ \()?([\d.]+)\)?: icmp_seq=(\d+) ttl=(\d+) time=(\S+) ms$/.exec(line);
    if (m) return `${m[1]} bytes from ${m[2]}: seq=${Number(m[3]) - 1} ttl=${m[4]} time=${Number(m[5]).toFixed(3)} ms`;
    m = /^(\d+) packets transmitted, (\d+) received,(?: \+\d+ errors,)? (\d+(?:\.\d+)?)% packet loss.*$/.exec(line);
    if (m) return `${m[1]} packets transmitted, ${m[2]} packets received, ${Math.floor(Number(m[3]))}% packet loss`;
    m = /^rtt min\/avg\/max\/mdev = ([\d.]+)\/([\d.]+)\/([\d.]+)\/[\d.]+ ms$/.exec(line);
    if (m) return `round-trip min/avg/max = ${m[1]}/${m[2]}/${m[3]} ms`;
    return line;
  });
  return { ...r, stdout: lines.join('\n') };
}
