/** The `vethlab-notebook` serializer: a thin adapter over lab-cells.ts (lossless Markdown <-> cells). */
import * as vscode from 'vscode';
import type { LabCellData } from './lab-cells';
import { engine } from '../lazy-engine';

export const NOTEBOOK_TYPE = 'vethlab-notebook';

const encoder = new TextEncoder();

export class LabNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const { labToNotebook, readLab } = engine();
    const read = readLab(content);
    if (!('text' in read)) {
      const notebook = new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, read.message, 'markdown')]);
      notebook.metadata = { vethlab: { unreadable: read.original } };
      return notebook;
    }
    const lab = labToNotebook(read.text);
    const cells = lab.cells.map((cell) => {
      const data = new vscode.NotebookCellData(cell.kind === 'code' ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup, cell.value, cell.language);
      data.metadata = cell.metadata ?? {};
      return data;
    });
    const notebook = new vscode.NotebookData(cells);
    notebook.metadata = lab.metadata;
    return notebook;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const original = (data.metadata as { vethlab?: { unreadable?: string } } | undefined)?.vethlab?.unreadable;
    const { fromBase64, notebookToLab } = engine();
    if (typeof original === 'string') return fromBase64(original);
    const cells: LabCellData[] = data.cells.map((cell) => ({
      kind: cell.kind === vscode.NotebookCellKind.Code ? 'code' : 'markup',
      language: cell.languageId,
      value: cell.value,
      ...(cell.metadata && { metadata: cell.metadata as LabCellData['metadata'] }),
    }));
    return encoder.encode(notebookToLab({ cells, metadata: data.metadata as { vethlab?: never } | undefined }));
  }
}
