import { chinaDateTime } from '../../../platform/clock.ts';

/**
 * What the applicant sees once the application is stored: the tracking code (the only time it is
 * shown on screen), the agency and what happens next (条例 Art. 31, 33).
 */
export function Receipt(props: { trackingCode: string; agencyName: string; submittedAt: string; emailed: boolean }) {
  return (
    <section class="panel prose">
      <h1>申请已提交</h1>
      <p>您的申请已保存。请记下申请查询码：</p>
      <p class="tracking-code">{props.trackingCode}</p>
      <p>
        受理机关：{props.agencyName}
        <br />
        提交时间：{chinaDateTime(props.submittedAt)}（北京时间）
      </p>
      <h2>接下来</h2>
      <ul>
        <li>
          受理机关确认收到申请后开始计算答复期限。通过互联网提交的申请，以双方确认之日为收到申请之日（条例第三十一条）。
        </li>
        <li>
          受理机关自收到申请之日起20个工作日内答复；需要延长的，经批准可延长不超过20个工作日，并会告知您（条例第三十三条）。
        </li>
        <li>申请内容不明确的，受理机关会在7个工作日内一次性告知需要补正的事项（条例第三十条）。</li>
      </ul>
      {props.emailed ? <p>回执将发送到您填写的电子邮箱。</p> : null}
      <p>
        <a class="button primary" href="/ysqgk/track">
          查询办理进度
        </a>
      </p>
    </section>
  );
}
