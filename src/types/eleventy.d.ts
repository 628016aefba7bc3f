// The narrow part of Eleventy's API that Sahifa uses (Eleventy ships JSDoc, not declarations).

declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    output: string;
  }

  export interface EleventyEventArguments {
    directories: EleventyDirectories;
    runMode: "build" | "watch" | "serve";
    outputMode: string;
  }

  /**
   * eleventy.after also lists the build's outputs with their text
   * (https://www.11ty.dev/docs/events/#event-arguments); under toJSON, outputs without a
   * permalink too (`outputPath` false).
   */
  export interface EleventyAfterArguments extends EleventyEventArguments {
    results: readonly EleventyResult[];
  }

  export interface EleventyResult {
    inputPath: string;
    outputPath: string | false;
    url: string | false;
    content: string;
  }

  export interface TemplateRenderContext {
    defaultRenderer(data: unknown): Promise<unknown>;
  }

  export interface UserConfig {
    addPlugin<Options>(
      plugin: (config: UserConfig, options: Options) => void,
      options: Options,
    ): void;
    addGlobalData(name: string, value: () => unknown): void;
    addExtension(
      extensions: string[],
      options: {
        key: string;
        compile(): (this: TemplateRenderContext, data: unknown) => Promise<string>;
      },
    ): void;
    addTemplateFormats(formats: string): void;
    /** A virtual template (https://www.11ty.dev/docs/virtual-templates/). */
    addTemplate(virtualPath: string, content: unknown, data?: unknown): void;
    setTemplateFormats(formats: string[]): void;
    setLibrary(name: "md", library: unknown): void;
    setFrontMatterParsingOptions(options: { engines: Record<string, () => never> }): void;
    setDataFileSuffixes(suffixes: string[]): void;
    addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
    setWatchJavaScriptDependencies(watch: boolean): void;
    setQuietMode(quiet: boolean): void;
    setServerOptions(options: Record<string, unknown>): void;
    addTransform(name: string, transform: (content: unknown, outputPath: unknown) => unknown): void;
    /** Documented (https://www.11ty.dev/docs/ignores/#opt-out-of-using-gitignore). */
    setUseGitIgnore(use: boolean): void;
    /** Emitted once the configuration (config file and plugins) is complete, before the build. */
    on(event: "eleventy.config", listener: () => unknown): void;
    on(event: "eleventy.before", listener: (args: EleventyEventArguments) => unknown): void;
    on(event: "eleventy.after", listener: (args: EleventyAfterArguments) => unknown): void;
    /** Before a watch or serve rebuild, with the files that changed (https://www.11ty.dev/docs/events/#eleventy.beforewatch). */
    on(event: "eleventy.beforeWatch", listener: (changed: readonly string[]) => unknown): void;
  }

  export interface EleventyOptions {
    /** false: no config file at all. */
    configPath?: string | false;
    quietMode?: boolean;
    pathPrefix?: string;
    /** What the CLI's --serve and --watch set: "serve" makes the plugin show content errors as pages. */
    runMode?: "build" | "watch" | "serve";
    config?: (config: UserConfig) => void | Promise<void>;
  }

  /** Where Eleventy's logger writes: log, warn (and info) and error lines. */
  export interface EleventyConsole {
    log(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  }

  /** Rewrites every page's root-relative URLs under `baseHref` (in the HTML transformer). */
  export function HtmlBasePlugin(config: UserConfig, options: { baseHref: string }): void;

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /**
     * Renders every output, transforms included, and returns them without writing any; the
     * `eleventy.before` and `eleventy.after` events run as for `write`.
     */
    toJSON(): Promise<EleventyResult[]>;
    /** Loads the configuration (what write does first) without building. */
    init(): Promise<void>;
    /** Eleventy's console logger; `overrideLogger(false)` silences it, an object replaces the console. */
    readonly logger: { overrideLogger(logger: false | EleventyConsole): void };
    /** Builds, then rebuilds on changes (what --watch and --serve run); see src/build/eleventy-adapter.ts. */
    watch(): Promise<(changedFile: string) => Promise<void>>;
    /** The file watcher (chokidar) once watch() resolved. */
    readonly watcher: { on(event: "unlink", listener: (file: string) => void): void } | undefined;
    stopWatch(): Promise<void>;
    setIncrementalBuild(incremental: boolean): void;
  }
}
