/**
 * ustar archives as strings in the simulated filesystem (`docker export`, `save`, `import`,
 * `load`): 512-byte headers with octal fields and a checksum, contents padded to 512, two zero
 * blocks at the end. Characters stand for bytes (the simulated files are text).
 */

export interface TarEntry {
  path: string;
  data: string;
  dir?: boolean;
}

function field(value: string, length: number): string {
  return value.slice(0, length).padEnd(length, '\0');
}

function octal(n: number, length: number): string {
  return n.toString(8).padStart(length - 1, '0') + '\0';
}

function header(e: TarEntry, mtime: number): string {
  const name = e.dir && !e.path.endsWith('/') ? e.path + '/' : e.path;
  const size = e.dir ? 0 : e.data.length;
  let h = field(name, 100) + octal(e.dir ? 0o755 : 0o644, 8) + octal(0, 8) + octal(0, 8) + octal(size, 12) + octal(mtime, 12) + '        ' + (e.dir ? '5' : '0') + field('', 100) + 'ustar\0' + '00' + field('root', 32) + field('root', 32) + octal(0, 8) + octal(0, 8) + field('', 155);
  h = h.padEnd(512, '\0');
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += h.charCodeAt(i) & 0xff;
  return h.slice(0, 148) + sum.toString(8).padStart(6, '0') + '\0 ' + h.slice(156);
}

export function encodeTar(entries: TarEntry[], mtimeSeconds = 0): string {
  let out = '';
  for (const e of entries) {
    out += header(e, mtimeSeconds);
    if (!e.dir) out += e.data + '\0'.repeat((512 - (e.data.length % 512)) % 512);
  }
  return out + '\0'.repeat(1024);
}

/** The entries, or undefined when the text is not a tar archive. */
export function decodeTar(tar: string): TarEntry[] | undefined {
  const out: TarEntry[] = [];
  let off = 0;
  while (off + 512 <= tar.length) {
    const h = tar.slice(off, off + 512);
    if (/^\0*$/.test(h)) return out;
    if (h.slice(257, 262) !== 'ustar') return undefined;
    const name = h.slice(0, 100).replace(/\0.*$/s, '');
    const size = parseInt(h.slice(124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
    const dir = h[156] === '5';
    off += 512;
    if (off + size > tar.length) return undefined;
    out.push({ path: name.replace(/\/$/, ''), data: tar.slice(off, off + size), ...(dir ? { dir: true } : {}) });
    off += Math.ceil(size / 512) * 512;
  }
  return out.length > 0 ? out : undefined;
}
