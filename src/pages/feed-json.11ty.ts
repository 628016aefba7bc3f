// Eleventy entry for the JSON Feed.
import { FEEDS, jsonFeed } from "../publish/feeds.ts";
import type { PageData } from "../templates/page-data.ts";

export const data = { permalink: FEEDS.json.path };

export function render(data: PageData): Promise<string> {
  return jsonFeed(data);
}
