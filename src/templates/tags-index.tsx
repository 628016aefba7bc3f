// The tags index: every tag in Arabic alphabetical order, with how many articles carry it.

import { ARTICLE_COUNT_FORMS, formatCount } from "../arabic/plurals.ts";
import { sitePath } from "../site/urls.ts";
import { Base } from "./base.tsx";
import type { PageData } from "./page-data.ts";

export function TagsIndexPage({ data }: { data: PageData }) {
  const { site, navigation } = data;
  return (
    <Base
      data={data}
      title="الوسوم"
      description={`كل الوسوم في ${site.name}، بترتيب الحروف.`}
      path="/tags/"
    >
      <h1>الوسوم</h1>
      {navigation.tags.length === 0 ? (
        <p>لا وسوم بعد.</p>
      ) : (
        <ul class="tag-index">
          {navigation.tags.map((tag) => (
            <li>
              <a href={sitePath(site, tag.path)}>{tag.name}</a>{" "}
              <span class="count">{`(${formatCount(tag.count, ARTICLE_COUNT_FORMS, site.digits)})`}</span>
            </li>
          ))}
        </ul>
      )}
    </Base>
  );
}
