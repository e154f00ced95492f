/**
 * Eleventy's part in Clippings: turning the archive into pages. This file
 * only wires things up; the archive itself is built in `src/` and handed
 * over as global data by `src/render/renderSite.ts`.
 * https://www.11ty.dev/docs/config/
 */
import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import { compileNunjucksOnce } from "./src/render/compileOnce.ts";
import { filters } from "./src/render/filters.ts";

export default function (eleventyConfig: UserConfig) {
  // Seeds are data, never templates: only the site's own Nunjucks files are rendered.
  eleventyConfig.setTemplateFormats(["njk"]);

  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  // Block tags leave no blank lines or trailing spaces behind in the HTML.
  // Autoescaping stays on, as Eleventy sets it. https://mozilla.github.io/nunjucks/api.html#configure
  eleventyConfig.setNunjucksEnvironmentOptions({ trimBlocks: true, lstripBlocks: true });
  compileNunjucksOnce(eleventyConfig);

  // Rewrites every site-absolute link for the path prefix in clippings.json.
  // https://www.11ty.dev/docs/plugins/html-base/
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // Date filters for the Atom feed. https://www.11ty.dev/docs/plugins/rss/
  eleventyConfig.addPlugin(rssPlugin);

  // Stylesheet and the search page's script, copied as they are.
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });

  // The output folder is not set here: a `dir.output` in this file would win
  // over the one each build passes to Eleventy (`--out`).
  return {
    dir: { input: "layouts", includes: "_includes" },
  };
}
