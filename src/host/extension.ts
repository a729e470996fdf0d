/** Wires Vethlab into VS Code. Only registrations here; every one is disposed with the extension. */
import * as vscode from 'vscode';
import { registerLabNotebooks } from './notebook/controller';
import { LineHistory } from './terminal/line-editor';
import { terminalOptions } from './terminal/shell-pty';
import { registerNetworkViews } from './topology/register';
import { worlds } from './worlds';

const HISTORY_KEY = 'vethlab.shellHistory';

export function activate(context: vscode.ExtensionContext): void {
  // One history for all Vethlab terminals, kept across sessions in the global state (works on the web too).
  const history = new LineHistory(context.globalState.get<string[]>(HISTORY_KEY, []).slice(), 1000, (entries) => {
    void context.globalState.update(HISTORY_KEY, [...entries]);
  });

  context.subscriptions.push(
    vscode.commands.registerCommand('vethlab.openShell', () => {
      vscode.window.createTerminal(terminalOptions(history)).show();
    }),
    vscode.window.registerTerminalProfileProvider('vethlab.shell', {
      provideTerminalProfile: () => new vscode.TerminalProfile(terminalOptions(history)),
    }),
    ...registerLabNotebooks(),
    ...registerNetworkViews(context, worlds, history),
  );
}

export function deactivate(): void {
  // Nothing to release: every registration is in context.subscriptions.
}
