/**
 * Typed fields out of unvalidated front matter. Each reader returns the value
 * or, for a field present with the wrong shape, a sentence saying what is wrong.
 */
import type { RawFrontMatter } from "./frontMatter.ts";

export type FieldResult<T> = { readonly value: T | null; readonly problem: string | null };

const ok = <T>(value: T | null): FieldResult<T> => ({ value, problem: null });
const wrong = <T>(problem: string): FieldResult<T> => ({ value: null, problem });

function present(data: RawFrontMatter, names: readonly string[]): [string, unknown] | null {
  for (const name of names) {
    if (Object.hasOwn(data, name) && data[name] !== null && data[name] !== undefined) return [name, data[name]];
  }
  return null;
}

/** A single line of text: a string, or a number written without quotes. */
export function textField(data: RawFrontMatter, ...names: string[]): FieldResult<string> {
  const found = present(data, names);
  if (found === null) return ok<string>(null);
  const [name, value] = found;
  if (typeof value === "number" || typeof value === "boolean") return ok(String(value));
  if (typeof value !== "string") return wrong(`\`${name}\` should be text, not ${Array.isArray(value) ? "a list" : "a set of fields"}`);
  return ok(value.trim() === "" ? null : value.replace(/\s+/g, " ").trim());
}

/** Text or a list of texts (`tags: [a, b]`, `tags: a, b`, `author: [A, B]`). */
export function listField(data: RawFrontMatter, ...names: string[]): FieldResult<string[]> {
  const found = present(data, names);
  if (found === null) return ok<string[]>(null);
  const [name, value] = found;
  if (typeof value === "string")
    return ok(
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) {
    return ok(value.map((item) => String(item).trim()).filter(Boolean));
  }
  return wrong(`\`${name}\` should be a list of texts`);
}
