import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { absoluteUrl, DEFAULT_SETTINGS, parseSettings, readSiteSettings, SettingsError, todayIn } from "../../src/site/siteSettings.ts";

describe("site settings", () => {
  it("should fill every field a file leaves out with its default", () => {
    assert.deepEqual(parseSettings({ title: "Press" }, "x"), { ...DEFAULT_SETTINGS, title: "Press" });
  });

  it("should normalise the base URL and path prefix", () => {
    const settings = parseSettings({ baseUrl: "https://example.org/", pathPrefix: "/archive" }, "x");
    assert.equal(settings.baseUrl, "https://example.org");
    assert.equal(settings.pathPrefix, "/archive/");
    assert.equal(absoluteUrl(settings, "/articles/a/"), "https://example.org/archive/articles/a/");
  });

  it("should name the field and the mistake", () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ titel: "x" }, /unknown setting "titel"/],
      [{ title: 3 }, /"title" must be a non-empty string/],
      [{ baseUrl: "example.org" }, /"baseUrl" must be a scheme and host/],
      [{ pathPrefix: "../up" }, /"pathPrefix" must look like/],
      [{ timeZone: "Mars/Olympus" }, /not a time zone name/],
      [[], /must be a JSON object/],
    ];
    for (const [raw, message] of cases)
      assert.throws(
        () => parseSettings(raw, "clippings.json"),
        (error: Error) => error instanceof SettingsError && message.test(error.message),
      );
  });

  it("should read a file, and use the defaults only when the default file is absent", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clippings-settings-"));
    await writeFile(join(dir, "site.json"), JSON.stringify({ title: "From file" }));
    assert.equal((await readSiteSettings(join(dir, "site.json"))).title, "From file");
    await assert.rejects(readSiteSettings(join(dir, "missing.json")), SettingsError);
    await writeFile(join(dir, "bad.json"), "{ not json");
    await assert.rejects(readSiteSettings(join(dir, "bad.json")), /not valid JSON/);
  });

  it("should take today in the settings' time zone, or from SOURCE_DATE_EPOCH", () => {
    const epoch = String(Date.UTC(2021, 4, 18, 23, 30) / 1000);
    assert.equal(todayIn({ ...DEFAULT_SETTINGS, timeZone: "UTC" }, { SOURCE_DATE_EPOCH: epoch }), "2021-05-18");
    assert.equal(todayIn({ ...DEFAULT_SETTINGS, timeZone: "Asia/Tokyo" }, { SOURCE_DATE_EPOCH: epoch }), "2021-05-19");
  });
});
