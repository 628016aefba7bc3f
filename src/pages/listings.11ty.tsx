// Eleventy entry for every paginated list: the home page (/, /page/2/), tag pages (/tags/<slug>/) and month archives (/archive/2023/06/, /archive/hijri/1444/12/).
import { HomePage } from "../templates/home.tsx";
import { ListingPage } from "../templates/listing.tsx";
import type { ListingPageData } from "../templates/page-data.ts";

export const data = {
  pagination: { data: "pagesToWrite.listings", size: 1, alias: "listing" },
  permalink: (data: ListingPageData) => `${data.listing.page.path}index.html`,
};

export function render(data: ListingPageData) {
  return data.listing.kind === "home" ? <HomePage data={data} /> : <ListingPage data={data} />;
}
