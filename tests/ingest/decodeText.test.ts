import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeText } from "../../src/ingest/decodeText.ts";

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))));

describe("decodeText", () => {
  it("should drop a UTF-8 BOM and turn CRLF into LF", () => {
    assert.deepEqual(decodeText("a.txt", bytes([0xef, 0xbb, 0xbf], "One\r\nTwo\r\n")), { ok: true, text: "One\nTwo\n", diagnostics: [] });
  });

  it("should decode UTF-16 with a BOM, both byte orders", () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Café\n", "utf16le")]);
    const big = Buffer.from(little.subarray(2)).swap16();
    assert.deepEqual(decodeText("le.txt", little), { ok: true, text: "Café\n", diagnostics: [] });
    assert.deepEqual(decodeText("be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), big])), { ok: true, text: "Café\n", diagnostics: [] });
  });

  it("should replace invalid UTF-8 and count the replacements", () => {
    const result = decodeText("bad.txt", bytes("Caf", [0xe9], " and ", [0xff], "."));
    assert.equal(result.ok && result.text, "Caf\uFFFD and \uFFFD.");
    assert.deepEqual(result.ok && result.diagnostics.map((d) => [d.code, d.level]), [["INVALID_UTF8", "warning"]]);
    assert.match((result.ok && result.diagnostics[0]?.message) || "", /2 invalid byte sequences/);
  });

  it("should remove control characters and say how many", () => {
    const result = decodeText("ctl.txt", bytes("A\u0007B\u001bC\tD\n"));
    assert.equal(result.ok && result.text, "ABC\tD\n");
    assert.match((result.ok && result.diagnostics[0]?.message) || "", /^2 control characters/);
  });

  it("should refuse empty, blank and binary files", () => {
    const cases: Array<[Buffer, string]> = [
      [bytes(), "EMPTY_FILE"],
      [bytes(" \n\t\r\n"), "EMPTY_FILE"],
      [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), "BINARY_FILE"],
    ];
    for (const [input, code] of cases) {
      const result = decodeText("x.txt", input);
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual([result.error.code, result.error.level, result.error.file], [code, "error", "x.txt"]);
    }
  });
});
