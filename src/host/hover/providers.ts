/** Hovers and completions for commands in lab notebooks (*.lab.md cells) and shell scripts. */
import * as vscode from 'vscode';
import type { WorldRegistry } from '../worlds';
import { SHOW_IN_TOPOLOGY } from '../contributions';
import { engine } from '../lazy-engine';

const SELECTOR: vscode.DocumentSelector = [
  { language: 'shellscript' },
  { pattern: '**/*.sh' },
  { pattern: '**/*.lab.md' },
  // Cells of lab notebooks (src/host/notebook: type 'vethlab-notebook', shell cells are 'shellscript').
  { notebookType: 'vethlab-notebook', language: 'shellscript' },
];

function completionKind(kind: 'command' | 'subcommand' | 'flag' | 'object'): vscode.CompletionItemKind {
  const kinds = { command: vscode.CompletionItemKind.Function, subcommand: vscode.CompletionItemKind.Keyword, flag: vscode.CompletionItemKind.Property, object: vscode.CompletionItemKind.Reference };
  return kinds[kind];
}

export function registerCommandHelp(worlds: WorldRegistry): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(document, position) {
        const text = engine().hoverText(document.lineAt(position.line).text, position.character, worlds.active?.world);
        if (!text) return undefined;
        const md = new vscode.MarkdownString(text.markdown);
        md.isTrusted = { enabledCommands: [SHOW_IN_TOPOLOGY] };
        return new vscode.Hover(md, new vscode.Range(position.line, text.range[0], position.line, text.range[1]));
      },
    }),
    vscode.languages.registerCompletionItemProvider(
      SELECTOR,
      {
        provideCompletionItems(document, position) {
          const prefix = document.lineAt(position.line).text.slice(0, position.character);
          return engine().completionsAt(prefix, worlds.active?.world).map((c) => {
            const item = new vscode.CompletionItem(c.label, completionKind(c.kind));
            item.detail = c.detail;
            return item;
          });
        },
      },
      ' ',
      '-',
    ),
  ];
}
