/**
 * Union–find (disjoint sets) over one Int32Array, the one copy every component count uses: the
 * simulator's components, random-regular's connectivity check and the launcher's component sizes.
 * It lives in core, though it is no protocol logic, because src/sim and src/real may both import
 * core and not each other. Path halving keeps trees shallow; the lower root wins a union, so a
 * set's root is its lowest node once all unions are done.
 */

export class UnionFind {
  /** parent[x] === x for a root. */
  private readonly parent: Int32Array;

  /** `order` singletons 0..order-1. */
  constructor(order: number) {
    const parent = new Int32Array(order);
    for (let i = 0; i < order; i++) parent[i] = i;
    this.parent = parent;
  }

  /** The root of x's set. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const p = parent[parent[x]!]!;
      parent[x] = p; // path halving
      x = p;
    }
    return x;
  }

  /** Joins the sets of a and b (the lower root wins); true when they were apart. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}
