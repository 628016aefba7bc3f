// Eleventy entry for every paginated list: the home page (/, /page/2/), tag pages (/tags/<slug>/), month archives (/archive/2023/06/, /archive/hijri/1444/12/) and author pages (/authors/<id>/).
import { AuthorPage } from "../templates/author.tsx";
import { HomePage } from "../templates/home.tsx";
import { ListingPage } from "../templates/listing.tsx";
import type { ListingPageData } from "../templates/page-data.ts";

export const data = {
  pagination: { data: "pagesToWrite.listings", size: 1, alias: "listing" },
  permalink: (data: ListingPageData) => `${data.listing.page.path}index.html`,
};

export function render(data: ListingPageData) {
  switch (data.listing.kind) {
    case "home":
      return <HomePage data={data} />;
    case "author":
      return <AuthorPage data={data} />;
    default:
      return <ListingPage data={data} />;
  }
}
