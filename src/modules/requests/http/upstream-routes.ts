import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { checkUpstreamSignature } from '../commands/check-upstream-signature.ts';
import { receiveUpstreamApplication } from '../commands/receive-upstream-application.ts';
import { applicationInput } from './application-schema.ts';
import type { RequestWebDeps } from './deps.ts';
import { UpstreamApplicationBody, UpstreamReceived } from './upstream-schemas.ts';

/**
 * The provincial platform's door: applications it forwards, signed with the shared secret
 * (`GONGKAI_UPSTREAM_SECRET`); the signature is checked on the raw body before it is parsed.
 */
export function upstreamApiRoutes(deps: RequestWebDeps): ApiRoute[] {
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/upstream/foi/applications',
      summary:
        '省级政府信息公开申请平台转来的申请：字段与 /api/v1/foi/applications 相同，另加省级平台申请编号 upstreamId；' +
        '请求体须签名（见 signedBody）。未配置对接密钥时返回 404 upstream_disabled。',
      tag: 'upstream',
      auth: 'signed',
      verifyRawBody: (raw, request) =>
        checkUpstreamSignature({
          upstream: deps.stores.upstream,
          clock: deps.clock,
          secret: deps.config.upstream?.secret,
          headers: request.headers,
          body: raw,
        }),
      body: UpstreamApplicationBody,
      response: UpstreamReceived,
      successStatus: 201,
      handler: async ({ body }) => {
        const { upstreamId, ...application } = body;
        const { agencyCode, input } = applicationInput(application);
        const { request, agency, duplicate } = await receiveUpstreamApplication({
          uow: deps.uow,
          stores: deps.stores,
          clock: deps.clock,
          cipher: deps.cipher,
          upstreamId,
          agencyCode,
          input,
        });
        return {
          upstreamId: request.upstreamId ?? upstreamId,
          trackingCode: request.trackingCode,
          agency: { code: agency.code, name: agency.name },
          state: request.state,
          submittedAt: request.submittedAt,
          duplicate,
        };
      },
    }),
  ];
}
