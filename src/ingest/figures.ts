/**
 * Photo captions and their credits, as news sites export them into text:
 * - a caption paragraph, then a credit line of names separated by `|`
 *   (`Sebastian Scheiner | Reuters`, `Ashraf Amra | Anadolu Agency | Getty Images`);
 * - a caption, then a labelled credit (`Photo: Jane Doe/AP`, `Photograph by ...`);
 * - a caption ending in its credit (`... on Monday. (AP Photo/Jane Doe)`, `(Getty Images)`).
 * Patterns are narrow on purpose: a paragraph ending in `(WHO)` or `(2018)` is prose.
 */
import type { BodyBlock } from "../article.ts";
import type { TextBlock } from "./textBlocks.ts";

const CREDIT_PART = /^[\p{Lu}][\p{L}\p{M}.'’&-]*(?: [\p{L}\p{M}.'’&-]+){0,4}$/u;
const LABELLED_CREDIT = /^(?:Photo(?:graph)?s?|Credit|Image|Illustration)s?\s*(?:by\s+|:\s*)(?<credit>\S.{0,118})$/i;
const TRAILING_CREDIT =
  /^(?<caption>.+?)\s*\((?<credit>(?:(?:AP|AFP|EPA|Reuters|CNN) Photo\b[^()]*|[^()]*\b(?:Getty Images|Shutterstock|via AP|via Reuters)\b[^()]*|Photo(?:graph)?s? (?:by|courtesy of)\s[^()]+|Courtesy(?: of)?\s[^()]+))\)[.”"]?$/u;
const AGENCY_CREDIT =
  /^(?:Getty Images|AP Photo|Reuters|AFP|EPA|Shutterstock|[^.!?|]{1,60}\/(?:Getty Images|AP|AFP|Reuters|EPA|Bloomberg)(?: via .{1,30})?)$/;

/** A line like `Name | Agency`: two or more short capitalised parts, no sentence. */
export function isCreditLine(text: string): boolean {
  if (text.length > 120 || !text.includes("|")) return false;
  const parts = text.split("|").map((part) => part.trim());
  return parts.length >= 2 && parts.every((part) => CREDIT_PART.test(part));
}

/** The credit a whole block stands for, or `null` when it is prose. */
export function creditOf(text: string): string | null {
  if (isCreditLine(text)) return text;
  const labelled = LABELLED_CREDIT.exec(text)?.groups?.["credit"];
  if (labelled !== undefined && !/[.!?]\s/.test(labelled)) return labelled.trim();
  return AGENCY_CREDIT.test(text) ? text : null;
}

/**
 * Blocks → body blocks: each credit with the paragraph before it becomes one
 * figure; a caption carrying its own credit becomes one; every other block
 * stays a paragraph, word for word.
 */
export function extractFigures(blocks: readonly TextBlock[]): BodyBlock[] {
  const body: BodyBlock[] = [];
  for (const block of blocks) {
    const credit = creditOf(block.text);
    if (credit !== null) {
      const previous = body[body.length - 1];
      if (previous?.kind === "paragraph") {
        body[body.length - 1] = { kind: "figure", caption: previous.text, credit, line: previous.line };
      } else {
        body.push({ kind: "figure", caption: "", credit, line: block.line });
      }
      continue;
    }
    const trailing = TRAILING_CREDIT.exec(block.text)?.groups;
    if (trailing?.["caption"] !== undefined && trailing["credit"] !== undefined) {
      body.push({ kind: "figure", caption: trailing["caption"], credit: trailing["credit"].trim(), line: block.line });
      continue;
    }
    body.push({ kind: "paragraph", text: block.text, line: block.line });
  }
  return body;
}
