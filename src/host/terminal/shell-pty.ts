/** The VS Code side of a Vethlab terminal: a Pseudoterminal around a TerminalSession. */
import * as vscode from 'vscode';
import { engine } from '../lazy-engine';
import type { LineHistory } from './line-editor';
import type { TerminalSession } from './terminal-session';
import { worlds, type WorldEntry } from '../worlds';

export const DEFAULT_WORLD = 'bare';

export class ShellPseudoterminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private readonly session: TerminalSession;
  /** The world in the views' registry while the terminal is open (active while it is typed in). */
  readonly worldEntry: WorldEntry;
  /** False when the terminal drives a world someone else owns (a lab's): closing it leaves the world alone. */
  private readonly ownsWorld: boolean;
  private static opened = 0;

  /** A terminal on a new world of `worldName`, or on an existing world (a lab's) when `attach` is given. */
  constructor(history: LineHistory, worldName = DEFAULT_WORLD, attach?: WorldEntry) {
    const { createWorld, learnerHosts, Shell, TerminalSession } = engine();
    const handle = attach ? { world: attach.world, host: learnerHosts(attach.world)[0] } : createWorld(worldName);
    if (!handle?.host) throw new Error(`unknown world '${worldName}'`);
    this.ownsWorld = !attach;
    this.worldEntry = attach ?? worlds.register(handle.world, `terminal ${++ShellPseudoterminal.opened} (${worldName})`);
    const what = attach ? `the world of ${attach.label}` : `world: ${worldName}`;
    const banner = `Vethlab: a simulated Linux host (${what}). Nothing here touches your real network.\nType "exit" or press Ctrl-D to close.\n\n`;
    this.session = new TerminalSession(
      new Shell(handle.world, handle.host),
      { write: (text) => this.writeEmitter.fire(text), close: (code) => this.closeEmitter.fire(code) },
      history,
      banner,
    );
  }

  open(): void {
    this.session.open();
  }

  handleInput(data: string): void {
    worlds.activate(this.worldEntry);
    this.session.input(data);
  }

  close(): void {
    this.session.close();
    if (this.ownsWorld) this.worldEntry.dispose();
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }
}

export function terminalOptions(history: LineHistory, worldName = DEFAULT_WORLD): vscode.ExtensionTerminalOptions {
  return { name: `Vethlab (${worldName})`, pty: new ShellPseudoterminal(history, worldName) };
}

/** A terminal on the world a lab (or another terminal) already runs. */
export function attachedTerminalOptions(history: LineHistory, entry: WorldEntry): vscode.ExtensionTerminalOptions {
  return { name: `Vethlab (${entry.label})`, pty: new ShellPseudoterminal(history, DEFAULT_WORLD, entry) };
}
