/** Registers the network views: the topology panel, the sidebar explorer, hovers and completions, and their commands. */
import * as vscode from 'vscode';
import type { WorldRegistry } from '../worlds';
import { NetworkExplorer } from '../tree/explorer';
import type { Row } from '../tree/tree-model';
import { registerCommandHelp } from '../hover/providers';
import { SHOW_IN_TOPOLOGY } from '../contributions';
import { TopologyPanel, TOPOLOGY_VIEW_TYPE } from './panel';
import { attachedTerminalOptions, ShellPseudoterminal } from '../terminal/shell-pty';
import type { LineHistory } from '../terminal/line-editor';
import { openFirstLab } from '../tree/first-lab';
import { notebookRef } from '../notebook/controller';

export function registerNetworkViews(context: vscode.ExtensionContext, worlds: WorldRegistry, history: LineHistory): vscode.Disposable[] {
  const panel = new TopologyPanel(context, worlds);
  const explorer = new NetworkExplorer(worlds);
  /** Types a command line into the terminal that drives the active world, opening one on it (a lab's world) if there is none. */
  const runInTerminal = (line: string | undefined) => {
    const entry = worlds.active;
    if (!line || !entry) return;
    let terminal = vscode.window.terminals.find((t) => {
      const pty = (t.creationOptions as vscode.ExtensionTerminalOptions).pty;
      return pty instanceof ShellPseudoterminal && pty.worldEntry === entry;
    });
    terminal ??= vscode.window.createTerminal(attachedTerminalOptions(history, entry));
    terminal.show();
    terminal.sendText(line);
  };
  return [
    panel,
    explorer,
    vscode.window.createTreeView('vethlab.explorer', { treeDataProvider: explorer, showCollapseAll: true }),
    vscode.window.registerWebviewPanelSerializer(TOPOLOGY_VIEW_TYPE, panel),
    // The views follow the world in front of the learner: the terminal or the lab they switch to.
    vscode.window.onDidChangeActiveTerminal((terminal) => {
      const pty = (terminal?.creationOptions as vscode.ExtensionTerminalOptions | undefined)?.pty;
      if (pty instanceof ShellPseudoterminal) worlds.activate(pty.worldEntry);
    }),
    vscode.window.onDidChangeActiveNotebookEditor((editor) => {
      const label = editor && notebookRef(editor.notebook).label;
      const entry = label ? worlds.byLabel(label) : undefined;
      if (entry) worlds.activate(entry);
    }),
    vscode.commands.registerCommand('vethlab.showTopology', () => panel.show()),
    vscode.commands.registerCommand('vethlab.exportTracePcap', () => panel.exportTracePcap()),
    // From a hover link (an id) or a tree row.
    vscode.commands.registerCommand(SHOW_IN_TOPOLOGY, (target: string | Row | undefined) => {
      const id = typeof target === 'string' ? target : target?.viewId;
      if (id) panel.reveal(id);
      else panel.show();
    }),
    vscode.commands.registerCommand('vethlab.copyAddress', (row: Row | undefined) => {
      if (row?.address) void vscode.env.clipboard.writeText(row.address);
    }),
    vscode.commands.registerCommand('vethlab.runIpAddr', (row: Row | undefined) => runInTerminal(row?.command)),
    vscode.commands.registerCommand('vethlab.inspect', (row: Row | undefined) => runInTerminal(row?.inspect)),
    vscode.commands.registerCommand('vethlab.openFirstLab', () => openFirstLab(context.extensionUri)),
    // A terminal on the world of the lab in front (its cells and the terminal change the same world).
    vscode.commands.registerCommand('vethlab.openLabTerminal', () => {
      const notebook = vscode.window.activeNotebookEditor?.notebook;
      const label = notebook && notebookRef(notebook).label;
      const entry = label ? worlds.byLabel(label) : undefined;
      if (!entry) return void vscode.window.showInformationMessage('Run a cell of the lab first: its world starts with the first cell.');
      vscode.window.createTerminal(attachedTerminalOptions(history, entry)).show();
    }),
    ...registerCommandHelp(worlds),
  ];
}
