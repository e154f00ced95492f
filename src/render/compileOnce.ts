/**
 * Eleventy 3.1 compiles a Nunjucks template afresh for every page it renders
 * (its Nunjucks engine opts out of Eleventy's compile cache), so a template
 * paginated over 20,000 articles is compiled 20,000 times. Registered as
 * Eleventy's `njk` extension, this compiles each template once per build,
 * with Eleventy's own Nunjucks environment: the same filters, loaders and
 * autoescaping. https://www.11ty.dev/docs/languages/custom/
 */
import type { UserConfig } from "@11ty/eleventy";
import nunjucks, { type Environment } from "nunjucks";

type Render = (data: object) => Promise<string>;

export function compileNunjucksOnce(config: UserConfig): void {
  let environment: Environment | null = null;
  config.on("eleventy.engine.njk", (event: { environment: Environment }) => {
    environment = event.environment;
  });
  config.addExtension("njk", {
    key: "njk",
    // Eleventy keeps what `compile` returns, by file and template text.
    compileOptions: { cache: true, permalink: true },
    compile(this: { defaultRenderer: Render }, source: string, inputPath: string): Render {
      if (environment === null) return this.defaultRenderer;
      const template = new nunjucks.Template(source, environment, inputPath, true);
      return (data) =>
        new Promise((resolve, reject) => template.render(data, (error, result) => (error ? reject(error) : resolve(result ?? ""))));
    },
  });
}
