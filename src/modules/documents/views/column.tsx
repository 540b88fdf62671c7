import type { Child } from 'hono/jsx';
import { chinaDateTime } from '../../../platform/clock.ts';
import { MetaRow, Pagination } from '../../../platform/web/components.tsx';
import { PILOT_FIELDS, pilotField } from '../../../reference/pilot-fields.ts';
import type { OrgNode } from '../../orgs/index.ts';
import { TOPICS } from '../domain/metadata.ts';
import type { EditionListItem } from '../ports.ts';
import type { PublicDocumentView } from '../queries/get-document.ts';
import { attachmentPath, documentPath, formatBytes, versionLabel } from '../http/present.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { BUNDLE_MAX_BYTES, BUNDLE_MAX_DOCUMENTS } from '../domain/bundle.ts';

/** The sub-columns of the 政府信息公开 column (国办公开办函〔2019〕61号: one column, uniform names). */
export const SUB_COLUMNS = [
  { key: 'gkzn', label: DOCUMENT_TEXT.guideTitle, href: '/xxgk/gkzn' },
  { key: 'gkzd', label: DOCUMENT_TEXT.rulesTitle, href: '/xxgk/gkzd' },
  { key: 'fdzdgknr', label: DOCUMENT_TEXT.proactiveTitle, href: '/xxgk/fdzdgknr' },
  { key: 'zcjd', label: DOCUMENT_TEXT.interpretationsTitle, href: '/xxgk/zcjd' },
  // Responses to public concerns (the interpretation module keeps them).
  { key: 'hygq', label: '回应关切', href: '/xxgk/hygq' },
  // Each unit's standard catalog (国办发〔2019〕54号: published in the 政府信息公开 column).
  { key: 'bzml', label: '标准目录', href: '/xxgk/bzml' },
  { key: 'gknb', label: DOCUMENT_TEXT.annualReportsTitle, href: '/xxgk/gknb' },
  { key: 'ysqgk', label: DOCUMENT_TEXT.onRequestTitle, href: '/xxgk/ysqgk' },
] as const;
export type SubColumnKey = (typeof SUB_COLUMNS)[number]['key'];

