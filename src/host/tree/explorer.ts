/** The "Vethlab" activity-bar explorer: rows from tree-model.ts, refreshed on world changes (no polling). */
import * as vscode from 'vscode';
import { onWorldSettled } from '../world-changes';
import type { WorldEntry, WorldRegistry } from '../worlds';
import { engine } from '../lazy-engine';
import type { Row } from './tree-model';

const ICONS: Record<Row['kind'], string> = {
  host: 'vm',
  netns: 'symbol-namespace',
  interface: 'plug',
  routes: 'milestone',
  route: 'arrow-right',
  neighbours: 'organization',
  neighbour: 'person',
  docker: 'package',
  containers: 'server-environment',
  container: 'vm',
  networks: 'type-hierarchy',
  network: 'type-hierarchy-sub',
  volumes: 'database',
  volume: 'database',
  images: 'layers',
  image: 'layers',
};

/** Containers by state, as Docker Desktop shows them: running green, paused amber, stopped grey. */
const CONTAINER_ICONS: Record<string, [string, string | undefined]> = {
  running: ['vm-running', 'testing.iconPassed'],
  restarting: ['sync', 'testing.iconQueued'],
  paused: ['debug-pause', 'testing.iconQueued'],
  created: ['vm-outline', 'disabledForeground'],
  exited: ['vm-outline', 'disabledForeground'],
  dead: ['error', 'testing.iconFailed'],
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
    item.iconPath = icon(row);
    item.contextValue = [row.kind, row.viewId ? 'inTopology' : '', row.address ? 'hasAddress' : '', row.command ? 'hasCommand' : '', row.inspect ? 'hasInspect' : ''].filter(Boolean).join(' ');
    return item;
  }

  getChildren(row?: Row): Row[] {
    return this.entry ? engine().childRows(this.entry.world, row) : [];
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

function icon(row: Row): vscode.ThemeIcon {
  if (row.kind === 'container') {
    const [name, color] = CONTAINER_ICONS[row.state ?? ''] ?? ['vm', undefined];
    return new vscode.ThemeIcon(name, color ? new vscode.ThemeColor(color) : undefined);
  }
  const down = row.state === 'down' || row.state === 'no-carrier';
  return new vscode.ThemeIcon(ICONS[row.kind], down ? new vscode.ThemeColor('disabledForeground') : undefined);
}
