/** Registers the network views: the topology panel, the sidebar explorer, hovers and completions, and their commands. */
import * as vscode from 'vscode';
import type { WorldRegistry } from '../worlds';
import { NetworkExplorer } from '../tree/explorer';
import type { Row } from '../tree/tree-model';
import { registerCommandHelp } from '../hover/providers';
import { SHOW_IN_TOPOLOGY } from '../hover/hover-text';
import { TopologyPanel } from './panel';
import { ShellPseudoterminal } from '../terminal/shell-pty';

export function registerNetworkViews(context: vscode.ExtensionContext, worlds: WorldRegistry): vscode.Disposable[] {
  const panel = new TopologyPanel(context, worlds);
  const explorer = new NetworkExplorer(worlds);
  return [
    panel,
    explorer,
    vscode.window.createTreeView('vethlab.explorer', { treeDataProvider: explorer, showCollapseAll: true }),
    vscode.commands.registerCommand('vethlab.showTopology', () => panel.show()),
    // From a hover link (an id) or a tree row.
    vscode.commands.registerCommand(SHOW_IN_TOPOLOGY, (target: string | Row | undefined) => {
      const id = typeof target === 'string' ? target : target?.viewId;
      if (id) panel.reveal(id);
      else panel.show();
    }),
    vscode.commands.registerCommand('vethlab.copyAddress', (row: Row | undefined) => {
      if (row?.address) void vscode.env.clipboard.writeText(row.address);
    }),
    vscode.commands.registerCommand('vethlab.runIpAddr', (row: Row | undefined) => {
      if (!row?.command) return;
      // The terminal that owns the world the explorer shows (notebooks have no terminal).
      const terminal = vscode.window.terminals.find((t) => {
        const pty = (t.creationOptions as vscode.ExtensionTerminalOptions).pty;
        return pty instanceof ShellPseudoterminal && pty.worldEntry === worlds.active;
      });
      if (!terminal) return void vscode.window.showInformationMessage(`Run \`${row.command}\` in a cell of the lab.`);
      terminal.show();
      terminal.sendText(row.command);
    }),
    ...registerCommandHelp(worlds),
  ];
}
