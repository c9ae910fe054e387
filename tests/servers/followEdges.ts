/**
 * Who follows whom on a test server, indexed both ways and kept in follow order (oldest first), so both the
 * followers and the following of an account list newest first as the APIs page them.
 */
export class FollowEdges<Edge extends { from: string; to: string }> {
  /** target id → (follower id → follow). */
  readonly #followers = new Map<string, Map<string, Edge>>();
  /** follower id → (target id → follow). */
  readonly #following = new Map<string, Map<string, Edge>>();

  get(from: string, to: string): Edge | undefined {
    return this.#followers.get(to)?.get(from);
  }

  add(edge: Edge): void {
    indexOf(this.#followers, edge.to).set(edge.from, edge);
    indexOf(this.#following, edge.from).set(edge.to, edge);
  }

  /** Returns whether there was such a follow. */
  remove(from: string, to: string): boolean {
    this.#following.get(from)?.delete(to);
    return this.#followers.get(to)?.delete(from) ?? false;
  }

  /** Every follow to or from `id` disappears. */
  forget(id: string): void {
    for (const edge of this.followerEdges(id)) this.remove(edge.from, id);
    for (const edge of this.followingEdges(id)) this.remove(id, edge.to);
    this.#followers.delete(id);
    this.#following.delete(id);
  }

  /** Newest follow first. */
  followerEdges(id: string): Edge[] {
    return [...(this.#followers.get(id)?.values() ?? [])].reverse();
  }

  /** Newest follow first. */
  followingEdges(id: string): Edge[] {
    return [...(this.#following.get(id)?.values() ?? [])].reverse();
  }
}

function indexOf<Edge>(index: Map<string, Map<string, Edge>>, id: string): Map<string, Edge> {
  let map = index.get(id);
  if (!map) {
    map = new Map();
    index.set(id, map);
  }
  return map;
}
