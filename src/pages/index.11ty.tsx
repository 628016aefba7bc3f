// Eleventy entry for the home page.
import { HomePage } from "../templates/home.tsx";
import type { PageData } from "../templates/page-data.ts";

export const data = { permalink: "/index.html" };

export function render(data: PageData) {
  return <HomePage data={data} />;
}
