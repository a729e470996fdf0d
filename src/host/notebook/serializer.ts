/** The `vethlab-notebook` serializer: a thin adapter over lab-cells.ts (lossless Markdown <-> cells). */
import * as vscode from 'vscode';
import { labToNotebook, notebookToLab, type LabCellData } from './lab-cells';

export const NOTEBOOK_TYPE = 'vethlab-notebook';

// ignoreBOM: a byte-order mark is part of the file's bytes and must survive a save.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

export class LabNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const lab = labToNotebook(decoder.decode(content));
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
    const cells: LabCellData[] = data.cells.map((cell) => ({
      kind: cell.kind === vscode.NotebookCellKind.Code ? 'code' : 'markup',
      language: cell.languageId,
      value: cell.value,
      ...(cell.metadata && { metadata: cell.metadata as LabCellData['metadata'] }),
    }));
    return encoder.encode(notebookToLab({ cells, metadata: data.metadata as { vethlab?: never } | undefined }));
  }
}
