// The checker must catch what it looks for, or every build test that relies on it proves nothing.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { unsafeHtml } from "./safeHtml.ts";

describe("the safe-HTML checker", () => {
  it("should pass a clean page and flag each kind of problem", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-checker-"));
    await mkdir(join(dir, "assets"));
    await writeFile(join(dir, "assets", "search.js"), "");
    await writeFile(
      join(dir, "clean.html"),
      '<p><a href="/clean.html">ok</a></p><script src="/assets/search.js"></script><script type="application/ld+json">{}</script>',
    );
    assert.deepEqual(await unsafeHtml(dir), []);

    await writeFile(
      join(dir, "bad.html"),
      '<script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">j</a><a href="/missing/">m</a>' +
        '<div class="article-body"><p data-pagefind-filter="year:1900">x</p></div><script src="https://cdn.example/x.js"></script>',
    );
    await writeFile(join(dir, "latin1.html"), Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]));
    const problems = await unsafeHtml(dir);
    for (const pattern of [
      /bad\.html: script alert/,
      /onerror/,
      /href="javascript:/,
      /data-pagefind-filter inside article text/,
      /cdn\.example/,
      /link \/missing\/ does not resolve/,
      /latin1\.html: not valid UTF-8/,
    ]) {
      assert.ok(
        problems.some((problem) => pattern.test(problem)),
        `missed ${pattern}: ${problems.join("; ")}`,
      );
    }
  });
});
