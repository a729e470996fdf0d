/**
 * The recorder's stand-in images in the replay world. No registry is reachable where the goldens
 * are recorded, so record.sh makes busybox:latest and alpine:latest with
 * `tar -C rootfs -c . | docker import -c 'ENV PATH=…' -c 'CMD ["sh"]' - NAME`, one after the
 * other, from Debian 12's static busybox 1.35 and its applet links. Here they are the same kind of
 * image: one imported layer, no repo digest, one history entry "Imported from -", and the
 * catalog busybox's programs.
 */
import { utcParts } from '../../../src/common/clock';
import { findInCatalog, parseImageRef } from '../../../src/engine/docker/catalog';
import { layerIdOf, sealImage } from '../../../src/engine/docker/layers';
import type { DaemonState, Image } from '../../../src/engine/docker/types';
import type { World } from '../../../src/engine/world';

/**
 * Bytes of the recorder's rootfs as dockerd counts a layer (regular files and symlinks, st_size):
 * busybox 1,982,256 + 268 applet links of 7 ("busybox") + /etc/passwd 82 + /etc/group 27.
 */
export const STAND_IN_SIZE = 1_984_241;
const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Imports busybox:latest then alpine:latest (1 ms apart, as two imports are) into the daemon. */
export function importStandIns(world: World, daemon: DaemonState): void {
  const busybox = findInCatalog(parseImageRef('busybox')!);
  if (busybox.kind !== 'found') throw new Error('the catalog has no busybox');
  const layer = layerIdOf('', 'vethlab-oracle stand-in rootfs: busybox-static 1.35');
  ['busybox', 'alpine'].forEach((repo, i) => {
    const created = utcParts(world.clock.epoch + world.clock.now() + i).iso;
    const draft: Image = {
      ...busybox.image,
      repo,
      tag: 'latest',
      id: '',
      digest: '',
      size: STAND_IN_SIZE,
      created,
      cmd: ['sh'],
      entrypoint: null,
      env: [PATH],
      exposed: [],
      workdir: '',
      layers: [layer],
      layerSizes: [STAND_IN_SIZE],
      history: [{ created, createdBy: '', size: STAND_IN_SIZE, comment: 'Imported from -', empty: false }],
      comment: 'Imported from -',
    };
    daemon.images.push(sealImage(draft, repo, 'latest'));
  });
}
