/**
 * Which world the views show. Every owner of a world (a Vethlab terminal, a lab notebook)
 * registers it with a label; the one used or focused last is active. The topology panel,
 * the tree and the hovers follow `active` and `onDidChangeActive`.
 *
 *   const entry = worlds.register(world, 'lab: 05-bridge');   // when the world is created
 *   worlds.activate(entry);                                    // when it is focused or a cell runs
 *   entry.dispose();                                           // when it is closed
 */
import type { World } from '../engine/world';

export interface WorldEntry {
  readonly world: World;
  /** Shown in the panel's title and used as the key of saved layouts ("terminal 1", "lab 05-bridge.lab.md"). */
  readonly label: string;
  dispose(): void;
}

type Listener = (entry: WorldEntry | undefined) => void;

export class WorldRegistry {
  private readonly entries: WorldEntry[] = [];
  private current: WorldEntry | undefined;
  private readonly listeners = new Set<Listener>();

  get active(): WorldEntry | undefined {
    return this.current;
  }

  /** Registers a world and makes it active (a new terminal or lab is what the learner looks at). */
  register(world: World, label: string): WorldEntry {
    const entry: WorldEntry = { world, label, dispose: () => this.remove(entry) };
    this.entries.push(entry);
    this.activate(entry);
    return entry;
  }

  activate(entry: WorldEntry): void {
    if (!this.entries.includes(entry) || this.current === entry) return;
    this.current = entry;
    this.fire();
  }

  byWorld(world: World): WorldEntry | undefined {
    return this.entries.find((e) => e.world === world);
  }

  byLabel(label: string): WorldEntry | undefined {
    return this.entries.find((e) => e.label === label);
  }

  onDidChangeActive(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private remove(entry: WorldEntry): void {
    const i = this.entries.indexOf(entry);
    if (i < 0) return;
    this.entries.splice(i, 1);
    if (this.current !== entry) return;
    this.current = this.entries[this.entries.length - 1];
    this.fire();
  }

  private fire(): void {
    for (const l of this.listeners) l(this.current);
  }
}

/** The one registry of the extension (the terminal and the notebooks share it). */
export const worlds = new WorldRegistry();
