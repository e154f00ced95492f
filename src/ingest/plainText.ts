/**
 * Markdown source → plain words, for fields that are not rendered as
 * Markdown (headline, lead): pandoc-style escapes (`\_`, `\#`) and link
 * syntax are removed; the words and their spacing are kept as written.
 */
export function plainText(markdown: string): string {
  return (
    markdown
      // A link's address may hold one level of parentheses: [Gaza](https://…/Gaza_(city)).
      .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g, "$1")
      .replace(/\\([!-/:-@[-`{-~])/g, "$1")
      .replace(/\n/g, " ")
      .replace(/^[ \t]+|[ \t]+$/g, "")
  );
}

/** Words as a reader counts them: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
