/**
 * Names of existing objects a command line can take next: namespaces, interfaces (those of the
 * namespace `-n NS` or `ip netns exec NS` picked), and for docker the containers, networks,
 * images or volumes its subcommand works on. Pure.
 */
import type { World } from '../../engine/world';
import { allDaemons } from '../../engine/docker/daemon';
import { linksIn } from '../../engine/net/links';
import type { Host } from '../../engine/net/types';
import { imageName } from '../../engine/view/docker-describe';
import { learnerHosts } from '../../engine/view/hosts';

export interface ObjectName {
  label: string;
  detail: string;
}

const CONTAINER_SUBCOMMANDS = new Set(['exec', 'stop', 'start', 'restart', 'kill', 'rm', 'logs', 'inspect', 'port', 'rename', 'wait', 'pause', 'unpause', 'attach', 'top', 'stats', 'cp', 'diff', 'commit', 'export', 'update']);
const IMAGE_SUBCOMMANDS = new Set(['run', 'create', 'rmi', 'pull', 'push', 'tag', 'history', 'save']);

/** `words`: the words typed before the one being completed. */
export function objectNames(world: World, typed: string[]): ObjectName[] {
  const words = typed[0] === 'sudo' ? typed.slice(1) : typed;
  const hosts = learnerHosts(world);
  if (words[0] === 'docker') return dockerNames(world, words);
  const last = words[words.length - 1];
  if (last === '-n' || last === '-netns' || (words[0] === 'ip' && words[1] === 'netns' && /^(exec|delete|del|identify|pids)$/.test(words[2] ?? '') && words.length === 3)) return namespaceNames(world, hosts);
  const inNs = namespaceOf(words);
  return [...namespaceNames(world, hosts), ...linkNames(world, hosts, inNs)];
}

/** The namespace the line acts in: `ip -n red …`, `ip netns exec red …`; undefined for the host's own. */
function namespaceOf(words: string[]): string | undefined {
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] === '-n' || words[i] === '-netns') return words[i + 1];
    if (words[i] === 'netns' && words[i + 1] === 'exec') return words[i + 2];
  }
  return undefined;
}

function namespaceNames(world: World, hosts: Host[]): ObjectName[] {
  return hosts.flatMap((h) => Object.keys(h.netnsNames).filter((n) => world.state.netns[h.netnsNames[n]!]).map((label) => ({ label, detail: 'network namespace' })));
}

function linkNames(world: World, hosts: Host[], netns: string | undefined): ObjectName[] {
  const out: ObjectName[] = [];
  for (const host of hosts) {
    const nsId = netns === undefined ? host.rootNsId : host.netnsNames[netns];
    if (nsId === undefined) continue;
    for (const link of linksIn(world, nsId)) if (link.kind !== 'loopback') out.push({ label: link.name, detail: `${link.kind} interface${netns ? ` in ${netns}` : ''}` });
  }
  return out;
}

function dockerNames(world: World, words: string[]): ObjectName[] {
  const daemons = allDaemons(world);
  const positional = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !(i > 0 && /^--?(network|net|name|volume|v|p|publish|e|env|mount|format|f|filter)$/.test(all[i - 1]!)));
  const last = words[words.length - 1];
  const containers = () => daemons.flatMap((d) => d.containers.map((c) => ({ label: c.name, detail: `container (${c.image}, ${c.state})` })));
  const networks = () => daemons.flatMap((d) => d.networks.map((n) => ({ label: n.name, detail: `Docker network (${n.driver})` })));
  const images = () => daemons.flatMap((d) => d.images.map((i) => ({ label: imageName(i), detail: 'image' })));
  const volumes = () => daemons.flatMap((d) => (d.volumes ?? []).map((v) => ({ label: v.name, detail: 'volume' })));
  if (last === '--network' || last === '--net') return networks();
  if (last === '-v' || last === '--volume' || last === '--mount') return volumes();
  const [sub, action] = positional;
  if (sub === undefined) return [];
  if (sub === 'network') return action === undefined ? [] : action === 'connect' || action === 'disconnect' ? (positional.length === 2 ? networks() : containers()) : /^(rm|inspect)$/.test(action) ? networks() : [];
  if (sub === 'volume') return action !== undefined && /^(rm|inspect)$/.test(action) ? volumes() : [];
  if (sub === 'image') return action !== undefined && /^(rm|inspect|tag|history)$/.test(action) ? images() : [];
  if (sub === 'container') return action !== undefined && CONTAINER_SUBCOMMANDS.has(action) ? containers() : [];
  // Only the first argument names the object: `docker exec web ip addr` has nothing more to complete.
  if (positional.length > 1) return [];
  if (CONTAINER_SUBCOMMANDS.has(sub)) return containers();
  if (IMAGE_SUBCOMMANDS.has(sub)) return images();
  return [];
}
