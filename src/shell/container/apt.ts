/** apt-get inside Debian/Ubuntu images: update fetches the lists, install adds programs to the container. */
import type { Container } from '../../engine/docker/types';
import { type CommandResult, type ShellContext, success } from '../types';

/** Packages the learner installs in tutorials, with the programs they bring. */
const PACKAGES: Record<string, string[]> = {
  'iputils-ping': ['ping'],
  iproute2: ['ip', 'ss', 'bridge'],
  curl: ['curl'],
  wget: ['wget'],
  'net-tools': ['ifconfig', 'route', 'netstat', 'arp'],
  dnsutils: ['nslookup', 'dig'],
  'bind9-dnsutils': ['nslookup', 'dig'],
  procps: ['ps'],
  iptables: ['iptables', 'iptables-save'],
};

export function aptGet(c: Container, argv: string[], _programs: string[], _ctx: ShellContext): CommandResult {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const [verb, ...pkgs] = args;
  if (verb === 'update') {
    c.aptUpdated = true;
    return success('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\nGet:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\nGet:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]\nGet:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]\nGet:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [243 kB]\nFetched 9303 kB in 1s (6982 kB/s)\nReading package lists...\n');
  }
  if (verb === 'install') {
    const out = 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n';
    const unknown = pkgs.find((p) => !c.aptUpdated || !PACKAGES[p]);
    if (unknown !== undefined) return { stdout: out, stderr: `E: Unable to locate package ${unknown}\n`, exitCode: 100 };
    const fresh = pkgs.filter((p) => !PACKAGES[p]!.every((prog) => c.installed.includes(prog)));
    for (const p of fresh) c.installed.push(...PACKAGES[p]!);
    let text = out;
    if (fresh.length > 0) {
      text += `The following NEW packages will be installed:\n  ${fresh.join(' ')}\n0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.\n`;
      for (const p of fresh) text += `Setting up ${p} ...\n`;
    } else for (const p of pkgs) text += `${p} is already the newest version.\n`;
    return success(text);
  }
  return { stdout: '', stderr: 'E: Invalid operation ' + (verb ?? '') + '\n', exitCode: 100 };
}
