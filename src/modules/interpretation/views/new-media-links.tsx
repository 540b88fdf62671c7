import { INTERPRETATION_TEXT } from '../strings.ts';

/**
 * The new-media downloads of a graphic interpretation (plan §三.5 new-media channels), for its
 * back-office page: the article bundle to paste into a WeChat or Weibo editor, and the long poster.
 * Plain links: the downloads only read, so they work without JavaScript and need no form.
 */
export function MediaExportLinks(props: { documentId: string }) {
  const T = INTERPRETATION_TEXT.media;
  const base = `/admin/interpretations/${encodeURIComponent(props.documentId)}`;
  return (
    <section class="media-export" aria-labelledby="media-export-heading">
      <h2 id="media-export-heading">{T.linksLabel}</h2>
      <ul>
        <li>
          <a href={`${base}/article.html`} download>
            {T.downloadArticle}
          </a>
          <span class="muted">{T.downloadArticleHint}</span>
        </li>
        <li>
          <a href={`${base}/poster.png`} download>
            {T.downloadPoster}
          </a>
          <span class="muted">{T.downloadPosterHint}</span>
        </li>
      </ul>
    </section>
  );
}
