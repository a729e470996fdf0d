/**
 * The notebook kernel's logic: one LabSession per open notebook, cell executions reported
 * through small ports (so tests drive it with a fake notebook API), outputs as plain data.
 * Pure: the vscode adapter (controller.ts) only converts ports and outputs.
 */
import type { World } from '../../engine/world';
import type { CheckOutcome } from '../../labs/grade';
import { LabSession, presetShell, type CellRun, type ShellFactory } from './lab-session';
import type { RealFiles } from '../../shell/fs';

export type OutputMime = 'stdout' | 'stderr' | 'text/markdown';

export interface OutputItem {
  mime: OutputMime;
  text: string;
}

/** One cell output (VS Code merges consecutive stream outputs into one block). */
export type CellOutput = OutputItem[];

export interface CellRef {
  /** Stable while the notebook is open (the cell document's URI). */
  id: string;
  kind: 'shell' | 'check' | 'other';
  code: string;
}

export interface NotebookRef {
  id: string;
  world: string;
  /** How views name this notebook's world ("lab 05-bridge.lab.md"). */
  label?: string;
  /** The files of the lab's folder, seen read-only at /root by the lab's shell. */
  files?: RealFiles;
}

/** Told about each notebook's world, so views (the topology panel) can follow the one in use. */
export interface WorldObserver {
  opened(notebookId: string, world: World, label: string): void;
  /** A cell of this notebook is running: its world is the one the learner looks at. */
  used(notebookId: string): void;
  closed(notebookId: string): void;
}

export interface ExecutionPort {
  start(): void;
  setOrder(order: number): void;
  setOutputs(outputs: CellOutput[]): void | Thenable<void>;
  end(success: boolean): void;
}

export class LabKernel {
  private readonly sessions = new Map<string, LabSession>();
  private readonly interrupted = new Set<string>();

  constructor(
    private readonly factory: ShellFactory = presetShell,
    /** Lets other events (an interrupt) run between cells. */
    private readonly tick: () => Promise<void> = () => Promise.resolve(),
    private readonly observer?: WorldObserver,
    /** Real time between slices of a command that runs live (a ping without -c). */
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  session(notebook: NotebookRef): LabSession | string {
    const existing = this.sessions.get(notebook.id);
    if (existing) return existing;
    const session = LabSession.open(notebook.world, this.factory, notebook.files);
    if (typeof session === 'string') return session;
    this.sessions.set(notebook.id, session);
    this.observer?.opened(notebook.id, session.world, notebook.label ?? notebook.id);
    return session;
  }

  /** Runs cells in order ("Run All" passes them all); stops at an interrupt. */
  async execute(notebook: NotebookRef, cells: readonly CellRef[], open: (cell: CellRef) => ExecutionPort): Promise<void> {
    this.interrupted.delete(notebook.id);
    for (const cell of cells) {
      if (this.interrupted.has(notebook.id)) break;
      const port = open(cell);
      port.start();
      const session = this.session(notebook);
      if (typeof session === 'string') {
        await port.setOutputs([[{ mime: 'stderr', text: `vethlab: ${session}\n` }]]);
        port.end(false);
        continue;
      }
      this.observer?.used(notebook.id);
      if (cell.kind === 'other') {
        await port.setOutputs([[{ mime: 'stderr', text: 'Vethlab runs sh, bash, shell and check cells only.\n' }]]);
        port.end(false);
        continue;
      }
      const interrupted = () => this.interrupted.has(notebook.id);
      const run =
        cell.kind === 'check'
          ? session.runCheck(cell.id, cell.code)
          : await session.runShellLive(cell.id, cell.code, {
              interrupted,
              progress: (commands) => port.setOutputs(renderShell({ kind: 'shell', order: 0, commands, success: true, interrupted: false, diff: [] })),
              sleep: this.sleep,
            });
      port.setOrder(run.order);
      await port.setOutputs(renderRun(run));
      port.end(run.success);
      await this.tick();
    }
    this.interrupted.delete(notebook.id);
  }

  /** True when the notebook has a world already (its folder was read when it was made). */
  has(notebookId: string): boolean {
    return this.sessions.has(notebookId);
  }

  interrupt(notebookId: string): void {
    this.interrupted.add(notebookId);
  }

  /** A fresh world for the notebook (made on the next run). */
  restart(notebookId: string): void {
    if (this.sessions.delete(notebookId)) this.observer?.closed(notebookId);
  }

  revert(notebookId: string, cellId: string): boolean {
    return this.sessions.get(notebookId)?.revertTo(cellId) ?? false;
  }

  close(notebookId: string): void {
    if (this.sessions.delete(notebookId)) this.observer?.closed(notebookId);
    this.interrupted.delete(notebookId);
  }
}

export function renderRun(run: CellRun): CellOutput[] {
  return run.kind === 'shell' ? renderShell(run) : [[{ mime: 'text/markdown', text: renderChecks(run) }]];
}

export function renderShell(run: Extract<CellRun, { kind: 'shell' }>): CellOutput[] {
  const outputs: CellOutput[] = [];
  for (const command of run.commands) {
    outputs.push([{ mime: 'stdout', text: `${command.prompt}${command.line}\n` }]);
    for (const chunk of command.chunks) if (chunk.text) outputs.push([{ mime: chunk.stream, text: chunk.text }]);
    if (command.exitCode !== 0) outputs.push([{ mime: 'stderr', text: `[exit ${command.exitCode}]\n` }]);
  }
  if (run.interrupted) outputs.push([{ mime: 'stderr', text: '^C (interrupted: the remaining commands were not run)\n' }]);
  if (run.diff.length > 0) outputs.push([{ mime: 'text/markdown', text: 'World changes:\n\n```diff\n' + run.diff.join('\n') + '\n```\n' }]);
  return outputs;
}

export function renderChecks(run: Extract<CellRun, { kind: 'check' }>): string {
  const lines = run.outcomes.map(renderOutcome);
  lines.push('', `**${run.passed}/${run.total} checks passed** in this cell; lab so far: **${run.lab.passed}/${run.lab.total}**`);
  return lines.join('\n') + '\n';
}

function renderOutcome(outcome: CheckOutcome): string {
  const text = code(outcome.check.text);
  if (outcome.pass) return `- ✅ PASS ${text}`;
  const parts = [`- ❌ FAIL ${text}`];
  if (outcome.detail) parts.push(`  - found: ${escapeMarkdown(outcome.detail)}`);
  for (const hint of outcome.hints) parts.push(`  - 💡 hint: ${escapeMarkdown(hint)}`);
  return parts.join('\n');
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${ticks.length > 1 ? ' ' : ''}${text}${ticks.length > 1 ? ' ' : ''}${ticks}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
