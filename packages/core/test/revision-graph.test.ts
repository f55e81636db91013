import { test } from "node:test";
import assert from "node:assert/strict";
import { RevisionGraph, type RevisionNode } from "../src/revisions/graph.ts";
import { RevisionError } from "../src/errors.ts";

const node = (id: string, ...parents: string[]): RevisionNode => ({ id, parents, file: `migrations/${id}_x.ts` });

// a1 ─ b2 ─┬─ c3 ─┬─ e5 (merge)
//          └─ d4 ─┘
const diamond = () => new RevisionGraph([node("e5", "c3", "d4"), node("c3", "b2"), node("a1"), node("d4", "b2"), node("b2", "a1")]);
const ids = (steps: { revision: RevisionNode }[]) => steps.map((s) => s.revision.id);

test("orders parents first and finds heads, bases and branch points", () => {
  const g = diamond();
  assert.deepEqual(g.order, ["a1", "b2", "c3", "d4", "e5"]);
  assert.deepEqual(g.heads, ["e5"]);
  assert.deepEqual(g.bases, ["a1"]);
  assert.deepEqual(g.branchPoints, ["b2"]);
  assert.deepEqual([...g.ancestors(["c3"])].sort(), ["a1", "b2", "c3"]);
  assert.deepEqual([...g.descendants(["c3"])].sort(), ["c3", "e5"]);
});

test("resolves ids, prefixes, head, heads, base and relative steps", () => {
  const g = new RevisionGraph([node("aa11"), node("ab22", "aa11"), node("bc33", "ab22")]);
  assert.deepEqual(g.resolve("ab22"), ["ab22"]);
  assert.deepEqual(g.resolve("bc"), ["bc33"]);
  assert.deepEqual(g.resolve("head"), ["bc33"]);
  assert.deepEqual(g.resolve("heads"), ["bc33"]);
  assert.deepEqual(g.resolve("base"), []);
  assert.deepEqual(g.resolve("+1", []), ["aa11"]);
  assert.deepEqual(g.resolve("+2", ["aa11"]), ["bc33"]);
  assert.deepEqual(g.resolve("-1", ["bc33"]), ["ab22"]);
  assert.deepEqual(g.resolve("-3", ["bc33"]), []);
  assert.deepEqual(g.resolve("aa11+1"), ["ab22"]);
  assert.throws(() => g.resolve("a"), /prefix a is ambiguous: it matches aa11, ab22/);
  assert.throws(() => g.resolve("zz"), /unknown revision zz/);
  assert.throws(() => g.resolve("-4", ["bc33"]), /past the base/);
  assert.throws(() => g.resolve("+1", ["bc33"]), /past the last revision/);
});

test("relative steps through a branch or merge are ambiguous", () => {
  const g = diamond();
  assert.throws(() => g.resolve("+1", ["b2"]), /ambiguous at b2, which branches \(c3, d4\)/);
  assert.throws(() => g.resolve("-1", ["e5"]), /ambiguous at e5, which merges/);
  assert.throws(() => g.resolve("-1", ["c3", "d4"]), /ambiguous from 2 heads/);
});

test("head with several heads asks to merge", () => {
  const g = new RevisionGraph([node("a1"), node("b2", "a1"), node("c3", "a1")]);
  assert.deepEqual(g.heads, ["b2", "c3"]);
  assert.throws(() => g.resolve("head"), /2 heads \(b2, c3\).*driftwood merge/);
  assert.deepEqual(g.resolve("heads"), ["b2", "c3"]);
});

test("rejects duplicates, missing parents and cycles, naming the files", () => {
  assert.throws(
    () => new RevisionGraph([node("a1"), { ...node("a1"), file: "migrations/a1_other.ts" }]),
    (e: Error) => e instanceof RevisionError && /a1 is defined twice, in migrations\/a1_x.ts and migrations\/a1_other.ts/.test(e.message),
  );
  assert.throws(() => new RevisionGraph([node("b2", "zz")]), /migrations\/b2_x.ts names parent revision zz, which no migration defines/);
  assert.throws(() => new RevisionGraph([node("a1"), node("b2", "c3"), node("c3", "b2")]), /cycle through b2 \(migrations\/b2_x.ts\), c3/);
});

test("upgrade plan walks a diamond and tracks version rows like Alembic", () => {
  const g = diamond();
  const plan = g.upgradePlan([], ["e5"]);
  assert.deepEqual(ids(plan), ["a1", "b2", "c3", "d4", "e5"]);
  assert.deepEqual(
    plan.map((s) => [s.before, s.after]),
    [[[], ["a1"]], [["a1"], ["b2"]], [["b2"], ["c3"]], [["c3"], ["c3", "d4"]], [["c3", "d4"], ["e5"]]],
  );
  assert.deepEqual(ids(g.upgradePlan(["c3"], ["d4"])), ["d4"]);
  assert.deepEqual(g.upgradePlan(["c3"], ["d4"])[0]!.after, ["c3", "d4"]);
  assert.deepEqual(ids(g.upgradePlan(["e5"], ["e5"])), []);
  assert.deepEqual(ids(g.upgradePlan(["e5"], ["b2"])), []);
});

test("downgrade plan undoes descendants of the target, children first", () => {
  const g = diamond();
  const toB = g.downgradePlan(["e5"], ["b2"]);
  assert.deepEqual(ids(toB), ["e5", "d4", "c3"]);
  assert.deepEqual(toB.map((s) => s.after), [["c3", "d4"], ["c3"], ["b2"]]);
  assert.deepEqual(ids(g.downgradePlan(["e5"], ["c3"])), ["e5"]);
  assert.deepEqual(g.downgradePlan(["e5"], ["c3"])[0]!.after, ["c3", "d4"]);
  assert.deepEqual(ids(g.downgradePlan(["e5"], [])), ["e5", "d4", "c3", "b2", "a1"]);
  assert.deepEqual(g.downgradePlan(["e5"], []).at(-1)!.after, []);
  assert.throws(() => g.downgradePlan(["c3"], ["d4"]), /revision d4 is not applied/);
});

test("range lists revisions between two points", () => {
  const g = diamond();
  assert.deepEqual(g.range(["c3"], ["e5"]).map((n) => n.id), ["c3", "e5"]);
  assert.deepEqual(g.range([], ["c3"]).map((n) => n.id), ["a1", "b2", "c3"]);
});
