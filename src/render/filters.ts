/**
 * Template filters: pure formatters from a value to text or HTML. They never
 * read files, sort or change what they are given.
 */
import { format, parseISO } from "date-fns";
import type { IsoDate } from "../article.ts";
import { renderMarkdown, renderMarkdownInline } from "./markdown.ts";

/** `2021-05-18` → `18 May 2021`. Parsed as a local calendar day, so no time zone can shift it. */
export function readableDate(date: IsoDate): string {
  return format(parseISO(date), "d MMMM yyyy");
}

/** `2021-05` → `May 2021`. */
export function monthLabel(month: string): string {
  return format(parseISO(`${month}-01`), "MMMM yyyy");
}

/** Filters by the name templates use them under. */
export const filters = {
  readableDate,
  monthLabel,
  markdown: renderMarkdown,
  markdownInline: renderMarkdownInline,
} as const;
