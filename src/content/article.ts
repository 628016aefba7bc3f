// The article as every later stage sees it: checked by the schema, rendered, typed. No code here, only the shapes.

import type { AuthorDirectory } from "./authors.ts";
import type { PhotoReference } from "./photo-source.ts";
import type { Problem } from "./problems.ts";
import type { ArticleMeta } from "./schema.ts";
import type { Site } from "./site-settings.ts";

/**
 * An article that passed the schema, rendered: what every later stage works with. Its headline,
 * standfirst, dateline, source's name and captions carry the body's quotes (createTextQuotes)
 * and, in Arabic, the site's digits; the rest of the frontmatter is as typed.
 */
export interface Article extends Omit<ArticleMeta, "author"> {
  /** The bylines (frontmatter `author`, a name or a list), each once; empty when unsigned. */
  authors: readonly string[];
  /**
   * Whether `date` and `updated` were written with a time of day (shown on the page, and in
   * lists for the newest day's stories) rather than as a bare day (no time shown).
   */
  hasTime: { date: boolean; updated: boolean };
  /** Source path relative to the project, for messages: content/articles/x.md */
  file: string;
  /** Site-relative URL path, without the site's path prefix: /articles/slug/ */
  path: string;
  /**
   * The body as HTML, from the one markdown renderer (trusted: no raw HTML can reach it). Body
   * photos are placeholders until the templates put their published markup in (PHOTO_PLACEHOLDER).
   */
  html: string;
  /** The lead photo (the frontmatter's `image`), with the line of its `src`. */
  leadPhoto?: PhotoReference;
  /** The body's photos, photo N standing in `html` as `<!--sahifa-photo:N-->`; lines are the file's. */
  photos: readonly PhotoReference[];
  wordCount: number;
  readingMinutes: number;
  /** Every character the body shows, once each (for the font subsets). */
  characters: string;
}

/** What one load of content/ gives a build: the settings and the articles it publishes. */
export interface Content {
  site: Site;
  /** content/authors.yaml, checked (empty when the site has none). */
  authors: AuthorDirectory;
  /** The articles this build publishes, newest first. */
  articles: Article[];
  /** Drafts left out of this build. */
  draftsSkipped: number;
  /** Articles dated after `now`, left out of this build. */
  scheduledSkipped: number;
  /** Things worth a look that do not stop the build. */
  warnings: Problem[];
}

/** Where an article stands in one build. */
export type PublicationState = "published" | "draft" | "scheduled";
