import { RevisionError } from "../errors.ts";

/** One revision as the graph sees it. */
export interface RevisionNode {
  id: string;
  parents: readonly string[];
  /** The file that defines it, for messages. */
  file: string;
}

/** One migration to run: `upgrade` or `downgrade` of `revision`, and the version rows it leaves. */
export interface PlanStep<N extends RevisionNode = RevisionNode> {
  direction: "upgrade" | "downgrade";
  revision: N;
  /** The version rows before and after this step. */
  before: string[];
  after: string[];
}

/**
 * The revision graph of a migrations folder: a DAG from the bases (no parents) to the heads
 * (no children). Built once, checked on construction (unknown parents, cycles), then read.
 */
export class RevisionGraph<N extends RevisionNode = RevisionNode> {
  readonly #nodes = new Map<string, N>();
  readonly #children = new Map<string, string[]>();
  /** Every id, parents before children, ties broken by id, so plans are deterministic. */
  readonly order: readonly string[];

  constructor(nodes: readonly N[]) {
    for (const n of nodes) {
      const seen = this.#nodes.get(n.id);
      if (seen) {
        throw new RevisionError(
          `revision ${n.id} is defined twice, in ${seen.file} and ${n.file}; give one of them a new revision id`,
        );
      }
      this.#nodes.set(n.id, n);
      this.#children.set(n.id, []);
    }
    for (const n of nodes) {
      for (const p of n.parents) {
        if (!this.#nodes.has(p)) {
          throw new RevisionError(
            `${n.file} names parent revision ${p}, which no migration defines; fix its parents or restore the missing file`,
          );
        }
        this.#children.get(p)!.push(n.id);
      }
    }
    this.order = this.#topologicalOrder();
  }

