/** The difference between two view models, keyed by id: only objects that appeared, changed or went. */
import type { ViewDelta, ViewEdge, ViewModel, ViewNode } from '../../protocol/view-model';

export function diffViewModels(before: ViewModel, after: ViewModel): ViewDelta {
  const nodes = diffById(before.nodes, after.nodes);
  const edges = diffById(before.edges, after.edges);
  return {
    addedNodes: nodes.added,
    updatedNodes: nodes.updated,
    removedNodes: nodes.removed,
    addedEdges: edges.added,
    updatedEdges: edges.updated,
    removedEdges: edges.removed,
  };
}

/** Applies a delta (the webview does the same on its side); order of survivors is kept, additions go last. */
export function applyViewDelta(model: ViewModel, delta: ViewDelta): ViewModel {
  return { nodes: applyById(model.nodes, delta.addedNodes, delta.updatedNodes, delta.removedNodes), edges: applyById(model.edges, delta.addedEdges, delta.updatedEdges, delta.removedEdges) };
}

function diffById<T extends ViewNode | ViewEdge>(before: T[], after: T[]): { added: T[]; updated: T[]; removed: string[] } {
  const old = new Map(before.map((item) => [item.id, item]));
  const added: T[] = [];
  const updated: T[] = [];
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) added.push(item);
    else if (JSON.stringify(was) !== JSON.stringify(item)) updated.push(item);
    old.delete(item.id);
  }
  return { added, updated, removed: [...old.keys()] };
}

function applyById<T extends ViewNode | ViewEdge>(items: T[], added: T[], updated: T[], removed: string[]): T[] {
  const gone = new Set(removed);
  const changed = new Map(updated.map((item) => [item.id, item]));
  return [...items.filter((item) => !gone.has(item.id)).map((item) => changed.get(item.id) ?? item), ...added];
}
