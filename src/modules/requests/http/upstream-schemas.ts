import { z } from 'zod';
import type { ApiWebhook } from '../../../platform/http/api.ts';
import { OUTCOMES } from '../domain/outcomes.ts';
import { EVENT_KINDS, REQUEST_STATES } from '../domain/request.ts';
import type { UpstreamStatus } from '../domain/upstream.ts';
import { ApplicationBody } from './application-schema.ts';

/** An application the provincial platform forwards: the same fields as every application, and its reference. */
export const UpstreamApplicationBody = ApplicationBody.extend({
  upstreamId: z
    .string()
    .max(5000)
    .trim()
    .default('')
    .meta({ description: '省级平台的申请编号（1至64位字母、数字或 . _ : -）；同一编号重复发送只登记一次' }),
});

/** What the provincial platform gets back for an application it forwarded. */
export const UpstreamReceived = z.object({
  upstreamId: z.string().meta({ description: '省级平台的申请编号' }),
  trackingCode: z.string().meta({ description: '本平台的申请查询码；此后推送的状态都带此码和省级平台申请编号' }),
  agency: z
    .object({ code: z.string(), name: z.string() })
    .meta({ description: '受理机关（村、社区的申请转所在镇街）' }),
  state: z
    .enum(REQUEST_STATES)
    .meta({ description: 'submitted：待受理机关确认收到（条例第三十一条：双方确认之日为收到申请之日）' }),
  submittedAt: z.string().meta({ description: '首次收到的时间（ISO 8601）' }),
  duplicate: z.boolean().meta({ description: 'true：该编号此前已经收到，本次未重复登记，返回的是首次登记的结果' }),
});

/** The status body sent to the provincial platform's status URL (the type the domain builds, described). */
export const UpstreamStatusBody = z.object({
  upstreamId: z.string().meta({ description: '省级平台的申请编号' }),
  trackingCode: z.string().meta({ description: '本平台的申请查询码' }),
  seq: z
    .number()
    .int()
    .min(1)
    .meta({ description: '该申请的第几个办理环节（从1开始，按顺序推送；重发时相同，接收方以最大者为准）' }),
  event: z.enum(EVENT_KINDS).meta({ description: '办理环节' }),
  eventLabel: z.string().meta({ description: '办理环节的中文说明' }),
  on: z.string().nullable().meta({ description: '该环节的法定日期（YYYY-MM-DD），如收到申请日期、答复日期' }),
  at: z.string().meta({ description: '记录时间（ISO 8601）' }),
  state: z.enum(REQUEST_STATES).meta({ description: '该环节之后申请所处的状态' }),
  stateLabel: z.string().meta({ description: '状态的中文说明' }),
  closed: z.boolean().meta({ description: '是否已办结（答复、不予处理、终止、撤回、归档）' }),
  receivedOn: z.string().nullable().meta({ description: '收到申请之日（条例第三十一条；补正的为收到补正申请之日）' }),
  dueOn: z.string().nullable().meta({ description: '答复期限（条例第三十三条），计时停止时为 null' }),
  outcome: z
    .object({
      code: z
        .enum(OUTCOMES)
        .meta({ description: '年度报告表三的行号，例如 3.1 予以公开、3.3.1 不予公开—属于国家秘密' }),
      group: z.string(),
      label: z.string(),
    })
    .nullable()
    .meta({ description: '答复结果（条例第三十六条、第三十七条），答复后才有' }),
  note: z.string().meta({ description: '该环节告知申请人的说明（如补正事项、延期天数），可为空' }),
}) satisfies z.ZodType<UpstreamStatus>;

/** The status push, as the OpenAPI document describes it to the provincial platform. */
export const UPSTREAM_STATUS_WEBHOOK: ApiWebhook = {
  name: 'upstreamStatus',
  summary: '向省级政府信息公开申请平台推送办理状态',
  description:
    '省级平台转来的申请每发生一次状态变化（确认收到、各办理环节、答复及其结果、撤回、归档），本平台即向配置的状态地址' +
    '（GONGKAI_UPSTREAM_STATUS_URL）POST 一条状态，签名方式与申请接口相同（每次发送、包括重发，都使用新的时间戳和随机数）。' +
    '同一申请的状态按 seq 顺序推送；接收方返回 2xx 即视为送达，否则按 30 秒起、每次加倍、最长 6 小时的间隔重发，' +
    '直至送达（至少送达一次，可能重复，接收方按 upstreamId 和 seq 去重）。',
  body: UpstreamStatusBody,
  signed: true,
};
