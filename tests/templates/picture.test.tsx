// A photo's figure: its credit's label in the article's language, whichever Arabic it is tagged.

import { renderToStaticMarkup } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { PublishedPhoto } from "../../src/assets/photo-cache.ts";
import { Figure } from "../../src/templates/picture.tsx";

const photo: PublishedPhoto = {
  ok: true,
  file: "/media/port.jpg",
  width: 1200,
  height: 800,
  small: false,
  key: "k",
  files: [
    {
      role: "column",
      format: "jpeg",
      width: 720,
      height: 480,
      name: "port-0123456789-720.jpg",
      source: "/cache/port-720.jpg",
      bytes: 1,
    },
  ],
};
const reference = {
  src: "/media/port.jpg",
  alt: "الميناء",
  decorative: false,
  caption: "عادت السفن",
  credit: "أحمد سالم",
  line: 1,
};

const credit = (lang: string) =>
  /<span class="photo-credit">([^<]*)/.exec(
    renderToStaticMarkup(
      <Figure site={{ pathPrefix: "/" }} photo={photo} reference={reference} lead lang={lang} />,
    ),
  )?.[1];

describe("Figure", () => {
  it("labels the credit in Arabic for any Arabic tag, in English otherwise", () => {
    expect(credit("ar")).toBe("تصوير: أحمد سالم");
    expect(credit("ar-SY")).toBe("تصوير: أحمد سالم");
    expect(credit("en")).toBe("Photo: أحمد سالم");
  });
});
