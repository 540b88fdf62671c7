import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { TextArea } from '../../../platform/web/fields.tsx';
import { MAX_SYNONYM_GROUPS, MAX_TERM_CHARACTERS, MAX_TERMS_PER_GROUP } from '../domain/synonyms.ts';
import { SEARCH_TEXT } from '../strings.ts';

/** Longest synonym list the form sends, in characters. */
export const MAX_SYNONYM_TEXT = 20_000;

/** The district's search synonyms: one group per line, saved as a whole. */
export function AdminSynonymsPage(props: { csrfToken: string; text: string; groups: number; issues: FieldIssue[] }) {
  return (
    <section>
      <h1>{SEARCH_TEXT.synonymsTitle}</h1>
      <p>
        站内检索时，检索词中出现某组里的一个词，就同时查找同组的其他词，例如检索“医保”也能找到写作“医疗保障”的信息。
        检索词本身的结果排在前面。
      </p>
      <p>{`现有 ${props.groups} 组。`}</p>
      <ErrorSummary issues={props.issues} />
      <form method="post" action="/admin/search/synonyms" class="form">
        <Csrf token={props.csrfToken} />
        <TextArea
          name="groups"
          label="同义词组（每行一组）"
          value={props.text}
          rows={16}
          maxlength={MAX_SYNONYM_TEXT}
          placeholder={'医保 = 医疗保障\n社保 = 社会保险'}
          hint={`同组的词用“=”、逗号、顿号或空格隔开；每组2至${MAX_TERMS_PER_GROUP}个词，每个词2至${MAX_TERM_CHARACTERS}个字，最多${MAX_SYNONYM_GROUPS}组。`}
          issues={props.issues}
          wide
        />
        <button type="submit" class="button primary">
          保存
        </button>
      </form>
    </section>
  );
}
