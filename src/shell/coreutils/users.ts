/**
 * The host's users and groups: /etc/passwd and /etc/group as a Debian 12 host has them (base-passwd's
 * masters, systemd's sysusers, and the `docker` group docker.io's postinst adds with
 * `addgroup --system`), and the commands that change them: useradd, usermod -aG (the Docker
 * post-install step "add your user to the docker group"), groupadd, with shadow-utils 4.13's
 * messages and exit codes; id and groups read them. The files live in the host's overlay once
 * changed, so `cat`, snapshots and undo see the same thing.
 */
import { daemonOf } from '../../engine/docker/daemon';
import type { World } from '../../engine/world';
import type { Host } from '../../engine/net/types';
import { Output, type CommandFn, type CommandResult, type ShellContext, success } from '../types';

export interface User {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}
export interface Group {
  name: string;
  gid: number;
  members: string[];
}

const NOLOGIN = '/usr/sbin/nologin';
const BASE_USERS: Array<[string, number, number, string, string, string]> = [
  ['root', 0, 0, 'root', '/root', '/bin/bash'], ['daemon', 1, 1, 'daemon', '/usr/sbin', NOLOGIN], ['bin', 2, 2, 'bin', '/bin', NOLOGIN], ['sys', 3, 3, 'sys', '/dev', NOLOGIN],
  ['sync', 4, 65534, 'sync', '/bin', '/bin/sync'], ['games', 5, 60, 'games', '/usr/games', NOLOGIN], ['man', 6, 12, 'man', '/var/cache/man', NOLOGIN], ['lp', 7, 7, 'lp', '/var/spool/lpd', NOLOGIN],
  ['mail', 8, 8, 'mail', '/var/mail', NOLOGIN], ['news', 9, 9, 'news', '/var/spool/news', NOLOGIN], ['uucp', 10, 10, 'uucp', '/var/spool/uucp', NOLOGIN], ['proxy', 13, 13, 'proxy', '/bin', NOLOGIN],
  ['www-data', 33, 33, 'www-data', '/var/www', NOLOGIN], ['backup', 34, 34, 'backup', '/var/backups', NOLOGIN], ['list', 38, 38, 'Mailing List Manager', '/var/list', NOLOGIN], ['irc', 39, 39, 'ircd', '/run/ircd', NOLOGIN],
  ['_apt', 42, 65534, '', '/nonexistent', NOLOGIN], ['nobody', 65534, 65534, 'nobody', '/nonexistent', NOLOGIN],
  ['systemd-network', 998, 998, 'systemd Network Management', '/', NOLOGIN], ['systemd-timesync', 997, 997, 'systemd Time Synchronization', '/', NOLOGIN],
];
const BASE_GROUPS = 'root:0 daemon:1 bin:2 sys:3 adm:4 tty:5 disk:6 lp:7 mail:8 news:9 uucp:10 man:12 proxy:13 kmem:15 dialout:20 fax:21 voice:22 cdrom:24 floppy:25 tape:26 sudo:27 audio:29 dip:30 www-data:33 backup:34 operator:37 list:38 irc:39 src:40 shadow:42 utmp:43 video:44 sasl:45 plugdev:46 staff:50 games:60 users:100 nogroup:65534 systemd-journal:999 systemd-network:998 systemd-timesync:997'.split(' ');

const PASSWD = '/etc/passwd';
const GROUP = '/etc/group';

function defaultUsers(): User[] {
  return BASE_USERS.map(([name, uid, gid, gecos, home, shell]) => ({ name, uid, gid, gecos, home, shell }));
}

function defaultGroups(world: World, host: Host): Group[] {
  const groups = BASE_GROUPS.map((g) => {
    const [name, gid] = g.split(':');
    return { name: name!, gid: Number(gid), members: [] as string[] };
  });
  // docker.io's postinst: addgroup --system docker (the first free system gid from 100 up; users is 100).
  if (daemonOf(world, host)) groups.push({ name: 'docker', gid: 101, members: [] });
  return groups;
}

export function passwdText(users: User[]): string {
  return users.map((u) => `${u.name}:x:${u.uid}:${u.gid}:${u.gecos}:${u.home}:${u.shell}\n`).join('');
}

export function groupText(groups: Group[]): string {
  return groups.map((g) => `${g.name}:x:${g.gid}:${g.members.join(',')}\n`).join('');
}

