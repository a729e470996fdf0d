/**
 * Sizes of what ships: the extension bundles (the Node target is dist/extension.js plus the simulator it
 * loads on first use, dist/engine.js, counted together), the webview bundle and the .vsix when one was packaged.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FileSize { file: string; bytes: number | undefined }

export function shippedSizes(root: string): FileSize[] {
  const size = (file: string) => (existsSync(join(root, file)) ? statSync(join(root, file)).size : undefined);
  const node = [size('dist/extension.js'), size('dist/engine.js')];
  const files: FileSize[] = [{ file: 'dist/extension.js + dist/engine.js', bytes: node.includes(undefined) ? undefined : node[0]! + node[1]! }];
  files.push(...['dist/web/extension.js', 'dist/webview/main.js'].map((file) => ({ file, bytes: size(file) })));
  const vsix = ['.', join('.cache', 'vscode')]
    .flatMap((dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => /^vethlab-.*\.vsix$/.test(f)).map((f) => join(dir, f)) : []))
    .sort((a, b) => statSync(join(root, b)).mtimeMs - statSync(join(root, a)).mtimeMs)[0];
  if (vsix) files.push({ file: vsix, bytes: size(vsix) });
  return files;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
