// Eleventy entry for the tags index.
import type { PageData } from "../templates/page-data.ts";
import { TagsIndexPage } from "../templates/tags-index.tsx";

export const data = { permalink: "/tags/index.html" };

export function render(data: PageData) {
  return <TagsIndexPage data={data} />;
}
