// A lock between processes (two `npm test` runs at once must not install into the same folder):
// mkdir is atomic; the owner's pid is kept inside so a lock left by a killed process is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

export async function acquireLock(dir, log = () => {}) {
  let told = false;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try { pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8')); } catch { /* being written */ }
      if (pid && !alive(pid)) { rmSync(dir, { recursive: true, force: true }); continue; }
      if (!told) { log(`  waiting for another install (pid ${pid || '?'}) to finish ...`); told = true; }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
