/**
 * The dateline a story opens with: `WASHINGTON –`, `GAZA CITY (Reuters) —`,
 * `LONDON, England -`, `Chillicothe, Missouri (AP) –`. The place is kept as
 * the record's dateline; the dash and the agency are not body text.
 */
export interface DatelineSplit {
  /** The place as written (`WASHINGTON`), or `null` when the text opens without one. */
  readonly dateline: string | null;
  /** The paragraph with the dateline removed. */
  readonly text: string;
}

const WORD = String.raw`[\p{Lu}][\p{L}\p{M}.'’-]*`;
const AGENCY = String.raw`(?:\s\((?:AP|AFP|CNN|Reuters|UPI|Bloomberg|dpa|CNN Business)\))`;
// A place in capitals ("WASHINGTON", "GAZA CITY") needs no agency; a place in
// ordinary case ("New York (AP)") does, so "Meanwhile, Jonathan Greenblatt –"
// stays prose.
const CAPITALS = String.raw`(?<capitals>[\p{Lu}][\p{Lu}.'’-]*(?: [\p{Lu}][\p{Lu}.'’-]*){0,3}(?:, ${WORD}(?: ${WORD}){0,2})?)${AGENCY}?`;
const MIXED = String.raw`(?<mixed>${WORD}(?: ${WORD}){0,3}(?:, ${WORD}(?: ${WORD}){0,2})?)${AGENCY}`;
const DATELINE = new RegExp(String.raw`^(?:${CAPITALS}|${MIXED})\s?[–—-]{1,2}\s+(?<rest>\S.*)$`, "su");

export function splitDateline(paragraph: string): DatelineSplit {
  const groups = DATELINE.exec(paragraph)?.groups;
  const place = groups?.["capitals"] ?? groups?.["mixed"];
  const rest = groups?.["rest"];
  if (place === undefined || rest === undefined || place.length > 60) return { dateline: null, text: paragraph };
  return { dateline: place, text: rest };
}
