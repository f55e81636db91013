import { qualifiedKey, type Op, type Schema, type Sequence, type SequenceOptions } from "@driftwood/schema";
import { matchBy, nameOf, same } from "./match.ts";

export function compareSequences(actual: Schema, desired: Schema): Op[] {
  const { added, removed, kept } = matchBy(actual.sequences, desired.sequences, qualifiedKey);
  return [
    ...added.map((sequence): Op => ({ kind: "createSequence", sequence })),
    ...removed.reverse().map((sequence): Op => ({ kind: "dropSequence", sequence })),
    ...kept
      .filter(({ from, to }) => !same(optionsOf(from), optionsOf(to)))
      .map(({ from, to }): Op => ({ kind: "alterSequence", ...nameOf(to), from: optionsOf(from), to: optionsOf(to) })),
  ];
}

function optionsOf(sequence: Sequence): SequenceOptions {
  const { schema: _schema, name: _name, ...options } = sequence;
  return options;
}
