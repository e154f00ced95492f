/**
 * Article ids: stable, readable, and safe as one URL path segment whatever
 * the file was called (spaces, accents, dots, slashes).
 */
import { createHash } from "node:crypto";
import { basename, extname } from "node:path";

const MAX_ID_LENGTH = 80;
const HASH_LENGTH = 6;

/**
 * `Gaza – ceasefire talks.md` → `gaza-ceasefire-talks`; never empty, never
 * `.` or `..`. A slug too long for a tidy address is cut and given a short
 * hash of the whole, so two long names that share a beginning stay apart.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
  if (slug === "") return "article";
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const hash = createHash("sha256").update(slug).digest("hex").slice(0, HASH_LENGTH);
  return `${slug.slice(0, MAX_ID_LENGTH - HASH_LENGTH - 1).replace(/[-_]+$/, "")}-${hash}`;
}

/** The id a file gets when its front matter names none: its name without folder or extension. */
export function idFromFileName(file: string): string {
  return slugify(basename(file, extname(file)));
}

/**
 * Makes ids unique in file order: the second `x` becomes `x-2`, and so on.
 * Returns the ids in the order given.
 */
export function uniqueIds(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    let candidate = id;
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}
