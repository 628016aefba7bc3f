// The search page: a plain GET form with the query in the address, and the place its script shows results.

import {
  SEARCH_INDEX_PATH,
  SEARCH_PAGE_PATH,
  searchLanguage,
  searchWasmFile,
} from "../publish/search-records.ts";
import { SEARCH_TEXT } from "../assets/search-text.ts";
import { sitePath } from "../site/urls.ts";
import { Base } from "./base.tsx";
import type { PageData } from "./page-data.ts";

/**
 * Without JavaScript the form still submits (the query goes into the address) and the page
 * says plainly that search needs JavaScript, with the ways in that do not: the tags and the
 * archive. The script (src/assets/search-page.ts) hides that note, fills the filters and the
 * results, and announces the count in the status region.
 *
 * The head preloads Pagefind's script and its WebAssembly, whose names never change, so they
 * travel beside the stylesheet instead of one after the other once the page's script runs.
 */
export function SearchPage({ data }: { data: PageData }) {
  const { site, assets } = data;
  const action = sitePath(site, SEARCH_PAGE_PATH);
  const pagefind = sitePath(site, `${SEARCH_INDEX_PATH}pagefind.js`);
  const wasm = sitePath(site, `${SEARCH_INDEX_PATH}${searchWasmFile(searchLanguage(site))}`);
  return (
    <Base
      data={data}
      title={SEARCH_TEXT.title}
      description={`ابحث في مقالات ${site.name}.`}
      path={SEARCH_PAGE_PATH}
      script={{
        src: assets.searchScript ?? "",
        pagefind,
      }}
      head={
        <>
          <meta name="robots" content="noindex" />
          <link rel="modulepreload" href={pagefind} />
          {/* Fetched by Pagefind's script with fetch(): a CORS request, as `crossorigin` makes this one. */}
          <link rel="preload" href={wasm} as="fetch" crossorigin="anonymous" />
        </>
      }
    >
      <h1>{SEARCH_TEXT.title}</h1>
      <form
        id="search-form"
        class="search-form"
        role="search"
        aria-label={SEARCH_TEXT.title}
        method="get"
        action={action}
      >
        <div class="search-field">
          <label for="search-q">{`${SEARCH_TEXT.label} ${site.name}`}</label>
          <div class="search-row">
            <input id="search-q" type="search" name="q" autocomplete="off" />
            <button type="submit">{SEARCH_TEXT.submit}</button>
          </div>
        </div>
        <div class="search-filters" hidden></div>
      </form>
      <p id="search-status" class="search-status" role="status"></p>
      <div class="search-needs-js">
        <p>{SEARCH_TEXT.needsScript}</p>
        <ul>
          <li>
            <a href={sitePath(site, "/tags/")}>{SEARCH_TEXT.tags}</a>
          </li>
          <li>
            <a href={sitePath(site, "/archive/")}>{SEARCH_TEXT.archive}</a>
          </li>
        </ul>
      </div>
      <ol id="search-results" class="article-list search-results"></ol>
    </Base>
  );
}
