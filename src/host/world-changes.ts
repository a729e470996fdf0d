/**
 * World changes, one per command: the engine fires onDidChange for every kernel change, so
 * the views wait for the end of the current task (a command runs synchronously) and then
 * look once. No polling.
 */
import type { World } from '../engine/world';

export function onWorldSettled(world: World, listener: () => void): { dispose(): void } {
  let queued = false;
  let disposed = false;
  const sub = world.onDidChange(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!disposed) listener();
    });
  });
  return {
    dispose: () => {
      disposed = true;
      sub.dispose();
    },
  };
}
