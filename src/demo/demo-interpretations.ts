import type { StaffActor } from '../modules/access/index.ts';
import type { Edition, FileSniffer, FileStorage } from '../modules/documents/index.ts';
import { submitGraphicInterpretation, type ChartRenderer } from '../modules/interpretation/index.ts';
import { publishEdition } from '../modules/documents/index.ts';
import type { Org } from '../modules/orgs/index.ts';
import { seededRandom } from './content.ts';
import type { DemoScene } from './demo-scenes.ts';
import { shiftDate } from './demo-text.ts';

/** A normative document the demo published, and the unit whose staff published it. */
export type PublishedPolicy = { edition: Edition; publisherCode: string; orgCode: string; date: string };

/**
 * Graphic interpretations (图解) of the demo's normative documents, built and reviewed as staff would:
 * most published a day or two after their document, about one in eight late (more than 3 working
 * days, 国办发〔2016〕19号) and about one in six missing, so the indicator has something real to show.
 * Every figure is made up and says so (演示数据).
 */
export async function seedDemoInterpretations(
  scene: DemoScene,
  deps: { files: FileStorage; sniff: FileSniffer; maxUploadBytes: number; charts: ChartRenderer },
  policies: readonly PublishedPolicy[],
): Promise<number> {
  // A generator of its own, so the scenes loaded after these draw the same numbers as before.
  const random = seededRandom(20_160_219);
  const { clock } = scene;
  const towns = [...scene.orgs.values()].filter((org: Org) => org.type === 'town').map((org) => org.shortName);
  let published = 0;
  for (const policy of policies) {
    const roll = random();
    if (roll < 0.17) continue;
    const late = roll < 0.3;
    const day = shiftDate(policy.date, late ? 9 + Math.floor(random() * 8) : 1 + Math.floor(random() * 2));
    if (day >= scene.today) continue;
    const counts = towns.slice(0, 5).map(() => [80 + Math.floor(random() * 900), 80 + Math.floor(random() * 900)]);
    const year = Number(day.slice(0, 4));
    const rows = towns.slice(0, 5).map((town, i) => `${town}\t${counts[i]![0]}\t${counts[i]![1]}`);
    const total = counts.reduce((sum, [, now]) => sum + now!, 0);
    const title = policy.edition.content.title.replace(/^关于(印发)?/, '').replace(/的通知$/, '');
    const editor: StaffActor = scene.editorOf(policy.publisherCode);
    clock.set(`${day}T01:00:00Z`);
    const { edition } = await submitGraphicInterpretation({
      ...scene.workflow,
      ...deps,
      stores: scene.stores,
      actor: editor,
      orgId: scene.orgs.get(policy.orgCode)!.id,
      documentId: null,
      input: {
        title: `一图读懂《${title}》`,
        policyDocumentIds: [policy.edition.documentId],
        blocks: [
          { kind: 'heading', text: '政策要点' },
          {
            kind: 'text',
            text: `《${title}》已经公开。本图解用数字和图表说明政策的适用对象、主要内容和办理方式，具体以文件原文为准。（演示数据）`,
          },
          { kind: 'figure', value: String(total), unit: '人', caption: `${year}年预计受益人数（演示数据）` },
          {
            kind: 'chart',
            chartType: 'bar',
            title: '各镇街受益人数（演示数据）',
            unit: '人',
            description: `${year}年各镇街预计受益共${total}人，与上年对比见图；数字为演示数据。`,
            dataText: ['镇街\t上年\t本年', ...rows].join('\n'),
          },
        ],
      },
    });
    clock.set(`${day}T03:00:00Z`);
    await publishEdition({ ...scene.workflow, actor: scene.reviewerOf(policy.publisherCode), editionId: edition.id });
    published++;
  }
  return published;
}
