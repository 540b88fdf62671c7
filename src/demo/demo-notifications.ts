import { newId } from '../platform/ids.ts';
import { checkPush, noChoices, sendPush, type Choices, type Subscriber } from '../modules/notifications/index.ts';
import type { DemoScene } from './demo-scenes.ts';

/** A subscriber of the demo: an invented address under the reserved .example domain, and its choices. */
type DemoSubscriber = { address: string; frequency: Subscriber['frequency']; choices: Partial<Choices> };

const SUBSCRIBERS: DemoSubscriber[] = [
  { address: 'qiye01@shifanqu.example', frequency: 'immediate', choices: { policy: ['减税降费'], audience: ['企业'] } },
  { address: 'qiye02@shifanqu.example', frequency: 'immediate', choices: { policy: ['减税降费', '惠企'] } },
  { address: 'qiye03@shifanqu.example', frequency: 'daily', choices: { policy: ['惠企', '营商环境'] } },
  { address: 'getihu04@shifanqu.example', frequency: 'immediate', choices: { audience: ['个体工商户'] } },
  { address: 'jumin05@shifanqu.example', frequency: 'weekly', choices: { policy: ['民生', '社会保障'] } },
  { address: 'jumin06@shifanqu.example', frequency: 'daily', choices: { audience: ['老年人'] } },
  { address: 'jiazhang07@shifanqu.example', frequency: 'immediate', choices: { field: ['24'] } },
  { address: 'jumin08@shifanqu.example', frequency: 'immediate', choices: { topic: ['民政、扶贫、救灾'] } },
  { address: 'qiye09@shifanqu.example', frequency: 'immediate', choices: { policy: ['减税降费'] } },
  { address: 'tuiding10@shifanqu.example', frequency: 'immediate', choices: { policy: ['减税降费'] } },
  { address: 'qiye11@shifanqu.example', frequency: 'daily', choices: { policy: ['减税降费'], audience: ['企业'] } },
  { address: 'qiye12@shifanqu.example', frequency: 'immediate', choices: { audience: ['企业'] } },
  { address: 'qiye13@shifanqu.example', frequency: 'weekly', choices: { policy: ['减税降费'] } },
  {
    address: 'qiye14@shifanqu.example',
    frequency: 'immediate',
    choices: { org: [], policy: ['减税降费', '就业创业'] },
  },
];

/**
 * Subscribers of the demo (订阅推送) and one targeted push the district's finance bureau sent to the
 * enterprises that follow 减税降费, with its delivery report: most delivered, one refused by the
 * receiving server, one not sent because its subscriber had left. Every address is invented
 * (`*.example`, which never delivers). The subscribers are confirmed after the demo's publications,
 * so none of those is pushed to them; what staff publish in the demo is.
 */
export async function seedDemoNotifications(scene: DemoScene): Promise<void> {
  const { stores, clock, today } = scene;
  clock.set(`${today}T01:00:00Z`);
  const at = clock.now().toISOString();
  for (const demo of SUBSCRIBERS) {
    const subscriber: Subscriber = {
      id: newId(),
      channel: 'email',
      address: demo.address,
      label: null,
      secret: null,
      state: 'active',
      frequency: demo.frequency,
      tokenVersion: 1,
      createdAt: at,
      updatedAt: at,
      confirmedAt: at,
      unsubscribedAt: null,
    };
    await stores.notifications.saveSubscriber(subscriber);
    await stores.notifications.replaceChoices(subscriber.id, { ...noChoices(), ...demo.choices });
  }

  clock.set(`${today}T02:30:00Z`);
  const finance = scene.orgs.get('sfq-czj')!;
  const actor = scene.reviewerOf('sfq-czj');
  const push = await checkPush(
    stores.orgs,
    actor,
    {
      orgId: finance.id,
      title: '小微企业减税降费政策申报提醒（演示）',
      body: '本季度小微企业减税降费政策申报即将截止，请符合条件的企业登录电子税务局及时申报。详情见区财政局发布的政策文件。（演示数据）',
      link: '',
      channels: ['email'],
      choices: { policy: ['减税降费'], audience: ['企业'] },
    },
    { ...noChoices(), policy: ['减税降费'], audience: ['企业'] },
  );
  await sendPush({
    uow: scene.workflow.uow,
    clock,
    actor,
    // No link in the message, so no address of the site is written into it.
    site: { name: '示范区人民政府门户网站（演示）', publicUrl: '', secret: '' },
    push,
  });
  // The report as it stood an hour later: the outbox sent them, one server refused, one had left.
  clock.set(`${today}T03:30:00Z`);
  const sentAt = clock.now();
  const claimed = await stores.notifications.claimDue(sentAt, sentAt, 100);
  for (const delivery of claimed) {
    const address = delivery.subscriber?.address ?? '';
    const state = address.startsWith('tuiding') ? 'unsubscribed' : address.startsWith('qiye09') ? 'bounced' : 'sent';
    await stores.notifications.finishDelivery(delivery.id, {
      state,
      at: sentAt,
      ...(state === 'bounced' ? { error: '550 5.1.1 mailbox unavailable (demo)' } : {}),
    });
    if (state === 'unsubscribed' && delivery.subscriber) {
      await stores.notifications.saveSubscriber({
        ...delivery.subscriber,
        state: 'unsubscribed',
        unsubscribedAt: sentAt.toISOString(),
        updatedAt: sentAt.toISOString(),
      });
    }
  }
}
