// Eleventy entry for the 404 page, at the root where static hosts look for it.
import { NotFoundPage } from "../templates/not-found.tsx";
import type { PageData } from "../templates/page-data.ts";

export const data = { permalink: "/404.html" };

export function render(data: PageData) {
  return <NotFoundPage data={data} />;
}
