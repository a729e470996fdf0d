/**
 * Ids the extension registers under, as package.json contributes them. Kept apart from the code
 * that needs the simulator, so activation can register everything without loading it.
 */
export const SHELL_LANGUAGE = 'shellscript';
export const CHECK_LANGUAGE = 'vethlab-check';
export const SHOW_IN_TOPOLOGY = 'vethlab.showInTopology';
