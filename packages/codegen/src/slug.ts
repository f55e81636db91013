/**
 * A file-name part for a migration message: lower case ASCII words joined by `_`, cut at a
 * word boundary to at most 40 characters; `migration` when the message has no ASCII letters or digits.
 */
export function slugify(message: string): string {
  const words = message
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}_${word}` : word;
    if (next.length > 40) return slug || word.slice(0, 40);
    slug = next;
  }
  return slug || "migration";
}
