/**
 * YAML front matter, read with gray-matter and a strict YAML loader; never
 * executed. gray-matter evaluates `---js` / `---javascript` front matter with
 * `eval` by default (https://github.com/jonschlinkert/gray-matter#optionsengines),
 * so every engine it knows is replaced: YAML by the `yaml` package with
 * limits, everything else by one that refuses.
 */
import matter from "gray-matter";
import { parseDocument } from "yaml";

/** Front matter as found in the file: unvalidated, read field by field by the parser. */
export type RawFrontMatter = Readonly<Record<string, unknown>>;

export type FrontMatterResult =
  | { readonly kind: "none"; readonly content: string }
  | { readonly kind: "data"; readonly data: RawFrontMatter; readonly content: string; readonly lineOffset: number }
  | { readonly kind: "refused"; readonly language: string; readonly content: string; readonly lineOffset: number }
  /** Not readable as YAML fields: perhaps not front matter at all, so `content` is the whole text. */
  | { readonly kind: "invalid"; readonly reason: string; readonly content: string }
  | { readonly kind: "unterminated"; readonly content: string };

/** Beyond this many alias uses a document is refused: the "billion laughs" guard. */
const MAX_ALIASES = 50;
/** Front matter longer than this is not front matter but a mistake. */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;

// A longer rule (`-----`) opens no front matter, and gray-matter closes only on `---`.
const OPENING = /^---(?!-)[ \t]*([A-Za-z]*)[ \t]*\n/;
const CLOSING = /^---[ \t]*$/m;

class FrontMatterProblem extends Error {}

/**
 * YAML 1.2 failsafe schema: every value is text, a list or a set of fields.
 * No custom tags, no `!!js/...`; `id: 007` stays "007" and a timestamp keeps
 * the calendar day and zone it was written with. The parser reads the text.
 */
function parseYaml(source: string): RawFrontMatter {
  if (source.trim() === "") return {};
  const document = parseDocument(source, { schema: "failsafe", uniqueKeys: true, prettyErrors: false, strict: true });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) throw new FrontMatterProblem(problem.message.split("\n")[0]);
  const value: unknown = document.toJS({ maxAliasCount: MAX_ALIASES });
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new FrontMatterProblem("front matter is not a set of `name: value` fields");
  return value as RawFrontMatter;
}

const refuse = () => ({});
const ENGINES = {
  yaml: { parse: parseYaml },
  javascript: refuse,
  js: refuse,
  coffee: refuse,
  coffeescript: refuse,
  cson: refuse,
  json: refuse,
  toml: refuse,
};

function lineCount(text: string): number {
  return text.split("\n").length - 1;
}

/** Splits `text` (LF line endings) into front matter and content. Never throws, never runs code. */
export function readFrontMatter(text: string): FrontMatterResult {
  const opening = OPENING.exec(text);
  if (opening === null) return { kind: "none", content: text };
  const afterOpening = text.slice(opening[0].length);
  const closing = CLOSING.exec(afterOpening);
  if (closing === null || closing.index > MAX_FRONT_MATTER_CHARS) return { kind: "unterminated", content: text };

  const language = (opening[1] ?? "").trim().toLowerCase();
  try {
    const yaml = language === "" || language === "yaml" || language === "yml";
    const file = matter(text, { engines: yaml ? ENGINES : { ...ENGINES, [language]: refuse } });
    const lineOffset = lineCount(text) - lineCount(file.content);
    if (!yaml) return { kind: "refused", language, content: file.content, lineOffset };
    // parseYaml, the only engine that returns fields, has checked their shape.
    return { kind: "data", data: file.data, content: file.content, lineOffset };
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return { kind: "invalid", reason, content: text };
  }
}
