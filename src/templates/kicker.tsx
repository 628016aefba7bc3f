// The kicker: the name of an article's section above its headline, linked to the section's page.

import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";
import { sectionOf, sectionPath } from "../site/sections.ts";
import { sitePath } from "../site/urls.ts";
import { siteVoice } from "./site-voice.tsx";

/** The section's name as a link, or nothing for an article in no section. */
export function Kicker({
  site,
  article,
}: {
  site: Site;
  article: Pick<Article, "section" | "lang">;
}) {
  const section = sectionOf(site.sections, article);
  if (!section) return null;
  return (
    <p class="kicker" {...siteVoice(site, article)}>
      <a href={sitePath(site, sectionPath(section))}>{section.name}</a>
    </p>
  );
}
