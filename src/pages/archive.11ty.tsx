// Eleventy entry for the archive index.
import { ArchiveIndexPage } from "../templates/archive-index.tsx";
import type { PageData } from "../templates/page-data.ts";

export const data = { permalink: "/archive/index.html" };

export function render(data: PageData) {
  return <ArchiveIndexPage data={data} />;
}
