/**
 * The swarm's root CA certificate as swarmkit makes it (cfssl initca): an X.509 v3 certificate,
 * CN=swarm-ca, ECDSA P-256 with SHA-256, valid 20 years from 5 minutes before issue (rounded to the
 * minute), key usage cert sign + CRL sign, CA:TRUE. The DER layout is the one recorded from
 * Engine 26.1 (363 bytes with a 72-byte signature); key, serial and signature bytes come from the
 * CA's seed, which the seeded Rng drew, so the same script prints the same PEM. The public key is a
 * real P-256 point (openssl reads the certificate); the signature has the right shape only.
 */
import { utcParts, two } from '../../common/clock';
import { sha256Hex } from '../docker/layers-sha256';
import type { World } from '../world';
import type { Cluster } from './types';
import { editSettings, settingsOf, type RootCa } from './settings';
import { newSwarmId } from './state';

// NIST P-256 (SEC 2): y^2 = x^3 - 3x + b over GF(p), base point G of order n.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: [bigint, bigint] = [0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n, 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n];

const mod = (a: bigint): bigint => ((a % P) + P) % P;

function inverse(a: bigint): bigint {
  let [r0, r1, t0, t1] = [P, mod(a), 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return mod(t0);
}

/** Jacobian coordinates (x = X/Z^2, y = Y/Z^3): one inversion per key instead of one per step. */
type Jacobian = [bigint, bigint, bigint];

function double([x, y, z]: Jacobian): Jacobian {
  const delta = mod(z * z);
  const gamma = mod(y * y);
  const beta = mod(x * gamma);
  const alpha = mod(3n * (x - delta) * (x + delta));
  const x3 = mod(alpha * alpha - 8n * beta);
  return [x3, mod(alpha * (4n * beta - x3) - 8n * gamma * gamma), mod((y + z) * (y + z) - gamma - delta)];
}

/** Adds an affine point (Z = 1); the scalars drawn here never meet the doubling case. */
function addAffine([x1, y1, z1]: Jacobian, [x2, y2]: [bigint, bigint]): Jacobian {
  const zz = mod(z1 * z1);
  const h = mod(x2 * zz - x1);
  const hh = mod(h * h);
  const i = 4n * hh;
  const j = mod(h * i);
  const r = mod(2n * (y2 * z1 * zz - y1));
  const v = mod(x1 * i);
  const x3 = mod(r * r - j - 2n * v);
  return [x3, mod(r * (v - x3) - 2n * y1 * j), mod((z1 + h) * (z1 + h) - zz - hh)];
}

/** The public key of private scalar k (1 < k < n): k * G, as 64 bytes (X then Y). */
function publicKeyOf(k: bigint): number[] {
  const bits = k.toString(2);
  let acc: Jacobian = [G[0], G[1], 1n];
  for (const bit of bits.slice(1)) {
    acc = double(acc);
    if (bit === '1') acc = addAffine(acc, G);
  }
  const zi = inverse(acc[2]);
  const x = mod(acc[0] * zi * zi);
  const y = mod(acc[1] * zi * zi * zi);
  return hexBytes(x.toString(16).padStart(64, '0') + y.toString(16).padStart(64, '0'));
}

const ROOT_CA_LIFETIME_MS = 7300 * 86_400_000;
const BACKDATE_MS = 5 * 60_000;

/** Deterministic bytes: SHA-256 blocks of the seed and a counter. */
function byteStream(seed: string): (n: number) => number[] {
  let block: number[] = [];
  let counter = 0;
  return (n) => {
    const out: number[] = [];
    while (out.length < n) {
      if (block.length === 0) block = hexBytes(sha256Hex(`${seed}/${counter++}`));
      out.push(block.shift()!);
    }
    return out;
  };
}

function hexBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

const two16 = (b: number): string => b.toString(16).padStart(2, '0');

function tlv(tag: number, body: number[]): number[] {
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [tag, ...len, ...body];
}

/** A DER INTEGER from big-endian magnitude bytes: minimal, with a 0 byte when the top bit is set. */
function derInteger(bytes: number[]): number[] {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const body = bytes.slice(i);
  return tlv(0x02, body[0]! & 0x80 ? [0, ...body] : body);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const OID_ECDSA_SHA256 = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
const OID_EC_PUBLIC_KEY = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256 = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const NAME_SWARM_CA = tlv(0x30, tlv(0x31, tlv(0x30, [0x06, 0x03, 0x55, 0x04, 0x03, ...tlv(0x13, ascii('swarm-ca'))])));

function utcTime(epochMs: number): number[] {
  const p = utcParts(epochMs);
  return tlv(0x17, ascii(`${two(p.year % 100)}${two(p.month + 1)}${two(p.day)}${two(p.hour)}${two(p.minute)}${two(p.second)}Z`));
}

function extensions(ski: number[]): number[] {
  const keyUsage = tlv(0x30, [0x06, 0x03, 0x55, 0x1d, 0x0f, 0x01, 0x01, 0xff, ...tlv(0x04, tlv(0x03, [0x01, 0x06]))]);
  const basic = tlv(0x30, [0x06, 0x03, 0x55, 0x1d, 0x13, 0x01, 0x01, 0xff, ...tlv(0x04, tlv(0x30, [0x01, 0x01, 0xff]))]);
  const keyId = tlv(0x30, [0x06, 0x03, 0x55, 0x1d, 0x0e, ...tlv(0x04, tlv(0x04, ski))]);
  return tlv(0xa3, tlv(0x30, [...keyUsage, ...basic, ...keyId]));
}

/** The certificate's DER bytes for a CA seed issued at `issuedEpochMs`. */
export function rootCaDer(seed: string, issuedEpochMs: number): number[] {
  const bytes = byteStream(seed);
  const serial = bytes(20);
  serial[0]! &= 0x7f;
  const notBefore = Math.round(issuedEpochMs / 60_000) * 60_000 - BACKDATE_MS;
  const secret = (BigInt('0x' + bytes(32).map((b) => two16(b)).join('')) % (N - 2n)) + 2n;
  const publicKey = [0x04, ...publicKeyOf(secret)];
  const tbs = tlv(0x30, [
    ...tlv(0xa0, [0x02, 0x01, 0x02]),
    ...derInteger(serial),
    ...tlv(0x30, OID_ECDSA_SHA256),
    ...NAME_SWARM_CA,
    ...tlv(0x30, [...utcTime(notBefore), ...utcTime(notBefore + ROOT_CA_LIFETIME_MS)]),
    ...NAME_SWARM_CA,
    ...tlv(0x30, [...tlv(0x30, [...OID_EC_PUBLIC_KEY, ...OID_P256]), ...tlv(0x03, [0x00, ...publicKey])]),
    ...extensions(bytes(20)),
  ]);
  const signature = tlv(0x30, [...derInteger(bytes(32)), ...derInteger(bytes(32))]);
  return tlv(0x30, [...tbs, ...tlv(0x30, OID_ECDSA_SHA256), ...tlv(0x03, [0x00, ...signature])]);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

/** PEM as Go's pem.Encode writes it: 64-column lines, a final newline. */
export function pemCertificate(der: number[]): string {
  const body = base64(der).match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** The swarm's trust root (ClusterInfo.TLSInfo.TrustRoot): the current root CA certificate, PEM. */
export function trustRoot(cluster: Cluster, epochMs: number): string {
  const ca: RootCa = settingsOf(cluster).ca;
  return ca.pem ?? pemCertificate(rootCaDer(ca.seed, epochMs + ca.issuedAt));
}

/** What `swarm ca --rotate`'s progress shows: digest.FromBytes of the trust root. */
export function trustRootDigest(pem: string): string {
  return `sha256:${sha256Hex(pem)}`;
}

/**
 * `docker swarm ca --rotate`: a new root CA (generated, or the PEM given with --ca-cert) and, since
 * join tokens carry the root CA's digest, new tokens' digest part. ForceRotate counts generated ones.
 */
export function rotateRootCa(world: World, cluster: Cluster, givenPem?: string): void {
  const settings = editSettings(cluster);
  const seed = newSwarmId(world, 50);
  settings.ca = { seed, issuedAt: world.clock.now(), ...(givenPem !== undefined ? { pem: givenPem.trim() + '\n' } : {}) };
  if (givenPem === undefined) settings.forceRotate++;
  cluster.caDigest = seed;
  world.changed();
}
