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
    setTemplateFormats(formats: string[]): void;
    setLibrary(name: "md", library: unknown): void;
    setFrontMatterParsingOptions(options: { engines: Record<string, () => never> }): void;
    setDataFileSuffixes(suffixes: string[]): void;
    addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
    setWatchJavaScriptDependencies(watch: boolean): void;
    setQuietMode(quiet: boolean): void;
    setServerOptions(options: Record<string, unknown>): void;
    addTransform(name: string, transform: (content: unknown, outputPath: unknown) => unknown): void;
    /** The transforms added so far, by name. */
    readonly transforms: Readonly<Record<string, unknown>>;
    /** What setTemplateFormats set, and what addTemplateFormats added. */
    readonly templateFormats: readonly string[] | string | undefined;
    readonly templateFormatsAdded: readonly (readonly string[] | string)[];
    /** The bundle plugin's bundles (none unless a project adds one). */
    getBundleManagers?(): Readonly<Record<string, unknown>>;
    /** What the HTML transformer does to pages, by file extension (nothing unless a plugin asks). */
    readonly htmlTransformer?: {
      readonly callbacks: Readonly<Record<string, readonly unknown[]>>;
      readonly plugins: Readonly<Record<string, readonly unknown[]>>;
      /** The posthtml plugins enabled for an extension. */
      getPlugins(extension: string): readonly unknown[];
    };
    /** Emitted once the configuration (config file and plugins) is complete, before the build. */
    on(event: "eleventy.config", listener: () => unknown): void;
    /** Eleventy 1's name for "eleventy.after": emitted, and awaited, just before it. */
    on(event: "afterBuild", listener: () => unknown): void;
    on(
      event: "eleventy.before" | "eleventy.after",
      listener: (args: EleventyEventArguments) => unknown,
    ): void;
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    config?: (config: UserConfig) => void | Promise<void>;
    /** Render everything but write nothing. */
    dryRun?: boolean;
  }

  /** Rewrites every page's root-relative URLs under `baseHref` (in the HTML transformer). */
  export function HtmlBasePlugin(config: UserConfig, options: { baseHref: string }): void;

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Loads the configuration (what write does first) without building. */
    init(): Promise<void>;
    /** Eleventy's console logger; `overrideLogger(false)` silences it. */
    readonly logger: { overrideLogger(logger: false): void };
    setIncrementalBuild(incremental: boolean): void;
    /** Takes effect when set before the build starts (by the "eleventy.config" event at the latest). */
    setDryRun(dryRun: boolean): void;
  }
}
