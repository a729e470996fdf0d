/**
 * `docker swarm ca [--rotate] [-d] [-q] [--cert-expiry D] [--ca-cert F --ca-key F]` (docker/cli 28,
 * recorded against Engine 26.1): prints the root CA certificate; --rotate replaces it and follows
 * the rotation as the CLI does when its output is not a terminal (jsonmessage prints only the lines
 * without a progress bar: the three headers, then the desired root digest at every 200 ms poll).
 */
import { trustRoot, trustRootDigest, rotateRootCa } from '../../engine/swarm/root-ca';
import { editSettings, MIN_CERT_EXPIRY_MS } from '../../engine/swarm/settings';
import { resolvePath } from '../fs';
import { fail, type CommandResult, success } from '../types';
import { argsError, daemonError, type DockerCtx } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';
import { asManager, isResult } from './swarm-access';
import { externalCaError, flagUsageError, invalidFlagValue, parseGoDuration } from './swarm-flags';

/** Recorded: a one-node swarm's rotation converged after 15 polls (3 s); the CLI polls every 200 ms. */
const ROTATION_MS = 3000;
const POLL_MS = 200;

const FLAGS = flagSpecs('ca-cert= ca-key= cert-expiry= d|detach external-ca= q|quiet rotate');

/** PEMFile.Set: the file must exist and hold a PEM block. */
function pemFile(d: DockerCtx, flag: string, path: string): string | CommandResult {
  const read = d.sh.fs.read(resolvePath(d.sh.cwd, path), d.sh.ns);
  if (!read.ok) return invalidFlagValue('swarm ca', `--${flag}`, path, `open ${path}: ${read.error === 'EISDIR' ? 'is a directory' : 'no such file or directory'}`);
  if (!/-----BEGIN [^-\n]+-----\r?\n[\s\S]*?-----END [^-\n]+-----/.test(read.data)) return invalidFlagValue('swarm ca', `--${flag}`, path, 'file contents must be in PEM format');
  return read.data;
}

export function swarmCa(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, FLAGS, true);
  if (!parsed.ok) return flagUsageError('swarm ca', parsed.error);
  const p = parsed.value;
  const files: Record<string, string> = {};
  for (const flag of ['ca-cert', 'ca-key']) {
    const path = last(p, flag);
    if (path === undefined) continue;
    const pem = pemFile(d, flag, path);
    if (typeof pem !== 'string') return pem;
    files[flag] = pem;
  }
  const expiryText = last(p, 'cert-expiry');
  const expiry = expiryText === undefined ? undefined : parseGoDuration(expiryText);
  if (typeof expiry === 'string') return invalidFlagValue('swarm ca', '--cert-expiry', expiryText!, expiry);
  const external = last(p, 'external-ca');
  const externalError = external === undefined ? undefined : externalCaError(external);
  if (externalError) return invalidFlagValue('swarm ca', '--external-ca', external!, externalError);
  if (p.args.length > 0) return argsError('swarm ca', '[OPTIONS]', 'Display and rotate the root CA', 'no arguments');

  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const world = d.sh.world;
  if (!has(p, 'rotate')) {
    const changed = ['ca-cert', 'ca-key', 'cert-expiry', 'external-ca'].find((f) => p.flags[f] !== undefined);
    if (changed) return fail(`\`--${changed}\` flag requires the \`--rotate\` flag to update the CA`, 1);
    return success(trustRoot(cluster, world.clock.epoch));
  }
  if (external !== undefined && files['ca-cert'] === undefined) {
    return fail('rotating to an external CA requires the `--ca-cert` flag to specify the external CA\'s cert - to add an external CA with the current root CA certificate, use the `update` command instead', 1);
  }
  if (files['ca-cert'] !== undefined && external === undefined && files['ca-key'] === undefined) {
    return fail('the --ca-cert flag requires that a --ca-key flag and/or --external-ca flag be provided as well', 1);
  }
  if (expiry !== undefined && expiry < MIN_CERT_EXPIRY_MS) return daemonError('rpc error: code = InvalidArgument desc = minimum certificate expiry time is: 1h0m0s');

  const before = trustRoot(cluster, world.clock.epoch);
  if (expiry !== undefined) editSettings(cluster).certExpiryMs = expiry;
  rotateRootCa(world, cluster, files['ca-cert']);
  if (has(p, 'detach')) return success();
  const after = trustRoot(cluster, world.clock.epoch);
  const lines = ['desired root digest: ', '  rotated TLS certificates: ', '  rotated CA certificates:  '];
  for (let t = 0; ; t += POLL_MS) {
    const done = t >= ROTATION_MS;
    lines.push(`desired root digest: ${trustRootDigest(done ? after : before)}`);
    if (done) break;
  }
  world.clock.advance(ROTATION_MS + POLL_MS);
  if (has(p, 'quiet')) return success();
  return success(lines.join('\n') + '\n' + after);
}
