/** The "Vethlab" activity-bar explorer: rows from tree-model.ts, refreshed on world changes (no polling). */
import * as vscode from 'vscode';
import { onWorldSettled } from '../world-changes';
import type { WorldEntry, WorldRegistry } from '../worlds';
import { childRows, type Row } from './tree-model';

const ICONS: Record<Row['kind'], string> = {
  host: 'vm',
  netns: 'symbol-namespace',
  interface: 'plug',
  routes: 'milestone',
  route: 'arrow-right',
  neighbours: 'organization',
  neighbour: 'person',
};

export class NetworkExplorer implements vscode.TreeDataProvider<Row>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private entry: WorldEntry | undefined;
  private worldSub: { dispose(): void } | undefined;
  private readonly activeSub: { dispose(): void };

  constructor(worlds: WorldRegistry) {
    this.activeSub = worlds.onDidChangeActive((entry) => this.follow(entry));
    this.follow(worlds.active);
  }

  getTreeItem(row: Row): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, row.expandable ? (row.kind === 'host' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
    item.id = `${this.entry?.label ?? ''}/${row.id}`;
    item.description = row.description;
    item.tooltip = `${row.label} ${row.description}`.trim();
    const down = row.state === 'down' || row.state === 'no-carrier';
    item.iconPath = new vscode.ThemeIcon(ICONS[row.kind], down ? new vscode.ThemeColor('disabledForeground') : undefined);
    item.contextValue = [row.kind, row.viewId ? 'inTopology' : '', row.address ? 'hasAddress' : '', row.command ? 'hasCommand' : ''].filter(Boolean).join(' ');
    return item;
  }

  getChildren(row?: Row): Row[] {
    return this.entry ? childRows(this.entry.world, row) : [];
  }

  dispose(): void {
    this.worldSub?.dispose();
    this.activeSub.dispose();
    this.changed.dispose();
  }

  private follow(entry: WorldEntry | undefined): void {
    this.worldSub?.dispose();
    this.entry = entry;
    this.worldSub = entry ? onWorldSettled(entry.world, () => this.changed.fire(undefined)) : undefined;
    this.changed.fire(undefined);
  }
}
