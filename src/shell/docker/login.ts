/**
 * `docker login` / `docker logout` (CLI 28.2, Engine 26.1; recorded: test/golden/docker/login.txt).
 * The daemon checks the credentials against the registry: a registry:2 container reached the
 * way push reaches it accepts any (it has no auth), and the client stores them base64-encoded in
 * ~/.docker/config.json, warning that they are unencrypted when they changed. Without a username
 * and password the CLI would prompt, which a non-TTY cannot. Docker Hub's accounts are not
 * simulated: logging in to it says so.
 */
import { reachRegistry } from '../../engine/docker/registry-server';
import { fail, type CommandResult, type ShellContext, success } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';

const CONFIG = '/root/.docker/config.json';
const HUB = 'https://index.docker.io/v1/';
const NON_TTY = 'Error: Cannot perform an interactive login from a non TTY device';
const PASSWORD_WARNING = 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.';
const UNENCRYPTED = `\nWARNING! Your credentials are stored unencrypted in '${CONFIG}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`;

interface Config {
  auths?: Record<string, { auth?: string }>;
  [key: string]: unknown;
}

function readConfig(sh: ShellContext): Config | undefined {
  const r = sh.fs.read(CONFIG, sh.ns);
  if (!r.ok) return undefined;
  try {
    const parsed: unknown = JSON.parse(r.data);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Config) : {};
  } catch {
    return {};
  }
}

/** Go's json.MarshalIndent(config, "", "\t"): tabs, no newline at the end. */
function writeConfig(sh: ShellContext, config: Config): void {
  sh.fs.write(CONFIG, JSON.stringify(config, null, '\t'), false, sh.ns);
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function dockerLogin(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('u|username= p|password= password-stdin'), true);
  if (!parsed.ok) return usageError('login', parsed.error);
  const [server, ...extra] = parsed.value.args;
  if (extra.length > 0) return argsError('login', '[OPTIONS] [SERVER]', 'Authenticate to a registry', 'at most 1 argument');
  let username = last(parsed.value, 'username');
  let password = last(parsed.value, 'password');
  const fromStdin = has(parsed.value, 'password-stdin');
  if (fromStdin && password !== undefined) return fail('conflicting options: cannot specify both --password and --password-stdin', 1);
  if (fromStdin && username === undefined) return fail('the --password-stdin option requires --username to be set', 1);
  if (fromStdin) password = d.sh.stdin.replace(/\r?\n$/, '');
  let stderr = password !== undefined && !fromStdin ? PASSWORD_WARNING + '\n' : '';
  username = username?.trim();
  if (!username || !password) {
    if (d.sh.env['VETHLAB_TTY']) return { stdout: '', stderr: stderr + 'vethlab: interactive docker login (a prompt or the web-based device code) is not simulated: use docker login -u USER --password-stdin\n', exitCode: 1 };
    return { stdout: '', stderr: stderr + NON_TTY + '\n', exitCode: 1 };
  }
  const hub = server === undefined || /^(https?:\/\/)?(index\.)?docker\.io(\/v1\/?)?$|^registry-1\.docker\.io$/.test(server);
  if (hub) return { stdout: '', stderr: stderr + 'vethlab: Docker Hub accounts are not simulated; log in to a registry:2 container instead (docker run -d -p 5000:5000 registry:2, then docker login localhost:5000)\n', exitCode: 1 };
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?\/?$/.exec(server!);
  if (!m) return fail(errorResponse(`Get "https://${server}/v2/": invalid URL`), 1);
  const reach = reachRegistry(d.sh.world, d.sh.host, m[1]!, m[2] === undefined ? 443 : Number(m[2]));
  if (!reach.ok) return { stdout: '', stderr: `${stderr}Error response from daemon: ${reach.error}\n`, exitCode: 1 };
  const key = server!.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const config = readConfig(d.sh) ?? {};
  const auth = base64(`${username}:${password}`);
  const changed = config.auths?.[key]?.auth !== auth;
  if (changed) {
    config.auths = { ...(config.auths ?? {}), [key]: { auth } };
    writeConfig(d.sh, config);
    stderr += UNENCRYPTED;
  }
  return { stdout: 'Login Succeeded\n', stderr, exitCode: 0 };
}

/** `docker logout [SERVER]`: forgets the stored credentials (the client alone; says so even when there were none). */
export function dockerLogout(sh: ShellContext, argv: string[]): CommandResult {
  const args = argv.filter((a) => !a.startsWith('-'));
  if (args.length > 1) return argsError('logout', '[SERVER]', 'Log out from a registry', 'at most 1 argument');
  const server = args[0] ?? HUB;
  const config = readConfig(sh);
  if (config?.auths && server in config.auths) {
    const { [server]: _gone, ...rest } = config.auths;
    void _gone;
    config.auths = rest;
    writeConfig(sh, config);
  }
  return success(`Removing login credentials for ${server}\n`);
}
