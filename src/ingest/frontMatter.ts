/**
 * YAML (or JSON) front matter, read with gray-matter and never executed.
 * gray-matter evaluates `---js` / `---javascript` front matter with `eval` by
 * default (https://github.com/jonschlinkert/gray-matter#optionsengines), so
 * every engine except YAML and JSON is replaced by one that refuses.
 */
import matter from "gray-matter";

/** Front matter as found in the file: unvalidated, read field by field by the parser. */
export type RawFrontMatter = Readonly<Record<string, unknown>>;

export type FrontMatterResult =
  | { readonly kind: "none"; readonly content: string }
  | { readonly kind: "data"; readonly data: RawFrontMatter; readonly content: string; readonly lineOffset: number }
  | { readonly kind: "refused"; readonly language: string; readonly content: string; readonly lineOffset: number }
  | { readonly kind: "invalid"; readonly reason: string; readonly content: string };

const SAFE_LANGUAGES = new Set(["", "yaml", "yml", "json"]);

function lineCount(text: string): number {
  return text.split("\n").length - 1;
}

/** Splits `text` into front matter and content. Never throws, never runs code. */
export function readFrontMatter(text: string): FrontMatterResult {
  if (!text.startsWith("---")) return { kind: "none", content: text };
  const language = matter.language(text).name.toLowerCase();
  const safe = SAFE_LANGUAGES.has(language);
  try {
    const file = matter(text, {
      // Replacing the engine (rather than checking afterwards) is what keeps code from running.
      engines: safe ? {} : { [language]: () => ({}), javascript: () => ({}), coffee: () => ({}) },
    });
    const lineOffset = lineCount(text) - lineCount(file.content);
    if (!safe) return { kind: "refused", language, content: file.content, lineOffset };
    const data: unknown = file.data;
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return { kind: "invalid", reason: "front matter is not a set of fields", content: file.content };
    }
    return { kind: "data", data: data as RawFrontMatter, content: file.content, lineOffset };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
    return { kind: "invalid", reason, content: text };
  }
}
