/** depends_on order: dependencies first (start), dependents first (stop); ties in file order. */
import type { ComposeProject, ComposeService } from './types';

export function startOrder(p: ComposeProject): ComposeService[] {
  const done = new Set<string>();
  const out: ComposeService[] = [];
  const visit = (s: ComposeService, seen: Set<string>): void => {
    if (done.has(s.name) || seen.has(s.name)) return;
    seen.add(s.name);
    for (const d of s.dependsOn) {
      const dep = p.services.find((x) => x.name === d);
      if (dep) visit(dep, seen);
    }
    done.add(s.name);
    out.push(s);
  };
  for (const s of p.services) visit(s, new Set());
  return out;
}

export function stopOrder(p: ComposeProject): ComposeService[] {
  return startOrder(p).reverse();
}
