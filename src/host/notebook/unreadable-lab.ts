/**
 * A lab file the notebook cannot show as cells (bytes that are not UTF-8, or over the size and
 * cell limits of src/engine/limits.ts) opens as one markdown cell saying why, and saving writes
 * the original bytes back: nothing in the file is lost or re-encoded. Pure (no vscode).
 */
import { LIMITS, labTooLarge } from '../../engine/limits';
import { labCells, parseLab } from '../../labs/lab';

export interface UnreadableLab {
  /** The markdown shown instead of the lab. */
  message: string;
  /** The file's bytes, base64, kept in the notebook's metadata and written back on save. */
  original: string;
}

const strict = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

/** The file's text, or why it cannot be opened as a lab. */
export function readLab(bytes: Uint8Array): { text: string } | UnreadableLab {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return unreadable(bytes, 'the file is not valid UTF-8 text');
  }
  const tooLarge = labTooLarge(text, text.length > LIMITS.labBytes ? 0 : labCells(parseLab(text)).length);
  return tooLarge ? unreadable(bytes, tooLarge.replace(/^vethlab: /, '')) : { text };
}

function unreadable(bytes: Uint8Array, why: string): UnreadableLab {
  const message = `**Vethlab cannot open this lab:** ${why}.\n\nNothing was changed: saving writes the file back exactly as it was. Fix it in a text editor (**Reopen Editor With… → Text Editor**).`;
  return { message, original: toBase64(bytes) };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
