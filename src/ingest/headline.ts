/**
 * Headlines for articles that have none: the lead sentence, cut at a word
 * boundary so it fits where a headline goes.
 */

/** A derived headline is at most this long, ellipsis included. */
export const MAX_DERIVED_HEADLINE = 100;

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/** The first sentence of `paragraph`, trimmed. */
export function leadSentence(paragraph: string): string {
  for (const { segment } of sentences.segment(paragraph)) {
    const sentence = segment.trim();
    if (sentence !== "") return sentence;
  }
  return "";
}

/**
 * `sentence` as a headline: whole when it fits in {@link MAX_DERIVED_HEADLINE}
 * characters (without its final full stop), otherwise cut at the last word
 * boundary that fits, trailing punctuation dropped, and an ellipsis added.
 */
export function deriveHeadline(sentence: string): string {
  const whole = sentence.trim().replace(/\s+/g, " ").replace(/\.$/, "");
  if (whole.length <= MAX_DERIVED_HEADLINE) return whole;
  const room = whole.slice(0, MAX_DERIVED_HEADLINE);
  const boundary = room.lastIndexOf(" ");
  const cut = boundary > 0 ? room.slice(0, boundary) : room.slice(0, MAX_DERIVED_HEADLINE - 1);
  return `${cut.replace(/[\s,;:.–—-]+$/u, "")}…`;
}
