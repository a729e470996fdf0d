/** Every program the simulated host has, by name. Each family lives in its own folder. */
import type { CommandFn } from './types';
import { cat } from './coreutils/cat';
import { echo } from './coreutils/echo';
import { clear, falseCmd, hostname, sleep, sudo, trueCmd } from './coreutils/misc';
import { testCmd } from './coreutils/test';
import { printfCmd } from './coreutils/printf';
import { pgrep, ps, tty } from './coreutils/ps';
import { pager } from './coreutils/more';
import { grep, head, sort, tail, wc } from './coreutils/text';
import { ip } from './ip/ip';
import { bridge } from './bridge/bridge';
import { brctl } from './bridge/brctl';
import { sysctl } from './sysctl/sysctl';
import { sh } from './coreutils/sh';
import { awk, cut } from './coreutils/fields';
import { sed } from './coreutils/sed';
import { ls } from './coreutils/ls';
import { mkdir, rmdir, touch } from './coreutils/files-dirs';
import { rm } from './coreutils/files-rm';
import { cp, mv } from './coreutils/files-copy';
import { basename, dirname, tee } from './coreutils/files-names';
import { readlink } from './coreutils/readlink';
import { timeout } from './coreutils/timeout';
import { NETTOOLS } from './nettools';
import { IPTABLES_COMMANDS } from './iptables';
import { nft } from './nft/nft';
import { help } from './docs/help';
import { docker } from './docker/docker';
import { dockerMachine } from './nettools/docker-machine';
import { systemctl } from './docker/systemctl';
import { journalctl } from './docker/journalctl';
import { service } from './docker/dockerd-service';
import { lsns, nsenter } from './nettools/nsenter';
import { curl } from './container/curl';
import { wget } from './container/wget';
import { getent, nslookup } from './container/dns-tools';
import { uniq } from './coreutils/uniq';
import { tr } from './coreutils/tr';
import { seq } from './coreutils/seq';
import { env } from './coreutils/env';
import { id, whoami } from './coreutils/identity';
import { groupadd, groups, useradd, usermod } from './coreutils/users';
import { uname } from './coreutils/uname';
import { date } from './coreutils/date';
import { whichWith } from './coreutils/which';
import { PROCESSES } from './jobs/programs';

export const COMMANDS: Record<string, CommandFn> = {
  cat,
  echo,
  clear,
  false: falseCmd,
  true: trueCmd,
  ':': trueCmd,
  test: testCmd,
  printf: printfCmd,
  ps,
  pgrep,
  tty,
  more: pager,
  less: pager,
  '[': testCmd,
  hostname,
  sleep,
  sudo,
  grep,
  head,
  tail,
  wc,
  sort,
  ip,
  bridge,
  brctl,
  sysctl,
  sh,
  bash: sh,
  awk,
  cut,
  sed,
  ls,
  mkdir,
  rmdir,
  touch,
  rm,
  cp,
  mv,
  tee,
  basename,
  dirname,
  readlink,
  timeout,
  ...NETTOOLS,
  ...IPTABLES_COMMANDS,
  nft,
  help,
  docker,
  'docker-machine': dockerMachine,
  systemctl,
  journalctl,
  service,
  nsenter,
  lsns,
  curl,
  wget,
  getent,
  nslookup,
  uniq,
  tr,
  seq,
  env,
  whoami,
  id,
  usermod,
  useradd,
  groupadd,
  groups,
  uname,
  date,
  which: whichWith(isProgram),
};

/** The simulator has a program by this name (a command here, or one that waits). */
export function isProgram(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) || Object.prototype.hasOwnProperty.call(PROCESSES, name);
}
