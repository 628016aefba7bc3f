// A JSON-LD data block: structured data for search engines, inert under the page's CSP.

import { serializeJsonLd } from "../publish/structured-data.ts";

/** `<script type="application/ld+json">`, its JSON escaped so no value can end the element. */
export function JsonLd({ value }: { value: unknown }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(value) }}
    />
  );
}
