import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { codeVersion, importsOf, packageOf } from "../../src/prepare/codeVersion.ts";

describe("codeVersion", () => {
  it("should read the modules a source imports, statically, re-exported and dynamically", () => {
    const source = [
      'import nlp from "compromise";',
      'import type { Article } from "../article.ts";',
      "import {\n  a,\n  b,\n} from './multi.ts';",
      'export { c } from "./c.ts";',
      'import "./side-effect.ts";',
      'const lazy = await import("./lazy.ts");',
      'export const label = "not an import";',
    ].join("\n");
    assert.deepEqual(importsOf(source), ["compromise", "../article.ts", "./multi.ts", "./c.ts", "./side-effect.ts", "./lazy.ts"]);
    assert.deepEqual(["compromise", "@scope/name/sub", "date-fns/parseISO", "./x.ts", "node:fs"].map(packageOf), [
      "compromise",
      "@scope/name",
      "date-fns",
      null,
      null,
    ]);
  });

  it("should change when any module the entry imports changes, and only then", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-version-"));
    await writeFile(join(dir, "entry.ts"), 'import { helper } from "./helper.ts";\nexport const value = helper();\n');
    await writeFile(join(dir, "helper.ts"), "export const helper = () => 1;\n");
    const entry = pathToFileURL(join(dir, "entry.ts"));
    const first = await codeVersion([entry]);
    assert.match(first, /^[0-9a-f]{16}$/);
    assert.equal(await codeVersion([entry]), first, "same code, same version");
    await writeFile(join(dir, "helper.ts"), "export const helper = () => 2;\n");
    assert.notEqual(await codeVersion([entry]), first);
  });

  it("should cover the parser and the entity extraction", async () => {
    const version = await codeVersion([new URL("../../src/prepare/prepareSeed.ts", import.meta.url)]);
    assert.match(version, /^[0-9a-f]{16}$/);
  });
});
