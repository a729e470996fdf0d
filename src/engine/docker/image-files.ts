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
    // Ubuntu's /etc/os-release (codename adjectives) is not in the catalog yet.
    return undefined;
  }
  if (path !== '/etc/os-release') return undefined;
  if (image.repo === 'alpine' || image.tag === 'alpine' || image.repo === 'registry') return ALPINE_OS_RELEASE;
  if (image.repo === 'busybox') return undefined;
  return DEBIAN_OS_RELEASE;
}
