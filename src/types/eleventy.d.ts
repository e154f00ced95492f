// Eleventy 3 ships JavaScript with JSDoc but no TypeScript declarations for
// its main entry; these cover the parts Clippings calls.
declare module "@11ty/eleventy" {
  export interface TemplateResult {
    url: string | false;
    outputPath: string | false;
    inputPath: string;
    content: string;
  }

  export interface UserConfig {
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addPlugin(plugin: unknown, options?: unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addPassthroughCopy(mapping: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    setTemplateFormats(formats: string[]): void;
    setLibrary(name: string, library: unknown): void;
    setNunjucksEnvironmentOptions(options: { trimBlocks?: boolean; lstripBlocks?: boolean; autoescape?: boolean }): void;
    setServerOptions(options: Record<string, unknown>): void;
    addExtension(
      extension: string,
      options: {
        key?: string;
        compileOptions?: { cache?: boolean; permalink?: boolean | "raw" };
        compile?: (source: string, inputPath: string) => unknown;
      },
    ): void;
    /** https://www.11ty.dev/docs/config-preprocessors/: returning `false` skips the template. */
    addPreprocessor(
      name: string,
      fileExtensions: string,
      callback: (this: { inputPath: string }, data: unknown, content: string) => string | false | undefined,
    ): void;
    /** Eleventy's own timings, printed when a part takes a large share of a build. */
    readonly benchmarkManager: { get(group: string): { setIsVerbose(verbose: boolean): void } };
    on(event: "eleventy.after", callback: (event: { results: TemplateResult[] }) => unknown): void;
    on(event: string, callback: (...args: never[]) => unknown): void;
  }

  export interface EleventyOptions {
    configPath?: string;
    runMode?: "build" | "watch" | "serve";
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export const HtmlBasePlugin: unknown;

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    disableLogger(): void;
    write(): Promise<[unknown[], TemplateResult[]]>;
    /** Starts watching; resolves to the function that rebuilds for a changed file. */
    watch(): Promise<(path: string) => Promise<void>>;
    /** chokidar's watcher, once `watch()` has resolved. */
    readonly watcher: { on(event: "unlink", callback: (path: string) => void): void } | undefined;
    serve(port?: number): Promise<void>;
  }
}

declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: unknown;
  export default rssPlugin;
}
