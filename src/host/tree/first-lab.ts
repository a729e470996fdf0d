/** The welcome view's "Open the First Lab": the workspace's first lab, else the first lab that comes with Vethlab. */
import * as vscode from 'vscode';

const BUNDLED_FIRST_LAB = ['labs', '01-interfaces.lab.md'];

export async function openFirstLab(extensionUri: vscode.Uri): Promise<void> {
  const found = await vscode.workspace.findFiles('**/*.lab.md', '**/node_modules/**', 50);
  const sorted = [...found].sort((a, b) => firstLabOrder(a.path, b.path));
  const uri = sorted[0] ?? vscode.Uri.joinPath(extensionUri, ...BUNDLED_FIRST_LAB);
  await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(uri));
}

/** Labs by file name (01-… before 02-…), then by path. */
export function firstLabOrder(a: string, b: string): number {
  const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  return name(a).localeCompare(name(b)) || a.localeCompare(b);
}