/** The default files, for the host filesystem's built-in /etc/passwd and /etc/group. */
export function defaultPasswd(): string {
  return passwdText(defaultUsers());
}
export function defaultGroup(world: World, host: Host): string {
  return groupText(defaultGroups(world, host));
}

export function readUsers(ctx: ShellContext): User[] {
  const r = ctx.fs.read(PASSWD, ctx.ns);
  if (!r.ok) return defaultUsers();
  return r.data.split('\n').filter((l) => l.includes(':')).map((l) => {
    const [name = '', , uid = '', gid = '', gecos = '', home = '', shell = ''] = l.split(':');
    return { name, uid: Number(uid), gid: Number(gid), gecos, home, shell };
  });
}

export function readGroups(ctx: ShellContext): Group[] {
  const r = ctx.fs.read(GROUP, ctx.ns);
  if (!r.ok) return defaultGroups(ctx.world, ctx.host);
  return r.data.split('\n').filter((l) => l.includes(':')).map((l) => {
    const [name = '', , gid = '', members = ''] = l.split(':');
    return { name, gid: Number(gid), members: members ? members.split(',') : [] };
  });
}

/** `name` or a numeric id, as id(1) and usermod look users up. */
export function findUser(users: User[], key: string): User | undefined {
  return users.find((u) => u.name === key) ?? (/^\d+$/.test(key) ? users.find((u) => u.uid === Number(key)) : undefined);
}

/** A user's groups: the primary one first, then those listing them, in /etc/group's order. */
export function groupsOf(user: User, groups: Group[]): Group[] {
  const primary = groups.find((g) => g.gid === user.gid) ?? { name: String(user.gid), gid: user.gid, members: [] };
  return [primary, ...groups.filter((g) => g !== primary && g.members.includes(user.name))];
}

function fail(prog: string, text: string, code: number): CommandResult {
  return new Output().err(`${prog}: ${text}`).done(code);
}

function save(ctx: ShellContext, users: User[] | null, groups: Group[] | null): void {
  if (users) ctx.fs.write(PASSWD, passwdText(users), false, ctx.ns);
  if (groups) ctx.fs.write(GROUP, groupText(groups), false, ctx.ns);
}

