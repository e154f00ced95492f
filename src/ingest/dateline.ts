/**
 * The dateline a wire story opens with: `WASHINGTON –`, `GAZA CITY (Reuters) —`,
 * `LONDON, England -`. The place is kept; the dash and agency are not body text.
 */
export interface DatelineSplit {
  /** The place as written (`WASHINGTON`), or `null` when the text opens without one. */
  readonly dateline: string | null;
  /** The paragraph with the dateline removed. */
  readonly text: string;
}

// Capitals only for the place, so an ordinary sentence with a dash
// ("Biden – who ...") is never mistaken for a dateline.
const DATELINE = /^(?<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?)(?: \((?<agency>[^)]{1,40})\))? ?[–—-]{1,2} +(?<rest>\S.*)$/su;

export function splitDateline(paragraph: string): DatelineSplit {
  const groups = DATELINE.exec(paragraph)?.groups;
  const place = groups?.["place"];
  const rest = groups?.["rest"];
  if (place === undefined || rest === undefined || place.length > 40) return { dateline: null, text: paragraph };
  return { dateline: place, text: rest };
}