/** The column page: sub-column navigation (and the browse trees) beside the content. */
export function ColumnFrame(props: { active?: SubColumnKey; sidebar?: Child; children?: Child }) {
  return (
    <div class="column-layout">
      <aside class="column-side">
        <nav class="side-nav" aria-label="政府信息公开栏目">
          <h2 class="side-title">
            <a href="/xxgk/">政府信息公开</a>
          </h2>
          <ul>
            {SUB_COLUMNS.map((column) => (
              <li>
                <a href={column.href} aria-current={props.active === column.key ? 'page' : undefined}>
                  {column.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {props.sidebar}
      </aside>
      <div class="column-main">{props.children}</div>
    </div>
  );
}

/** Current browse selection, so the trees can mark it. */
export type BrowseSelection = { org?: string | undefined; field?: string | undefined; topic?: string | undefined };

/** Browse 法定主动公开内容 by unit tree, by pilot field or by topic; works with JavaScript off. */
export function BrowseSidebar(props: { tree: OrgNode[]; selection: BrowseSelection }) {
  const { selection } = props;
  return (
    <div class="browse">
      <details open={!selection.field && !selection.topic}>
        <summary>按发布机构浏览</summary>
        <OrgTreeList nodes={props.tree} selected={selection.org} />
      </details>
      <details open={Boolean(selection.field)}>
        <summary>按试点领域浏览</summary>
        <ul class="plain-list">
          {PILOT_FIELDS.map((field) => (
            <li>
              <a
                href={`/xxgk/fdzdgknr?field=${field.code}`}
                aria-current={selection.field === field.code ? 'page' : undefined}
              >
                {field.name}
              </a>
            </li>
          ))}
        </ul>
      </details>
      <details open={Boolean(selection.topic)}>
        <summary>按主题分类浏览</summary>
        <ul class="plain-list">
          {TOPICS.map((topic) => (
            <li>
              <a
                href={`/xxgk/fdzdgknr?topic=${encodeURIComponent(topic)}`}
                aria-current={selection.topic === topic ? 'page' : undefined}
              >
                {topic}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function OrgTreeList(props: { nodes: OrgNode[]; selected?: string | undefined }) {
  return (
    <ul class="org-tree">
      {props.nodes.map((node) => (
        <li>
          <a
            href={`/xxgk/fdzdgknr?org=${encodeURIComponent(node.code)}`}
            aria-current={props.selected === node.code ? 'page' : undefined}
          >
            {node.shortName}
          </a>
          {node.children.length > 0 ? (
            node.depth === 0 ? (
              <OrgTreeList nodes={node.children} selected={props.selected} />
            ) : (
              <details open={containsCode(node, props.selected)}>
                <summary>
                  <span class="visually-hidden">展开{node.shortName}的</span>下级单位（{node.children.length}）
                </summary>
                <OrgTreeList nodes={node.children} selected={props.selected} />
              </details>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function containsCode(node: OrgNode, code: string | undefined): boolean {
  if (!code) return false;
  return node.code === code || node.children.some((child) => containsCode(child, code));
}

/** A table of documents as disclosure columns list them: 索引号, 标题, 文号, 发布日期. */
export function DocumentTable(props: { items: EditionListItem[]; showOrg?: boolean; caption: string }) {
  if (props.items.length === 0) return <p class="empty">暂无信息。</p>;
  return (
    <table class="doc-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          {props.showOrg ? <th scope="col">发布机构</th> : null}
          <th scope="col">文号</th>
          <th scope="col">索引号</th>
          <th scope="col">发布日期</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map(({ edition, document, org }) => (
          <tr>
            <td class="doc-title">
              <a href={documentPath(document.id)}>{edition.content.title}</a>
              {edition.state === 'withdrawn' ? <span class="tag tag-muted">已撤回</span> : null}
              {edition.content.validity !== '有效' ? (
                <span class="tag tag-muted">{edition.content.validity}</span>
              ) : null}
            </td>
            {props.showOrg ? <td data-label="发布机构">{org.name}</td> : null}
            <td data-label="文号" class="nowrap">
              {edition.content.docNumber ?? '—'}
            </td>
            <td data-label="索引号" class="nowrap">
              {document.indexNumber}
            </td>
            <td data-label="发布日期" class="nowrap">
              {edition.content.publishedOn}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A list page: heading, optional search, the table and its pages. */
export function DocumentListSection(props: {
  heading: string;
  items: EditionListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageHref: (page: number) => string;
  search?: { action: string; value: string; hidden: Record<string, string | undefined> };
  intro?: Child;
  /** The list's 打包下载 (a ZIP of its documents), with the list's filters. */
  bundleHref?: string;
}) {
  return (
    <section class="panel">
      <h1>{props.heading}</h1>
      {props.intro}
      {props.search ? (
        <form method="get" action={props.search.action} class="search-form" role="search">
          {Object.entries(props.search.hidden).map(([name, value]) =>
            value ? <input type="hidden" name={name} value={value} /> : null,
          )}
          <label for="q">在本栏目中查找</label>
          <input id="q" name="q" type="search" value={props.search.value} placeholder="标题、文号或索引号" />
          <button type="submit" class="button">
            查找
          </button>
        </form>
      ) : null}
      <DocumentTable items={props.items} showOrg caption={props.heading} />
      <Pagination page={props.page} pageSize={props.pageSize} total={props.total} href={props.pageHref} />
      {props.bundleHref && props.total > 0 ? (
        <p class="bundle-download">
          <a href={props.bundleHref} download rel="nofollow">
            {DOCUMENT_TEXT.bundle.link}
          </a>{' '}
          <span class="muted">
            {DOCUMENT_TEXT.bundle.linkHint(BUNDLE_MAX_DOCUMENTS, Math.round(BUNDLE_MAX_BYTES / (1024 * 1024)))}
          </span>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The page of one piece of government information: metadata table, body, attachments, history, and
 * what other modules add (a body drawn in place of the text, sections after it).
 */
export function DocumentPage(props: { view: PublicDocumentView; additions?: { body?: Child; after?: Child } }) {
  const { edition, document, org, attachments, history } = props.view;
  const c = edition.content;
  const field = c.fieldCode ? pilotField(c.fieldCode) : undefined;
  return (
    <article class="panel document">
      <table class="meta-table">
        <caption class="visually-hidden">信息元数据</caption>
        <tbody>
          <MetaRow label="索引号">{document.indexNumber}</MetaRow>
          <MetaRow label="发布机构">{c.issuer}</MetaRow>
          <MetaRow label="主题分类">{c.topic}</MetaRow>
          <MetaRow label="体裁">{c.genre}</MetaRow>
          <MetaRow label="成文日期">{c.writtenOn ?? '—'}</MetaRow>
          <MetaRow label="发布日期">{c.publishedOn}</MetaRow>
          <MetaRow label="文号">{c.docNumber ?? '—'}</MetaRow>
          <MetaRow label="有效性">
            {c.validity}
            {c.validityOn
              ? `（${c.validity === '有效' ? '自' : ''}${c.validityOn}${c.validity === '有效' ? '起施行' : '起'}）`
              : ''}
          </MetaRow>
          {field ? <MetaRow label="所属领域">{field.name}</MetaRow> : null}
          {c.isNormative ? <MetaRow label="文件类型">行政规范性文件</MetaRow> : null}
          {c.keywords.length > 0 ? <MetaRow label="关键词">{c.keywords.join('、')}</MetaRow> : null}
          {c.audiences.length > 0 ? <MetaRow label="服务对象">{c.audiences.join('、')}</MetaRow> : null}
          {c.policyTags.length > 0 ? <MetaRow label="政策标签">{c.policyTags.join('、')}</MetaRow> : null}
        </tbody>
      </table>
      <h1 class="document-title">{c.title}</h1>
      {c.docNumber ? <p class="document-number">{c.docNumber}</p> : null}
      {edition.state === 'withdrawn' ? (
        <div class="notice notice-warning" role="note">
          <h2>{DOCUMENT_TEXT.withdrawnNotice}</h2>
          <p>
            本信息已于 {edition.withdrawnAt ? chinaDateTime(edition.withdrawnAt) : ''} 撤回。撤回原因：
            {edition.withdrawalReason}
          </p>
        </div>
      ) : null}
      {c.validity !== '有效' ? (
        <div class="notice" role="note">
          <p>
            本文件已{c.validity}
            {c.validityOn ? `（${c.validityOn}）` : ''}，仅供查阅。
          </p>
        </div>
      ) : null}
      {props.additions?.body ?? <div class="document-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />}
      {attachments.length > 0 ? (
        <section class="attachments" aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">附件</h2>
          <ul>
            {attachments.map((a) => (
              <li>
                <a href={attachmentPath(a)} download={a.fileName}>
                  {a.fileName}
                </a>
                <span class="muted">（{formatBytes(a.sizeBytes)}）</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.additions?.after ?? null}
      <footer class="document-footer">
        <p class="muted">
          发布单位：<a href={`/xxgk/fdzdgknr?org=${encodeURIComponent(org.code)}`}>{org.name}</a>　版本：
          {versionLabel(edition)}
        </p>
        {history.length > 1 ? (
          <details class="history">
            <summary>更新记录（{history.length}）</summary>
            <ol>
              {history.map((h) => (
                <li>
                  {chinaDateTime(h.publishedAt)}　第{h.version}版　{h.changeNote ?? '文字修订'}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </footer>
    </article>
  );
}
