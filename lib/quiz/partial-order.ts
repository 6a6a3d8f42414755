// The partial order of events that the source establishes: the content's
// "A before B" edges and everything they imply transitively — nothing more.
import type { OrderEdge } from "../content/schema";

export interface PartialOrder {
  /** Ids in a topological order (earliest first where the order says so). */
  readonly ids: readonly string[];
  /** True when the source places `a` before `b`, directly or through other events. */
  before(a: string, b: string): boolean;
  /** True when the source orders the two events one way or the other. */
  comparable(a: string, b: string): boolean;
  /** The shortest chain of edges that places `a` before `b` (empty if it does not). */
  path(a: string, b: string): OrderEdge[];
}

export class OrderCycleError extends Error {}

export function buildPartialOrder(ids: readonly string[], edges: readonly OrderEdge[]): PartialOrder {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const out: OrderEdge[][] = ids.map(() => []);
  for (const edge of edges) {
    const from = index.get(edge.before);
    if (from === undefined || !index.has(edge.after))
      throw new Error(`edge ${edge.before} -> ${edge.after} names an unknown event`);
    out[from]!.push(edge);
  }

  // Reachability by BFS from each node; n is small (tens), so O(n·e) is nothing.
  const reach: boolean[][] = ids.map(() => new Array<boolean>(n).fill(false));
  const via: (OrderEdge | undefined)[][] = ids.map(() => new Array<OrderEdge | undefined>(n));
  for (let s = 0; s < n; s++) {
    const queue = [s];
    while (queue.length) {
      const u = queue.shift()!;
      for (const edge of out[u]!) {
        const v = index.get(edge.after)!;
        if (v === s) throw new OrderCycleError(`the order edges form a cycle through "${ids[s]}"`);
        if (!reach[s]![v]) {
          reach[s]![v] = true;
          via[s]![v] = edge; // the last edge on a shortest path from s to v
          queue.push(v);
        }
      }
    }
  }

  const topo = ids.slice().sort((a, b) => {
    const ia = index.get(a)!;
    const ib = index.get(b)!;
    if (reach[ia]![ib]) return -1;
    if (reach[ib]![ia]) return 1;
    return 0;
  });
  // Array.sort with a partial comparator is not a guaranteed topological sort; do Kahn's instead.
  const indegree = new Array<number>(n).fill(0);
  for (const list of out) for (const e of list) indegree[index.get(e.after)!]!++;
  const ready = topo.filter((id) => indegree[index.get(id)!] === 0);
  const order: string[] = [];
  while (ready.length) {
    const id = ready.shift()!;
    order.push(id);
    for (const e of out[index.get(id)!]!) {
      const v = index.get(e.after)!;
      if (--indegree[v]! === 0) ready.push(e.after);
    }
  }

  const before = (a: string, b: string) => {
    const ia = index.get(a);
    const ib = index.get(b);
    return ia !== undefined && ib !== undefined && reach[ia]![ib]!;
  };

  return {
    ids: order,
    before,
    comparable: (a, b) => before(a, b) || before(b, a),
    path(a, b) {
      const ia = index.get(a);
      let ib = index.get(b);
      if (ia === undefined || ib === undefined || !reach[ia]![ib]) return [];
      const edges: OrderEdge[] = [];
      while (ib !== ia) {
        const edge: OrderEdge = via[ia]![ib]!;
        edges.unshift(edge);
        ib = index.get(edge.before)!;
      }
      return edges;
    },
  };
}
