import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { submitApplication } from '../commands/submit-application.ts';
import { REQUEST_STATES } from '../domain/request.ts';
import { ApplicationBody, applicationInput } from './application-schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * The API's application: the form's fields, and `attachments` named only to be refused. Files go
 * through the web form (multipart, checked from their bytes, 5 × 10 MB); a JSON body is capped at
 * 4 MB, too small for base64 scans, and silently dropping files a client sent would lose them.
 */
const ApiApplicationBody = ApplicationBody.extend({
  attachments: z
    .unknown()
    .optional()
    .meta({ description: '不接收附件：提供此字段将返回 400（attachments）；附件请通过网上申请表单提交' }),
});
import type { RequestWebDeps } from './deps.ts';
import { receiptOptions } from './receipt-options.ts';

const Submitted = z.object({
  trackingCode: z.string().meta({ description: '申请查询码；查询进度时与手机号码后4位或电子邮箱一并使用' }),
  agency: z
    .object({ code: z.string(), name: z.string() })
    .meta({ description: '受理机关（村、社区的申请转所在镇街）' }),
  state: z.enum(REQUEST_STATES).meta({ description: 'submitted：待受理机关确认收到（条例第三十一条）' }),
  submittedAt: z.string().meta({ description: '提交时间（ISO 8601）' }),
  trackUrl: z.string().meta({ description: '进度查询页面' }),
});

/** Online applications through the API: the same checks and the same storage as the form. */
export function requestApiRoutes(deps: RequestWebDeps): ApiRoute[] {
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/foi/applications',
      summary:
        '提交政府信息公开申请（条例第二十九条）；成功时申请已保存，返回申请查询码。接口不接收附件（请通过网上申请表单上传），请求体超过 4 MB 返回 413',
      tag: 'public',
      auth: 'public',
      body: ApiApplicationBody,
      response: Submitted,
      successStatus: 201,
      handler: async ({ body: { attachments, ...body }, request }) => {
        if (attachments !== undefined) {
          throw new DomainError('validation_failed', {
            fields: [{ field: 'attachments', message: REQUEST_TEXT.attachmentsNotByApi }],
          });
        }
        const { agencyCode, input } = applicationInput(body);
        const { request: stored, agency } = await submitApplication({
          uow: deps.uow,
          clock: deps.clock,
          cipher: deps.cipher,
          actor: request.actor,
          channel: 'online',
          agencyCode,
          input,
          receipt: receiptOptions(deps),
        });
        return {
          trackingCode: stored.trackingCode,
          agency: { code: agency.code, name: agency.name },
          state: stored.state,
          submittedAt: stored.submittedAt,
          trackUrl: `${deps.config.publicUrl}/ysqgk/track`,
        };
      },
    }),
  ];
}
