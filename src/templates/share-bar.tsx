// Share links under an article: plain links, no script, nothing loaded from the services until a reader follows one.

import { shareLinks, type SharedPage } from "../publish/share-links.ts";
import type { SiteVoice } from "./site-voice.tsx";

/** The links; `voice` marks their Arabic labels in an article in another language (siteVoice). */
export function ShareLinks({ page, voice = {} }: { page: SharedPage; voice?: SiteVoice }) {
  return (
    <section class="share" aria-labelledby="share-heading" {...voice}>
      <h2 id="share-heading" class="share-heading">
        شارك المقال
      </h2>
      <ul class="share-links">
        {shareLinks(page).map((link) => (
          <li>
            <a class={`share-link share-${link.id}`} href={link.href}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
