import { utcParts } from '../../common/clock';
/** go-units: HumanDuration ("3 seconds", "About a minute") and decimal sizes ("192MB"). */

export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(ms / 60000);
  const hours = Math.round(ms / 3600000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3600000 / 24 / 365)} years`;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** units.HumanSizeWithPrecision(size, 3): "%.3g%s" in powers of 1000. */
export function humanSize(bytes: number, precision = 3): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < UNITS.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(precision))}${UNITS[i]}`;
}

/** RFC 3339 with nanoseconds as the API prints times: 2026-01-15T09:30:00.123456789Z */
export function apiTime(epochMs: number): string {
  const iso = utcParts(epochMs).iso;
  return iso.replace(/\.(\d{3})Z$/, (_, ms: string) => `.${ms}000000Z`);
}

/** docker ps's CreatedAt: 2026-01-15 09:30:00 +0000 UTC */
export function createdAt(epochMs: number): string {
  return utcParts(epochMs).iso.replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC');
}
