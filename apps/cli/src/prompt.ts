import { createInterface } from "node:readline";
import { ambiguityQuestion, RenameError, type RenameAmbiguity } from "@driftwood/core";

/**
 * Asks on a terminal which pairing of an ambiguous rename was meant: a numbered list of the
 * candidates, the last choice being drop and add. Returns the candidate, or undefined for drop and add.
 */
export async function askRename(
  a: RenameAmbiguity,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string | undefined> {
  const choices = [...a.candidates.map((c) => `rename ${c.replace("=", " to ")}`), "none: drop and add (the data is lost)"];
  output.write(`${ambiguityQuestion(a)}:\n${choices.map((c, i) => `  ${i + 1}) ${c}\n`).join("")}`);
  // The line iterator buffers answers typed (or piped) before the question is shown.
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (;;) {
      output.write(`Which one? [1-${choices.length}] `);
      const line = await lines.next();
      if (line.done) throw new RenameError(`no answer for ${ambiguityQuestion(a)}; pass --rename or --no-rename instead`);
      const n = Number(String(line.value).trim());
      if (Number.isInteger(n) && n >= 1 && n <= choices.length) return a.candidates[n - 1];
      output.write(`answer a number from 1 to ${choices.length}\n`);
    }
  } finally {
    rl.close();
  }
}
