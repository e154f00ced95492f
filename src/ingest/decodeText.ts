/**
 * Bytes → clean text, or the reason there is none. Reads UTF-8 (with or
 * without BOM) and UTF-16 with a BOM; repairs what can be repaired and says
 * so; refuses what is not an article (empty, binary).
 */
import { diagnostic, type Diagnostic } from "../diagnostics.ts";

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly error: Diagnostic };

// C0 and C1 control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** How much of a file is sampled to tell text from binary. */
const SNIFF_BYTES = 8192;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length * 0.3;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let index = text.indexOf(char); index !== -1; index = text.indexOf(char, index + 1)) count++;
  return count;
}

export function decodeText(file: string, bytes: Uint8Array): DecodeResult {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) {
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else if (looksBinary(bytes)) {
    return {
      ok: false,
      error: diagnostic(
        "BINARY_FILE",
        file,
        "the file holds binary data, not text; it is not an article. Remove it, or export the article as text.",
      ),
    };
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(bytes);
      const replaced = countOf(text, "\uFFFD");
      diagnostics.push(
        diagnostic(
          "INVALID_UTF8",
          file,
          `the file is not valid UTF-8: ${replaced} invalid byte sequence${replaced === 1 ? " was" : "s were"} replaced with “\uFFFD”. Save it as UTF-8 to keep every character.`,
        ),
      );
    }
  }

  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0) {
    text = text.replace(CONTROL, "");
    diagnostics.push(
      diagnostic("CONTROL_CHARACTERS", file, `${controls} control character${controls === 1 ? " was" : "s were"} removed from the text.`),
    );
  }
  if (text.trim() === "") {
    return {
      ok: false,
      error: diagnostic("EMPTY_FILE", file, bytes.length === 0 ? "the file is empty." : "the file holds only white space."),
    };
  }
  return { ok: true, text, diagnostics };
}