/** shadow-utils 4.13's usage texts (Debian 12, recorded), printed with exit 2 on a usage error. */
const USERMOD_USAGE = "Usage: usermod [options] LOGIN\n\nOptions:\n  -a, --append                  append the user to the supplemental GROUPS\n                                mentioned by the -G option without removing\n                                the user from other groups\n  -b, --badname                 allow bad names\n  -c, --comment COMMENT         new value of the GECOS field\n  -d, --home HOME_DIR           new home directory for the user account\n  -e, --expiredate EXPIRE_DATE  set account expiration date to EXPIRE_DATE\n  -f, --inactive INACTIVE       set password inactive after expiration\n                                to INACTIVE\n  -g, --gid GROUP               force use GROUP as new primary group\n  -G, --groups GROUPS           new list of supplementary GROUPS\n  -h, --help                    display this help message and exit\n  -l, --login NEW_LOGIN         new value of the login name\n  -L, --lock                    lock the user account\n  -m, --move-home               move contents of the home directory to the\n                                new location (use only with -d)\n  -o, --non-unique              allow using duplicate (non-unique) UID\n  -p, --password PASSWORD       use encrypted password for the new password\n  -P, --prefix PREFIX_DIR       prefix directory where are located the /etc/* files\n  -r, --remove                  remove the user from only the supplemental GROUPS\n                                mentioned by the -G option without removing\n                                the user from other groups\n  -R, --root CHROOT_DIR         directory to chroot into\n  -s, --shell SHELL             new login shell for the user account\n  -u, --uid UID                 new UID for the user account\n  -U, --unlock                  unlock the user account\n  -v, --add-subuids FIRST-LAST  add range of subordinate uids\n  -V, --del-subuids FIRST-LAST  remove range of subordinate uids\n  -w, --add-subgids FIRST-LAST  add range of subordinate gids\n  -W, --del-subgids FIRST-LAST  remove range of subordinate gids\n  -Z, --selinux-user SEUSER     new SELinux user mapping for the user account\n\n";
const USERADD_USAGE = "Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n\nOptions:\n      --badname                 do not check for bad names\n  -b, --base-dir BASE_DIR       base directory for the home directory of the\n                                new account\n      --btrfs-subvolume-home    use BTRFS subvolume for home directory\n  -c, --comment COMMENT         GECOS field of the new account\n  -d, --home-dir HOME_DIR       home directory of the new account\n  -D, --defaults                print or change default useradd configuration\n  -e, --expiredate EXPIRE_DATE  expiration date of the new account\n  -f, --inactive INACTIVE       password inactivity period of the new account\n  -F, --add-subids-for-system   add entries to sub[ud]id even when adding a system user\n  -g, --gid GROUP               name or ID of the primary group of the new\n                                account\n  -G, --groups GROUPS           list of supplementary groups of the new\n                                account\n  -h, --help                    display this help message and exit\n  -k, --skel SKEL_DIR           use this alternative skeleton directory\n  -K, --key KEY=VALUE           override /etc/login.defs defaults\n  -l, --no-log-init             do not add the user to the lastlog and\n                                faillog databases\n  -m, --create-home             create the user's home directory\n  -M, --no-create-home          do not create the user's home directory\n  -N, --no-user-group           do not create a group with the same name as\n                                the user\n  -o, --non-unique              allow to create users with duplicate\n                                (non-unique) UID\n  -p, --password PASSWORD       encrypted password of the new account\n  -r, --system                  create a system account\n  -R, --root CHROOT_DIR         directory to chroot into\n  -P, --prefix PREFIX_DIR       prefix directory where are located the /etc/* files\n  -s, --shell SHELL             login shell of the new account\n  -u, --uid UID                 user ID of the new account\n  -U, --user-group              create a group with the same name as the user\n  -Z, --selinux-user SEUSER     use a specific SEUSER for the SELinux user mapping\n\n";
const GROUPADD_USAGE = "Usage: groupadd [options] GROUP\n\nOptions:\n  -f, --force                   exit successfully if the group already exists,\n                                and cancel -g if the GID is already used\n  -g, --gid GID                 use GID for the new group\n  -h, --help                    display this help message and exit\n  -K, --key KEY=VALUE           override /etc/login.defs defaults\n  -o, --non-unique              allow to create groups with duplicate\n                                (non-unique) GID\n  -p, --password PASSWORD       use this encrypted password for the new group\n  -r, --system                  create a system account\n  -R, --root CHROOT_DIR         directory to chroot into\n  -P, --prefix PREFIX_DI        directory prefix\n  -U, --users USERS             list of user members of this group\n\n";

/** `usermod [-a] -G GROUP[,GROUP…] [-s SHELL] USER` (shadow-utils 4.13; exit 6 for what does not exist). */
export const usermod: CommandFn = (argv, ctx) => {
  let append = false;
  let groupsArg: string | undefined;
  let shellArg: string | undefined;
  const rest: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--append') append = true;
    else if (a === '--groups' || a === '--shell') {
      const v = args[++i];
      if (v === undefined) return new Output().err(`usermod: option '${a}' requires an argument\n${USERMOD_USAGE}`).done(2);
      if (a === '--groups') groupsArg = v;
      else shellArg = v;
    } else if (/^-[aGs]+/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === 'a') append = true;
        else if (f === 'G' || f === 's') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return new Output().err(`usermod: option requires an argument -- '${f}'\n${USERMOD_USAGE}`).done(2);
          if (f === 'G') groupsArg = v;
          else shellArg = v;
          break;
        } else return new Output().err(`usermod: invalid option -- '${f}'\n${USERMOD_USAGE}`).done(2);
      }
    } else if (a.startsWith('-')) return new Output().err(`usermod: unrecognized option '${a}'\n${USERMOD_USAGE}`).done(2);
    else rest.push(a);
  }
  if (rest.length !== 1) return new Output().err(USERMOD_USAGE).done(2);
  const users = readUsers(ctx);
  const groups = readGroups(ctx);
  const user = findUser(users, rest[0]!);
  if (!user) return fail('usermod', `user '${rest[0]}' does not exist`, 6);
  if (append && groupsArg === undefined) return new Output().err(`usermod: -a flag is only allowed with the -G flag\n${USERMOD_USAGE}`).done(2);
  let changedGroups = false;
  if (groupsArg !== undefined) {
    const wanted = groupsArg.split(',').filter(Boolean);
    for (const w of wanted) if (!groups.some((g) => g.name === w || String(g.gid) === w)) return fail('usermod', `group '${w}' does not exist`, 6);
    for (const g of groups) {
      const asked = wanted.some((w) => g.name === w || String(g.gid) === w);
      const has = g.members.includes(user.name);
      if (asked && !has) g.members.push(user.name);
      if (!asked && has && !append) g.members = g.members.filter((m) => m !== user.name);
    }
    changedGroups = true;
  }
  if (shellArg !== undefined) user.shell = shellArg;
  save(ctx, shellArg !== undefined ? users : null, changedGroups ? groups : null);
  return success();
};

