import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { FileField, TextArea, type Choice } from '../../../platform/web/fields.tsx';
import { GRAPHIC_LIMITS } from '../domain/graphic.ts';
import { formAction, HeadFields, KindSwitch } from './kind-form.tsx';

/**
 * A video interpretation (视频/动漫): the video, its WebVTT captions (required: a video is followed
 * without sound too) and a cover picture, uploaded with a description of what it shows; without
 * JavaScript, as one multipart form. The files become the edition's attachments.
 */
export function VideoForm(props: {
  csrfToken: string;
  values: Record<string, string>;
  issues: FieldIssue[];
  orgChoices: Choice[];
  policyChoices: Choice[];
  maxUploadMb: number;
}) {
  const { values: v, issues } = props;
  return (
    <section>
      <h1>新建视频/动漫解读</h1>
      <KindSwitch current="video" policy={v.policyDocumentId ?? ''} />
      <ErrorSummary issues={issues} />
      <form method="post" action={formAction(null)} class="form" enctype="multipart/form-data">
        <Csrf token={props.csrfToken} />
        <input type="hidden" name="kind" value="video" />
        <HeadFields values={v} issues={issues} orgChoices={props.orgChoices} policyChoices={props.policyChoices} />
        <fieldset class="form-section">
          <legend>视频</legend>
          <FileField
            name="video.video"
            label="视频文件"
            hint={`MP4 或 WebM，不超过 ${props.maxUploadMb} MB。`}
            accept=".mp4,.webm,video/mp4,video/webm"
            issues={issues}
          />
          <FileField
            name="video.captions"
            label="字幕文件"
            hint="WebVTT 格式（.vtt），与视频同步的中文字幕。"
            accept=".vtt,text/vtt"
            issues={issues}
          />
          <FileField
            name="video.poster"
            label="封面图片"
            hint="PNG 或 JPEG，播放前显示。"
            accept=".png,.jpg,.jpeg,image/png,image/jpeg"
            issues={issues}
          />
          <TextArea
            name="video.description"
            label="视频内容说明"
            hint="用几句话说明视频讲了什么，看不到视频的读者靠这段文字了解它。"
            value={v['video.description']}
            rows={3}
            maxlength={GRAPHIC_LIMITS.description}
            issues={issues}
            wide
          />
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            提交审核
          </button>
        </div>
      </form>
    </section>
  );
}
