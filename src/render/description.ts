/**
 * An article's description, for its `<meta name="description">` and its
 * JSON-LD: the front matter summary, else the lead sentence, cut to what
 * search engines show of a description (about 160 characters). The text
 * itself is on the page whole; a longer description would only make every
 * article page heavier (issue 8: at most 30 KB).
 */
import type { Article } from "../article.ts";

/** A description is at most this many characters, ellipsis included. */
export const MAX_DESCRIPTION = 160;

/** `summary`, else `lead`, whole when it fits, else cut at the last word that fits, with an ellipsis. */
export function articleDescription(article: Pick<Article, "summary" | "lead">): string {
  const whole = (article.summary ?? article.lead).trim().replace(/\s+/g, " ");
  const characters = [...whole];
  if (characters.length <= MAX_DESCRIPTION) return whole;
  const room = characters.slice(0, MAX_DESCRIPTION - 1).join("");
  const boundary = room.lastIndexOf(" ");
  return `${(boundary > 0 ? room.slice(0, boundary) : room).replace(/[\s,;:.–—-]+$/u, "")}…`;
}
