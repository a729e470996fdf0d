/**
 * Reads the folder a lab notebook lives in (through vscode.workspace.fs, so it works in the web
 * extension and on remote or virtual workspaces) into SnapshotFiles for the lab's shell. Bounded:
 * a lab folder is untrusted, so only small text files near the lab are read.
 */
import * as vscode from 'vscode';
import type { SnapshotFiles } from '../../shell/snapshot-files';
import { engine } from '../lazy-engine';

export const FOLDER_LIMITS = { files: 200, depth: 3, fileBytes: 256 * 1024, totalBytes: 4 * 1024 * 1024 };
const SKIP = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);

export async function readLabFolder(notebookUri: vscode.Uri): Promise<SnapshotFiles> {
  let folder: vscode.Uri;
  try {
    folder = vscode.Uri.joinPath(notebookUri, '..');
  } catch {
    return new (engine().SnapshotFiles)([]); // a notebook without a folder (or a host without file access)
  }
  const entries: [string, string][] = [];
  let total = 0;
  const visit = async (dir: vscode.Uri, prefix: string, depth: number): Promise<void> => {
    let children: [string, vscode.FileType][];
    try {
      children = [...(await vscode.workspace.fs.readDirectory(dir))];
    } catch {
      return;
    }
    for (const [name, type] of children.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (entries.length >= FOLDER_LIMITS.files || name.startsWith('.') || SKIP.has(name)) continue;
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (depth < FOLDER_LIMITS.depth && !(type & vscode.FileType.SymbolicLink)) await visit(uri, `${prefix}${name}/`, depth + 1);
        continue;
      }
      if (!(type & vscode.FileType.File)) continue;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > FOLDER_LIMITS.fileBytes || total + stat.size > FOLDER_LIMITS.totalBytes) continue;
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.includes(0)) continue; // binary
        total += bytes.length;
        entries.push([prefix + name, new TextDecoder().decode(bytes)]);
      } catch {
        // unreadable: the shell will say No such file or directory
      }
    }
  };
  await visit(folder, '', 1);
  return new (engine().SnapshotFiles)(entries);
}
