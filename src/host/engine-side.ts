/**
 * What the host's registrations call into once the learner uses something: the lab notebooks'
 * kernel and file format, the terminal's session, the tree's rows, hovers, completions and the
 * topology feed, and through them the whole simulator (kernel, shell, Docker, swarm, compose, yaml).
 * It is the entry of dist/engine.js, which dist/extension.js loads on first use (lazy-engine.ts).
 */
export { createWorld } from '../engine/presets';
export { learnerHosts } from '../engine/view/hosts';
export { Shell } from '../shell/shell';
export { SnapshotFiles } from '../shell/snapshot-files';
export { LabKernel } from './notebook/lab-kernel';
export { labToNotebook, notebookToLab } from './notebook/lab-cells';
export { fromBase64, readLab } from './notebook/unreadable-lab';
export { TerminalSession } from './terminal/terminal-session';
export { childRows } from './tree/tree-model';
export { completionsAt } from './hover/completion-items';
export { hoverText } from './hover/hover-text';
export { TopologyFeed } from './topology/feed';
