/**
 * Photo captions and their credit lines, as news sites export them into text:
 * a caption paragraph followed by a short line of names separated by `|`
 * (`Sebastian Scheiner | Reuters`, `Ashraf Amra | Anadolu Agency | Getty Images`).
 */
import type { BodyBlock } from "../article.ts";
import type { TextBlock } from "./textBlocks.ts";

const CREDIT_PART = /^[\p{Lu}][\p{L}\p{M}.'’&-]*(?: [\p{L}\p{M}.'’&-]+){0,4}$/u;

/** A line like `Name | Agency`: two or more short capitalised parts, no sentence. */
export function isCreditLine(text: string): boolean {
  if (text.length > 120 || !text.includes("|")) return false;
  const parts = text.split("|").map((part) => part.trim());
  return parts.length >= 2 && parts.every((part) => CREDIT_PART.test(part));
}

/**
 * Turns blocks into body blocks: each credit line and the paragraph before it
 * become one figure; every other block stays a paragraph, word for word.
 */
export function extractFigures(blocks: readonly TextBlock[]): BodyBlock[] {
  const body: BodyBlock[] = [];
  for (const block of blocks) {
    if (!isCreditLine(block.text)) {
      body.push({ kind: "paragraph", text: block.text, line: block.line });
      continue;
    }
    const previous = body[body.length - 1];
    if (previous?.kind === "paragraph") {
      body[body.length - 1] = { kind: "figure", caption: previous.text, credit: block.text, line: previous.line };
    } else {
      body.push({ kind: "figure", caption: "", credit: block.text, line: block.line });
    }
  }
  return body;
}
