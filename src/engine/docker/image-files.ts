/** Files an image ships that learners cat: /etc/lsb-release (Ubuntu), /etc/os-release. */
import type { Image } from './types';
import { whitedOut } from './fs-whiteouts';

const UBUNTU: Record<string, [string, string, string]> = {
  '24.04': ['24.04', 'noble', 'Ubuntu 24.04.1 LTS'],
  '22.04': ['22.04', 'jammy', 'Ubuntu 22.04.5 LTS'],
  '20.04': ['20.04', 'focal', 'Ubuntu 20.04.6 LTS'],
  '18.04': ['18.04', 'bionic', 'Ubuntu 18.04.6 LTS'],
  '14.04': ['14.04', 'trusty', 'Ubuntu 14.04.6 LTS'],
};

const CODENAMES: Record<string, string> = { noble: 'Noble Numbat', jammy: 'Jammy Jellyfish', focal: 'Focal Fossa', bionic: 'Bionic Beaver', trusty: 'Trusty Tahr' };

/** Ubuntu's os-release in each release's own order (22.04 moved PRETTY_NAME first, 23.04 added LOGO; 14.04 had no codename keys). */
function ubuntuOsRelease([id, codename, pretty]: [string, string, string]): string {
  const point = pretty.replace(/^Ubuntu /, '');
  const words = CODENAMES[codename]!;
  const urls = (scheme: string) => [`HOME_URL="${scheme}://www.ubuntu.com/"`, `SUPPORT_URL="${scheme}://help.ubuntu.com/"`, `BUG_REPORT_URL="${scheme}://bugs.launchpad.net/ubuntu/"`];
  const privacy = 'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"';
  const lines =
    codename === 'trusty'
      ? ['NAME="Ubuntu"', `VERSION="${point}, ${words}"`, 'ID=ubuntu', 'ID_LIKE=debian', `PRETTY_NAME="${pretty}"`, `VERSION_ID="${id}"`, ...urls('http')]
      : Number(id) < 22
        ? ['NAME="Ubuntu"', `VERSION="${point} (${words})"`, 'ID=ubuntu', 'ID_LIKE=debian', `PRETTY_NAME="${pretty}"`, `VERSION_ID="${id}"`, ...urls('https'), privacy, `VERSION_CODENAME=${codename}`, `UBUNTU_CODENAME=${codename}`]
        : [`PRETTY_NAME="${pretty}"`, 'NAME="Ubuntu"', `VERSION_ID="${id}"`, `VERSION="${point} (${words})"`, `VERSION_CODENAME=${codename}`, 'ID=ubuntu', 'ID_LIKE=debian', ...urls('https'), privacy, `UBUNTU_CODENAME=${codename}`, ...(Number(id) >= 23 ? ['LOGO=ubuntu-logo'] : [])];
  return lines.join('\n') + '\n';
}

const UBUNTU_TAGS: Record<string, string> = { latest: '24.04', noble: '24.04', jammy: '22.04', focal: '20.04', bionic: '18.04', trusty: '14.04' };

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const ALPINE_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

export function imageFile(image: Image, path: string): string | undefined {
  if (whitedOut(image, path)) return undefined;
  if (image.repo === 'ubuntu') {
    const v = UBUNTU[UBUNTU_TAGS[image.tag] ?? image.tag];
    if (!v) return undefined;
    if (path === '/etc/lsb-release') return `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${v[0]}\nDISTRIB_CODENAME=${v[1]}\nDISTRIB_DESCRIPTION="${v[2]}"\n`;
    return path === '/etc/os-release' || path === '/usr/lib/os-release' ? ubuntuOsRelease(v) : undefined;
  }
  if (path !== '/etc/os-release') return undefined;
  if (image.repo === 'alpine' || image.tag === 'alpine' || image.repo === 'registry') return ALPINE_OS_RELEASE;
  if (image.repo === 'busybox') return undefined;
  return DEBIAN_OS_RELEASE;
}
