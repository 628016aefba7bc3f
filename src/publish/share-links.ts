// Share links: plain URLs for messaging apps and social networks, so sharing needs no script and no third-party request.

/** A page to share: its absolute URL and its headline. */
export interface SharedPage {
  url: string;
  title: string;
}

/** One place to share to: its Arabic label, and the share URL for a page. */
export interface ShareTarget {
  id: string;
  label: string;
  /** The share URL, from the page's URL and title already encoded (see encodeQueryValue). */
  href: (encoded: SharedPage) => string;
}

/**
 * Where an article can be shared, in the order shown. Each is the service's documented share
 * URL; nothing is fetched until the reader follows the link.
 */
export const SHARE_TARGETS: readonly ShareTarget[] = [
  {
    id: "whatsapp",
    label: "واتساب",
    // https://faq.whatsapp.com/5913398998672934 (wa.me with a prefilled text; %0A a new line)
    href: ({ url, title }) => `https://wa.me/?text=${title}%0A${url}`,
  },
  {
    id: "telegram",
    label: "تيليغرام",
    // https://core.telegram.org/widgets/share#custom-buttons
    href: ({ url, title }) => `https://t.me/share/url?url=${url}&text=${title}`,
  },
  {
    id: "x",
    label: "إكس",
    // https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent
    href: ({ url, title }) => `https://x.com/intent/post?url=${url}&text=${title}`,
  },
  {
    id: "facebook",
    label: "فيسبوك",
    href: ({ url }) => `https://www.facebook.com/sharer/sharer.php?u=${url}`,
  },
  {
    id: "email",
    label: "البريد الإلكتروني",
    // RFC 6068: subject and body percent-encoded (a "+" would stay a plus sign); the browser
    // encodes the Arabic letters left as they are (see encodeQueryValue).
    href: ({ url, title }) => `mailto:?subject=${title}&body=${url}`,
  },
];

/**
 * Every share link for a page.
 * @example shareLinks({ url: "https://example.org/a/", title: "خبر" })[1].href
 * //=> "https://t.me/share/url?url=https%3A%2F%2Fexample.org%2Fa%2F&text=خبر"
 */
export function shareLinks(page: SharedPage): { id: string; label: string; href: string }[] {
  // Encoded once for the five links.
  const encoded = { url: encodeQueryValue(page.url), title: encodeQueryValue(page.title) };
  return SHARE_TARGETS.map((target) => ({
    id: target.id,
    label: target.label,
    href: target.href(encoded),
  }));
}

/**
 * A query value for an href: ASCII percent-encoded as encodeURIComponent does it (spaces as
 * %20, never +), and so is every character of another script that is not a letter, mark or
 * digit (bidi controls, punctuation, other spaces); letters, marks and digits stay as they are.
 * A URL may hold them, and a browser following the link sends them as UTF-8, percent-encoded,
 * exactly the URL encodeURIComponent would have written: an Arabic headline then takes a third
 * of the bytes in each of the four links that repeat it (about 1 KB of every article page).
 * @example encodeQueryValue("خبر عاجل & تحليل") //=> "خبر%20عاجل%20%26%20تحليل"
 */
export function encodeQueryValue(value: string): string {
  return value.replace(/[\0-\x7f]+|[^\0-\x7f\p{L}\p{M}\p{N}]+/gu, encodeURIComponent);
}
