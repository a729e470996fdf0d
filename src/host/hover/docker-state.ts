/** What a hover says about the Docker objects a command line names: containers, networks, images, volumes as they are now. Pure. */
import type { World } from '../../engine/world';
import { allDaemons } from '../../engine/docker/daemon';
import { containerViewId, describeContainer, describeImage, describeNetwork, describeVolume, imageName, networkViewId } from '../../engine/view/docker-describe';

export interface ObjectState {
  word: string;
  text: string;
  viewId?: string;
}

export function dockerObjectState(world: World, words: string[]): ObjectState[] {
  const out: ObjectState[] = [];
  const seen = new Set<string>();
  for (const daemon of allDaemons(world)) {
    for (const word of words) {
      if (seen.has(word) || word.startsWith('-')) continue;
      const c = daemon.containers.find((x) => x.name === word || (word.length >= 4 && /^[0-9a-f]+$/.test(word) && x.id.startsWith(word)));
      if (c) {
        out.push({ word, text: describeContainer(daemon, c), viewId: containerViewId(world, c) });
        seen.add(word);
        continue;
      }
      const n = daemon.networks.find((x) => x.name === word);
      if (n) {
        const viewId = networkViewId(n);
        out.push({ word, text: describeNetwork(daemon, n), ...(viewId ? { viewId } : {}) });
        seen.add(word);
        continue;
      }
      const v = daemon.volumes?.find((x) => x.name === word);
      if (v) {
        out.push({ word, text: describeVolume(daemon, v) });
        seen.add(word);
        continue;
      }
      const i = daemon.images.find((x) => imageName(x) === word || imageName(x) === `${word}:latest`);
      if (i) {
        out.push({ word, text: describeImage(i) });
        seen.add(word);
      }
    }
  }
  return out;
}
