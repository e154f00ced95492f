/**
 * Article ids: stable, readable, and safe as one URL path segment whatever
 * the file was called (spaces, accents, dots, slashes).
 */
import { basename, extname } from "node:path";

const MAX_ID_LENGTH = 80;

/** `Gaza – ceasefire talks.md` → `gaza-ceasefire-talks`; never empty, never `.` or `..`. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, "");
  return slug === "" ? "article" : slug;
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
