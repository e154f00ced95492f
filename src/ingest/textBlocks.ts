/**
 * Splits article text into blocks separated by blank lines. Hard-wrapped
 * lines inside a block are joined with a space, so a paragraph comes out
 * whole whatever width the file was wrapped at.
 */
export interface TextBlock {
  readonly text: string;
  /** 1-based line where the block starts in the source file. */
  readonly line: number;
}

/** `lines` are the file's lines; `firstLine` is the 1-based number of `lines[0]`. */
export function splitBlocks(lines: readonly string[], firstLine = 1): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  let start = firstLine;
  const flush = () => {
    if (current.length > 0) blocks.push({ text: current.join(" "), line: start });
    current = [];
  };
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") {
      flush();
      continue;
    }
    if (current.length === 0) start = firstLine + index;
    current.push(line);
  }
  flush();
  return blocks;
}
