/**
 * The `vethlab-notebook` kernel in VS Code: converts notebook cells and executions to the
 * pure LabKernel's ports, and registers the notebook commands. Only wiring lives here.
 */
import * as vscode from 'vscode';
import { CHECK_LANGUAGE, SHELL_LANGUAGE } from '../contributions';
import { engine } from '../lazy-engine';
import { worlds, type WorldEntry } from '../worlds';
import type { CellOutput, CellRef, LabKernel, NotebookRef, WorldObserver } from './lab-kernel';
import { LabNotebookSerializer, NOTEBOOK_TYPE } from './serializer';
import { readLabFolder } from './lab-folder';

export const CONTROLLER_ID = 'vethlab-notebook-kernel';

export function notebookRef(notebook: vscode.NotebookDocument): NotebookRef {
  const meta = notebook.metadata?.['vethlab'] as { world?: string } | undefined;
  const file = notebook.uri.path.slice(notebook.uri.path.lastIndexOf('/') + 1);
  return { id: notebook.uri.toString(), world: meta?.world ?? 'bare', label: `lab ${file}` };
}

export function cellRef(cell: vscode.NotebookCell): CellRef {
  const language = cell.document.languageId;
  const kind = language === CHECK_LANGUAGE ? 'check' : language === SHELL_LANGUAGE || language === 'shell' || language === 'bash' ? 'shell' : 'other';
  return { id: cell.document.uri.toString(), kind, code: cell.document.getText() };
}

function toOutput(output: CellOutput): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput(
    output.map((item) => {
      if (item.mime === 'stdout') return vscode.NotebookCellOutputItem.stdout(item.text);
      if (item.mime === 'stderr') return vscode.NotebookCellOutputItem.stderr(item.text);
      return vscode.NotebookCellOutputItem.text(item.text, item.mime);
    }),
  );
}

/** Each notebook's world in the shared registry, so the topology view follows the lab being run. */
function registryObserver(): WorldObserver & vscode.Disposable {
  const entries = new Map<string, WorldEntry>();
  const drop = (id: string) => {
    entries.get(id)?.dispose();
    entries.delete(id);
  };
  return {
    opened: (id, world, label) => {
      drop(id);
      entries.set(id, worlds.register(world, label));
    },
    used: (id) => {
      const entry = entries.get(id);
      if (entry) worlds.activate(entry);
    },
    closed: drop,
    dispose: () => [...entries.keys()].forEach(drop),
  };
}

/** Everything lab notebooks need, as disposables for context.subscriptions. */
export function registerLabNotebooks(): vscode.Disposable[] {
  const observer = registryObserver();
  // The kernel (and the simulator behind it) is made when a cell first runs, not at activation.
  let made: LabKernel | undefined;
  const kernel = () => (made ??= new (engine().LabKernel)(undefined, () => new Promise((resolve) => setTimeout(resolve, 0)), observer));
  const controller = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'Vethlab');
  controller.supportedLanguages = [SHELL_LANGUAGE, CHECK_LANGUAGE];
  controller.supportsExecutionOrder = true;
  controller.description = 'simulated Linux networking';
  controller.executeHandler = async (cells, notebook) => {
    const ref = notebookRef(notebook);
    // A new world sees the lab's folder (its Dockerfile, compose.yaml …) at /root.
    if (!kernel().has(ref.id) && notebook.uri.scheme !== 'untitled') ref.files = await readLabFolder(notebook.uri);
    return kernel().execute(ref, cells.map(cellRef), (ref) => {
      const execution = controller.createNotebookCellExecution(cells.find((c) => c.document.uri.toString() === ref.id)!);
      return {
        start: () => execution.start(Date.now()),
        setOrder: (order) => (execution.executionOrder = order),
        setOutputs: (outputs) => execution.replaceOutput(outputs.map(toOutput)),
        end: (success) => execution.end(success, Date.now()),
      };
    });
  };
  controller.interruptHandler = (notebook) => made?.interrupt(notebookRef(notebook).id);

  const activeNotebook = () => vscode.window.activeNotebookEditor?.notebook;
  return [
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new LabNotebookSerializer(), { transientOutputs: true }),
    // The controller and the notebooks' entries in the world registry go together.
    { dispose: () => (observer.dispose(), controller.dispose()) },
    // A notebook closed before any cell ran has no world to release (and loads nothing).
    vscode.workspace.onDidCloseNotebookDocument((notebook) => made?.close(notebookRef(notebook).id)),
    vscode.commands.registerCommand('vethlab.openAsLab', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return void vscode.window.showInformationMessage('Vethlab: open a Markdown file first.');
      try {
        await vscode.commands.executeCommand('vscode.openWith', target, NOTEBOOK_TYPE);
      } catch {
        // Fallback: an untitled lab with the file's contents (saving asks where).
        const data = new LabNotebookSerializer().deserializeNotebook(await vscode.workspace.fs.readFile(target));
        await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data));
      }
    }),
    vscode.commands.registerCommand('vethlab.restartWorld', (arg?: { notebookEditor?: { notebookUri?: vscode.Uri } }) => {
      const id = arg?.notebookEditor?.notebookUri?.toString() ?? activeNotebook()?.uri.toString();
      if (!id) return;
      kernel().restart(id);
      void vscode.window.showInformationMessage('Vethlab: the world was restarted; run the cells again from the top.');
    }),
    vscode.commands.registerCommand('vethlab.revertToCell', (cell?: vscode.NotebookCell) => {
      const target = cell ?? (activeNotebook() && vscode.window.activeNotebookEditor?.selection && activeNotebook()!.cellAt(vscode.window.activeNotebookEditor.selection.start));
      if (!target) return;
      const done = kernel().revert(notebookRef(target.notebook).id, cellRef(target).id);
      void vscode.window.showInformationMessage(done ? 'Vethlab: the world is back as it was before this cell ran.' : 'Vethlab: this cell has not run in the current world, there is nothing to revert to.');
    }),
  ];
}
