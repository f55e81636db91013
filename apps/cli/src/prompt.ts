import { createInterface } from "node:readline/promises";
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
  const rl = createInterface({ input, output, terminal: false });
  const closed = new Promise<never>((_, reject) =>
    rl.once("close", () => reject(new RenameError(`no answer for ${ambiguityQuestion(a)}; pass --rename or --no-rename instead`))),
  );
  try {
    for (;;) {
      const answer = (await Promise.race([rl.question(`Which one? [1-${choices.length}] `), closed])).trim();
      const n = Number(answer);
      if (Number.isInteger(n) && n >= 1 && n <= choices.length) return a.candidates[n - 1];
      output.write(`answer a number from 1 to ${choices.length}\n`);
    }
  } finally {
    closed.catch(() => {});
    rl.close();
  }
}
