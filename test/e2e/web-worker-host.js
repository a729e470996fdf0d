// Runs inside a Web Worker in headless chromium: loads dist/web/extension.js the way VS Code's web
// extension host does (CommonJS, `require('vscode')` only, no Node APIs), activates it, opens the
// Vethlab terminal through its command and types a command. Posts the results back.
/* eslint-disable */
self.onmessage = async (event) => {
  const { bundle, input, apiNames } = event.data;
  const commands = new Map();
  const terminals = [];
  const requires = [];
  // Any API the extension touches that this stub does not model is a do-nothing object.
  const loose = () => new Proxy(function () {}, {
    get: (_t, k) => (k === 'then' ? undefined : k === Symbol.toPrimitive ? () => '' : k === 'dispose' ? () => {} : loose()),
    apply: () => loose(),
    construct: () => loose(),
  });
  class EventEmitter {
    constructor() { this.listeners = []; this.event = (fn) => { this.listeners.push(fn); return { dispose() {} }; }; }
    fire(v) { for (const fn of this.listeners) fn(v); }
    dispose() { this.listeners = []; }
  }
  const known = {
    EventEmitter,
    Disposable: class { constructor(fn) { this.dispose = fn || (() => {}); } static from(...d) { return { dispose: () => d.forEach((x) => x.dispose && x.dispose()) }; } },
    TerminalProfile: class { constructor(options) { this.options = options; } },
    commands: new Proxy({}, { get: (_t, k) => k === 'registerCommand' ? (id, fn) => { commands.set(id, fn); return { dispose() {} }; } : loose() }),
    window: new Proxy({}, { get: (_t, k) => k === 'createTerminal' ? (opts) => { terminals.push(opts); return { show() {}, dispose() {} }; } : loose() }),
  };
  // esbuild's CommonJS interop copies the module's own keys: list every name of the real API (from @types/vscode).
  const vscode = {};
  for (const name of apiNames) vscode[name] = loose();
  Object.assign(vscode, known);
  const memento = () => { const m = new Map(); return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => { m.set(k, v); }, keys: () => [...m.keys()], setKeysForSync() {} }; };
  const context = new Proxy({ subscriptions: [], globalState: memento(), workspaceState: memento() }, { get: (t, k) => (k in t ? t[k] : loose()) });
  const module = { exports: {} };
  const require = (name) => { requires.push(name); if (name === 'vscode') return vscode; throw new Error(`the web bundle requires '${name}'`); };
  const result = { ok: false, requires, commands: [], output: '', nodeGlobals: typeof process !== 'undefined' || typeof Buffer !== 'undefined' };
  try {
    // What VS Code times on activation: the module's load (compile and run its top level), then activate().
    const tLoad = performance.now();
    new Function('module', 'exports', 'require', bundle)(module, module.exports, require);
    result.loadMs = performance.now() - tLoad;
    const t0 = performance.now();
    await module.exports.activate(context);
    result.activateMs = performance.now() - t0;
    result.commands = [...commands.keys()];
    // The first terminal initialises the simulator's modules (deferred at activation).
    const tShell = performance.now();
    await commands.get('vethlab.openShell')();
    result.firstShellMs = performance.now() - tShell;
    const pty = terminals[0].pty;
    pty.onDidWrite((text) => { result.output += text; });
    pty.open(undefined);
    pty.handleInput(input);
    await new Promise((r) => setTimeout(r, 200));
    result.ok = true;
  } catch (e) {
    result.error = String(e && e.stack || e);
  }
  self.postMessage(result);
};
