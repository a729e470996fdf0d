/** `docker system df [-v]` (docker/cli cli/command/formatter/disk_usage.go): space used by images, containers, volumes and the build cache. */
import { layerSizesOf } from '../../engine/docker/layers';
import { sha256Hex } from '../../engine/docker/layers-sha256';
import { volumeSize, volumeUsers, volumesOf } from '../../engine/docker/volumes';
import type { Container, DaemonState, Image } from '../../engine/docker/types';
import { fail, type CommandResult, success } from '../types';
import { usageError, type DockerCtx } from './context';
import { has, parseFlags, flagSpecs } from './flags';
import { epochNow } from './images';
import { humanDuration, humanSize } from './human';
import { tabwrite } from './table';

export function dockerSystem(d: DockerCtx, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  if (sub === 'df') return systemDf(d, rest);
  if (sub === undefined) return success('Usage:  docker system COMMAND\n\nManage Docker\n\nCommands:\n  df          Show docker disk usage\n  events      Get real time events from the server\n  info        Display system-wide information\n  prune       Remove unused data\n\nRun \'docker system COMMAND --help\' for more information on a command.\n');
  return fail(`docker: 'system ${sub}' is not a docker command.\nSee 'docker --help'`, 1);
}

/** Bytes a container wrote into its own layer (files, and what apt-get installed). */
export function containerSize(c: Container): number {
  const files = Object.values(c.files ?? {}).reduce((n, f) => n + new TextEncoder().encode(f).length, 0);
  return files + c.installed.length * 2_621_440 + (c.aptUpdated ? 41_958_400 : 0);
}

function uniqueImages(daemon: DaemonState): Image[] {
  const seen = new Map<string, Image>();
  for (const i of daemon.images) if (!seen.has(i.id)) seen.set(i.id, i);
  return [...seen.values()];
}

/** Layer -> size over all images (a shared layer counts once). */
function layerTable(images: Image[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of images) layerSizesOf(i).forEach((s, n) => m.set(i.layers[n]!, s));
  return m;
}

function pct(part: number, total: number): string {
  return total > 0 ? `${humanSize(part, 4)} (${Math.floor((part * 100) / total)}%)` : humanSize(part, 4);
}

function buildCacheRecords(daemon: DaemonState): Array<{ id: string; size: number; createdBy: string; created: string }> {
  const seen = new Map<string, { id: string; size: number; createdBy: string; created: string }>();
  for (const [key, image] of Object.entries(daemon.buildCache ?? {})) {
    // The builder's note that it used a base image (build.ts) is no record: the base is an image.
    if (key === sha256Hex(`from seen ${image.id}`)) continue;
    const h = image.history?.[image.history.length - 1];
    const layer = image.layers[image.layers.length - 1];
    if (!h || h.empty || !layer || seen.has(layer)) continue;
    seen.set(layer, { id: layer, size: h.size, createdBy: h.createdBy, created: h.created });
  }
  return [...seen.values()];
}

function systemDf(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('v|verbose format='), true);
  if (!parsed.ok) return usageError('system df', parsed.error);
  const daemon = d.daemon;
  const images = uniqueImages(daemon);
  const layers = layerTable(images);
  const imagesSize = [...layers.values()].reduce((a, b) => a + b, 0);
  const usedIds = new Set(daemon.containers.map((c) => c.imageId));
  const usedLayers = new Set(images.filter((i) => usedIds.has(i.id)).flatMap((i) => i.layers));
  const usedBytes = [...usedLayers].reduce((a, l) => a + (layers.get(l) ?? 0), 0);
  const active = (c: Container) => c.state === 'running' || c.state === 'paused';
  const cSize = daemon.containers.reduce((a, c) => a + containerSize(c), 0);
  const cReclaim = daemon.containers.filter((c) => !active(c)).reduce((a, c) => a + containerSize(c), 0);
  const volumes = volumesOf(daemon);
  const vSize = volumes.reduce((a, v) => a + volumeSize(v), 0);
  const vReclaim = volumes.filter((v) => volumeUsers(daemon, v.name).length === 0).reduce((a, v) => a + volumeSize(v), 0);
  const cache = buildCacheRecords(daemon);
  const cacheSize = cache.reduce((a, r) => a + r.size, 0);
  if (!has(parsed.value, 'verbose')) {
    return success(tabwrite([
        ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
        ['Images', String(images.length), String(images.filter((i) => usedIds.has(i.id)).length), humanSize(imagesSize, 4), pct(imagesSize - usedBytes, imagesSize)],
        ['Containers', String(daemon.containers.length), String(daemon.containers.filter(active).length), humanSize(cSize, 4), pct(cReclaim, cSize)],
        ['Local Volumes', String(volumes.length), String(volumes.filter((v) => volumeUsers(daemon, v.name).length > 0).length), humanSize(vSize, 4), pct(vReclaim, vSize)],
        ['Build Cache', String(cache.length), '0', humanSize(cacheSize, 4), humanSize(cacheSize, 4)],
      ]));
  }
  const now = epochNow(d.sh.world);
  const ago = (ms: number) => `${humanDuration(now - ms)} ago`;
  const sharedOf = (i: Image) => i.layers.filter((l) => images.some((o) => o.id !== i.id && o.layers.includes(l))).reduce((a, l) => a + (layers.get(l) ?? 0), 0);
  const entries = daemon.images.slice().sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
  const imageRows = entries.map((i) => [i.repo, i.tag, i.id.slice(0, 12), ago(Date.parse(i.created)), humanSize(i.size, 4), humanSize(sharedOf(i), 4), humanSize(i.size - sharedOf(i), 4), String(daemon.containers.filter((c) => c.imageId === i.id).length)]);
  const containerRows = daemon.containers.map((c) => [c.id.slice(0, 12), c.image, `"${[c.path, ...c.args].join(' ').slice(0, 19)}${[c.path, ...c.args].join(' ').length > 19 ? '…' : ''}"`, String((c.mounts ?? []).filter((m) => m.type === 'volume').length), humanSize(containerSize(c), 4), ago(d.sh.world.clock.epoch + c.created), c.state === 'running' ? 'Up' : c.state === 'created' ? 'Created' : c.state === 'paused' ? 'Up (Paused)' : `Exited (${c.exitCode})`, c.name]);
  const volumeRows = volumes.map((v) => [v.name, String(volumeUsers(daemon, v.name).length), humanSize(volumeSize(v), 4)]);
  const cacheRows = cache.map((r) => [r.id, 'regular', humanSize(r.size, 4), ago(Date.parse(r.created)), ago(Date.parse(r.created)), '1', 'false']);
  const stdout =
    'Images space usage:\n\n' + tabwrite([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'], ...imageRows]) +
    '\nContainers space usage:\n\n' + tabwrite([['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'], ...containerRows]) +
    '\nLocal Volumes space usage:\n\n' + tabwrite([['VOLUME NAME', 'LINKS', 'SIZE'], ...volumeRows]) +
    `\nBuild cache usage: ${humanSize(cacheSize, 4)}\n\n` + tabwrite([['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED'], ...cacheRows]);
  return success(stdout);
}
