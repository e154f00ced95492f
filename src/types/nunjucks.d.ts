// Eleventy renders with its fork of Nunjucks (@11ty/nunjucks, installed as
// "nunjucks"), which ships no TypeScript declarations; these cover the parts
// src/render/compileOnce.ts uses. https://mozilla.github.io/nunjucks/api.html
declare module "nunjucks" {
  export interface Environment {
    getFilter(name: string): unknown;
  }

  export class Template {
    constructor(source: string, environment: Environment, path: string | null, eagerCompile: boolean);
    render(context: object, callback: (error: Error | null, result: string | null) => void): void;
  }

  const nunjucks: { Template: typeof Template };
  export default nunjucks;
}