  #topologicalOrder(): string[] {
    const waiting = new Map([...this.#nodes.values()].map((n) => [n.id, new Set(n.parents).size]));
    const ready = [...waiting].filter(([, k]) => k === 0).map(([id]) => id).sort();
    const out: string[] = [];
    while (ready.length > 0) {
      const id = ready.shift()!;
      out.push(id);
      for (const c of new Set(this.#children.get(id))) {
        const k = waiting.get(c)! - 1;
        waiting.set(c, k);
        if (k === 0) {
          ready.push(c);
          ready.sort();
        }
      }
    }
    if (out.length < this.#nodes.size) {
      const stuck = [...this.#nodes.values()].filter((n) => !out.includes(n.id));
      throw new RevisionError(
        `the migrations form a cycle through ${stuck.map((n) => `${n.id} (${n.file})`).join(", ")}; fix their parents`,
      );
    }
    return out;
  }

  get size(): number {
    return this.#nodes.size;
  }

  has(id: string): boolean {
    return this.#nodes.has(id);
  }

  get(id: string): N {
    const n = this.#nodes.get(id);
    if (!n) throw new RevisionError(`unknown revision ${id}; run \`driftwood history\` to list revisions`);
    return n;
  }

  /** Every node, parents first. */
  all(): N[] {
    return this.order.map((id) => this.#nodes.get(id)!);
  }

  children(id: string): string[] {
    return [...(this.#children.get(id) ?? [])].sort();
  }

  get heads(): string[] {
    return this.order.filter((id) => this.#children.get(id)!.length === 0);
  }

  get bases(): string[] {
    return this.order.filter((id) => this.#nodes.get(id)!.parents.length === 0);
  }

  /** Revisions with more than one child. */
  get branchPoints(): string[] {
    return this.order.filter((id) => new Set(this.#children.get(id)).size > 1);
  }

  /** Every revision `ids` depend on, `ids` included. */
  ancestors(ids: readonly string[]): Set<string> {
    return this.#walk(ids, (id) => this.get(id).parents);
  }

  /** Every revision that depends on `ids`, `ids` included. */
  descendants(ids: readonly string[]): Set<string> {
    return this.#walk(ids, (id) => this.#children.get(id) ?? []);
  }

  #walk(start: readonly string[], next: (id: string) => readonly string[]): Set<string> {
    const seen = new Set<string>();
    const stack = [...start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      this.get(id);
      seen.add(id);
      stack.push(...next(id));
    }
    return seen;
  }

  /** The heads of a set closed under ancestors: its members no other member descends from. */
  headsOf(applied: ReadonlySet<string>): string[] {
    return this.order.filter((id) => applied.has(id) && !this.children(id).some((c) => applied.has(c)));
  }

  /**
   * Resolves a revision spec to revision ids: a full id, a unique prefix, `head` (the one head),
   * `heads`, `base` (no revision: an empty list), `+N` / `-N` from `current`, or `REV+N` / `REV-N`.
   */
  resolve(spec: string, current: readonly string[] = []): string[] {
    if (spec === "heads") return this.heads;
    if (spec === "base") return [];
    if (spec === "head") {
      const heads = this.heads;
      if (heads.length > 1) {
        throw new RevisionError(
          `there are ${heads.length} heads (${heads.join(", ")}); name one, use \`heads\`, or merge them with \`driftwood merge\``,
        );
      }
      return heads;
    }
    const relative = /^(.*?)([+-])(\d+)$/.exec(spec);
    if (relative) {
      const [, from, sign, count] = relative;
      const start = from === "" ? [...current] : this.resolve(from!, current);
      return this.#step(spec, start, sign === "+" ? Number(count) : -Number(count));
    }
    return [this.#lookup(spec)];
  }

  #lookup(spec: string): string {
    if (this.#nodes.has(spec)) return spec;
    const matches = this.order.filter((id) => id.startsWith(spec));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new RevisionError(
        `revision prefix ${spec} is ambiguous: it matches ${matches.join(", ")}; type more characters`,
      );
    }
    throw new RevisionError(`unknown revision ${spec}; run \`driftwood history\` to list revisions`);
  }

  /** Walks `n` steps from `start` (one revision, or none for base); a fork on the way is an error. */
  #step(spec: string, start: string[], n: number): string[] {
    if (start.length > 1) {
      throw new RevisionError(
        `${spec} is ambiguous from ${start.length} heads (${start.join(", ")}); name a revision instead`,
      );
    }
    let at = start;
    for (let i = 0; i < Math.abs(n); i++) {
      if (n < 0 && at.length === 0) {
        throw new RevisionError(`${spec} goes back past the base; there were only ${i} revisions to go back`);
      }
      const next = n > 0 ? (at.length === 0 ? this.bases : this.children(at[0]!)) : [...this.get(at[0]!).parents];
      if (n > 0 && next.length === 0) {
        throw new RevisionError(`${spec} goes past the last revision; there were only ${i} more`);
      }
      if (next.length > 1) {
        throw new RevisionError(
          `${spec} is ambiguous at ${at[0] ?? "base"}, which ${n > 0 ? "branches" : "merges"} (${next.join(", ")}); name a revision instead`,
        );
      }
      at = next;
    }
    return at;
  }

  /**
   * The upgrade from the applied heads `current` to `targets` (empty: nothing): every ancestor
   * of the targets not yet applied, parents first.
   */
  upgradePlan(current: readonly string[], targets: readonly string[]): PlanStep<N>[] {
    const applied = this.ancestors(current);
    const wanted = this.ancestors(targets);
    const steps: PlanStep<N>[] = [];
    let rows = this.headsOf(applied);
    for (const id of this.order) {
      if (!wanted.has(id) || applied.has(id)) continue;
      applied.add(id);
      const after = this.headsOf(applied);
      steps.push({ direction: "upgrade", revision: this.get(id), before: rows, after });
      rows = after;
    }
    return steps;
  }

  /**
   * The downgrade from `current` to `targets` (empty: base): every applied descendant of the
   * targets, children first. A target must itself be applied.
   */
  downgradePlan(current: readonly string[], targets: readonly string[]): PlanStep<N>[] {
    const applied = this.ancestors(current);
    for (const t of targets) {
      if (!applied.has(t)) {
        throw new RevisionError(
          `revision ${t} is not applied, so there is nothing to downgrade to; run \`driftwood current\` to see what is`,
        );
      }
    }
    const undo =
      targets.length === 0 ? new Set(applied) : new Set([...this.descendants(targets)].filter((id) => !targets.includes(id)));
    const steps: PlanStep<N>[] = [];
    let rows = this.headsOf(applied);
    for (const id of [...this.order].reverse()) {
      if (!undo.has(id) || !applied.has(id)) continue;
      applied.delete(id);
      const after = this.headsOf(applied);
      steps.push({ direction: "downgrade", revision: this.get(id), before: rows, after });
      rows = after;
    }
    return steps;
  }

  /** Revisions from `from` (inclusive; empty: base) up to `to` (inclusive), parents first: `history -r`. */
  range(from: readonly string[], to: readonly string[]): N[] {
    const after = from.length === 0 ? undefined : this.descendants(from);
    const upTo = this.ancestors(to);
    return this.order.filter((id) => upTo.has(id) && (after?.has(id) ?? true)).map((id) => this.get(id));
  }
}
