// Eleventy entry for each section's and author's JSON Feed, beside its page: /sections/<slug>/feed.json, /authors/<id>/feed.json.
import { channelFeedEntry } from "../templates/channel-feeds.tsx";

export const { data, render } = channelFeedEntry("json");
