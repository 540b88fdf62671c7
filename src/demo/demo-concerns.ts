import type { FileSniffer, FileStorage } from '../modules/documents/index.ts';
import { publishEdition } from '../modules/documents/index.ts';
import { createConcern, submitConcernResponse } from '../modules/interpretation/index.ts';
import type { PublishedPolicy } from './demo-interpretations.ts';
import type { DemoScene } from './demo-scenes.ts';
import { shiftDate } from './demo-text.ts';

/** A concern of the demo: what people asked, where, and the responses, each at a time after the report. */
type DemoConcern = {
  title: string;
  summary: string;
  source: '网民留言' | '12345热线';
  responses: { afterHours: number; title: string; text: string }[];
};

const CONCERNS: DemoConcern[] = [
  {
    title: '政策调整后，已经在享受待遇的人是否需要重新申请',
    summary:
      '文件公开后，不少网民在政务留言板询问：已经在享受待遇的人员是否要重新提交材料，原来的待遇会不会中断。（演示数据）',
    source: '网民留言',
    responses: [
      {
        afterHours: 6,
        title: '关于已享受待遇人员无需重新申请的回应',
        text: '已经在享受待遇的人员无需重新申请，新标准由经办部门直接执行，待遇不会中断。\n\n如有疑问，请拨打12345政务服务便民热线。（演示数据）',
      },
      {
        afterHours: 74,
        title: '关于新标准执行时间和发放方式的补充说明',
        text: '新标准自文件规定之日起执行，差额部分随下月待遇一并发放，无需本人办理任何手续。（演示数据）',
      },
    ],
  },
  {
    title: '新规定是否向群众收取费用',
    summary: '12345热线接到多个来电，询问办理文件所列事项是否收费、收费标准是多少。（演示数据）',
    source: '12345热线',
    responses: [
      {
        afterHours: 27,
        title: '关于办理有关事项不收取任何费用的回应',
        text: '办理文件所列事项不收取任何费用。如遇收费情况，请拨打12345或向区纪委监委举报。（演示数据）',
      },
    ],
  },
];

/**
 * Two public concerns about the demo's normative documents (回应关切), each recorded the day after its
 * document with where it was reported, and answered by responses that link the document and go
 * through review like any document, so the column shows a timeline and the time to the first response.
 * Returns how many responses were published.
 */
export async function seedDemoConcerns(
  scene: DemoScene,
  deps: { files: FileStorage; sniff: FileSniffer; maxUploadBytes: number },
  policies: readonly PublishedPolicy[],
): Promise<number> {
  const { clock } = scene;
  let published = 0;
  for (const [index, spec] of CONCERNS.entries()) {
    // The newest policies, so the timeline is recent; one each.
    const policy = policies[policies.length - 1 - index * 3];
    if (!policy) break;
    const reportedAt = new Date(`${shiftDate(policy.date, 1)}T01:30:00Z`);
    if (reportedAt.toISOString().slice(0, 10) >= scene.today) continue;
    const editor = scene.editorOf(policy.publisherCode);
    const orgId = scene.orgs.get(policy.orgCode)!.id;
    clock.set(reportedAt);
    const concern = await createConcern({
      ...scene.workflow,
      actor: editor,
      orgId,
      input: { title: spec.title, summary: spec.summary, source: spec.source, reportedAt },
    });
    for (const response of spec.responses) {
      const at = new Date(reportedAt.getTime() + response.afterHours * 3_600_000);
      if (at.toISOString().slice(0, 10) >= scene.today) break;
      clock.set(new Date(at.getTime() - 3_600_000));
      const { edition } = await submitConcernResponse({
        ...scene.workflow,
        ...deps,
        stores: scene.stores,
        actor: editor,
        concernId: concern.id,
        documentId: null,
        input: { title: response.title, text: response.text, linkedDocumentIds: [policy.edition.documentId] },
      });
      clock.set(at);
      await publishEdition({ ...scene.workflow, actor: scene.reviewerOf(policy.publisherCode), editionId: edition.id });
      published++;
    }
  }
  return published;
}
