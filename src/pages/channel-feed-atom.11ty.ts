// Eleventy entry for each section's and author's Atom feed, beside its page: /sections/<slug>/feed.xml, /authors/<id>/feed.xml.
import { channelFeedEntry } from "../templates/channel-feeds.tsx";

export const { data, render } = channelFeedEntry("atom");
