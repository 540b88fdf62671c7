import { Csrf } from '../../../platform/web/components.tsx';
import { TextArea } from '../../../platform/web/fields.tsx';
import { STANDARD_REPLY_TEXTS } from '../domain/letter.ts';

/** The standard texts of the reply letters, one form per outcome group, with the default beside each. */
export function AdminReplyTexts(props: { csrfToken: string; texts: Record<string, string>; canEdit: boolean }) {
  return (
    <section>
      <h1>答复告知书标准文本</h1>
      <p>
        答复告知书按处理结果使用下列标准文本，其后是承办人填写的理由、法律依据和救济途径告知（条例第三十六条、第三十七条）。修改只影响此后作出的答复，已发出的告知书不变。
      </p>
      {Object.entries(STANDARD_REPLY_TEXTS).map(([group, standard]) => (
        <section class="panel">
          <h2>{group}</h2>
          {props.canEdit ? (
            <form method="post" action="/admin/ysqgk/texts" class="form">
              <Csrf token={props.csrfToken} />
              <input type="hidden" name="group" value={group} />
              <TextArea
                name="text"
                id={`text-${group}`}
                label="本区使用的文本（留空则使用默认文本）"
                value={props.texts[group] ?? ''}
                rows={3}
                maxlength={1000}
              />
              <button type="submit" class="button">
                保存
              </button>
            </form>
          ) : (
            <p>{props.texts[group] ?? standard}</p>
          )}
          <p class="hint">默认文本：{standard}</p>
        </section>
      ))}
    </section>
  );
}
