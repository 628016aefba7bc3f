// Eleventy entry for the search page, written only on a site with search (site.yaml's search).
import { SEARCH_PAGE_PATH } from "../publish/search-records.ts";
import type { PageData } from "../templates/page-data.ts";
import { SearchPage } from "../templates/search.tsx";

export const data = {
  permalink: (data: PageData) => (data.site.search ? `${SEARCH_PAGE_PATH}index.html` : false),
};

export function render(data: PageData) {
  return <SearchPage data={data} />;
}