/** `useradd [-m] [-s SHELL] [-G GROUPS] NAME`: the next uid from 1000 and a group of the same name. */
export const useradd: CommandFn = (argv, ctx) => {
  let home = false;
  let shell = '/bin/sh';
  let extra: string[] = [];
  const rest: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-m' || a === '--create-home') home = true;
    else if (a === '-s' || a === '--shell' || a === '-G' || a === '--groups') {
      const v = args[++i];
      if (v === undefined) return new Output().err(`useradd: option requires an argument -- '${a.replace(/^-+/, '')[0]}'`).done(2);
      if (a === '-s' || a === '--shell') shell = v;
      else extra = v.split(',').filter(Boolean);
    } else if (a.startsWith('-')) return new Output().err(`useradd: invalid option -- '${a.replace(/^-+/, '')[0]}'`).done(2);
    else rest.push(a);
  }
  if (rest.length !== 1) return new Output().err(USERADD_USAGE).done(2);
  const name = rest[0]!;
  if (!/^[a-z_][a-z0-9_-]*\$?$/.test(name) || name.length > 32) return fail('useradd', `invalid user name '${name}': use --badname to ignore`, 3);
  const users = readUsers(ctx);
  const groups = readGroups(ctx);
  if (findUser(users, name)) return fail('useradd', `user '${name}' already exists`, 9);
  for (const w of extra) if (!groups.some((g) => g.name === w)) return fail('useradd', `group '${w}' does not exist`, 6);
  if (groups.some((g) => g.name === name)) return fail('useradd', `group ${name} exists - if you want to add this user to that group, use -g.`, 9);
  let uid = 1000;
  while (users.some((u) => u.uid === uid) || groups.some((g) => g.gid === uid)) uid++;
  users.push({ name, uid, gid: uid, gecos: '', home: `/home/${name}`, shell });
  groups.push({ name, gid: uid, members: [] });
  for (const g of groups) if (extra.includes(g.name)) g.members.push(name);
  save(ctx, users, groups);
  if (home) ctx.fs.mkdir?.(`/home/${name}`, ctx.ns);
  return success();
};

/** `groupadd [-r] NAME`: a system group (-r) takes the first free gid from 999 down, others from 1000 up. */
export const groupadd: CommandFn = (argv, ctx) => {
  const system = argv.includes('-r') || argv.includes('--system');
  const rest = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (rest.length !== 1) return new Output().err(GROUPADD_USAGE).done(2);
  const name = rest[0]!;
  const groups = readGroups(ctx);
  if (groups.some((g) => g.name === name)) return fail('groupadd', `group '${name}' already exists`, 9);
  let gid = system ? 999 : 1000;
  while (groups.some((g) => g.gid === gid)) gid += system ? -1 : 1;
  groups.push({ name, gid, members: [] });
  save(ctx, null, groups);
  return success();
};

/** `groups [USER...]` (coreutils): the shell's own groups, or "USER : g1 g2" per user. */
export const groups: CommandFn = (argv, ctx) => {
  const users = readUsers(ctx);
  const all = readGroups(ctx);
  const names = argv.slice(1);
  const out = new Output();
  // The shell's own groups are its login's: a usermod shows after logging in again (or newgrp).
  if (names.length === 0) return out.line('root').done(0);
  let code = 0;
  for (const n of names) {
    const u = findUser(users, n);
    if (!u) {
      out.err(`groups: ‘${n}’: no such user`);
      code = 1;
      continue;
    }
    out.line(`${n} : ${groupsOf(u, all).map((g) => g.name).join(' ')}`);
  }
  return out.done(code);
};
