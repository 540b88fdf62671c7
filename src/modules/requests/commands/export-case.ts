import { REQUEST_TEXT } from '../strings.ts';
import { chinaDateTime, type Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { zipFiles, type ZipEntry } from '../../../platform/zip.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { requestEntry } from '../audit-actions.ts';
import { APPEAL_KIND_LABELS, APPEAL_RESULT_LABELS } from '../domain/appeals.ts';
import {
  APPLICANT_KIND_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_TYPE_LABELS,
  INFORMATION_FORM_LABELS,
  ORGANISATION_KIND_LABELS,
} from '../domain/application.ts';
import { outcomeName } from '../domain/outcomes.ts';
import { CHANNEL_LABELS, EVENT_LABELS, REQUEST_STATE_LABELS } from '../domain/request.ts';
import type { FieldCipher, FileStorage, LetterRenderer, RequestFileStore, RequestStore } from '../ports.ts';
import { FILE_PURPOSE_LABELS, FILE_PURPOSES } from '../domain/files.ts';
import { loadHandledRequest } from './load-handled-request.ts';

/**
 * The whole case as one ZIP (案卷, 条例 Art. 45): the application with the applicant's identity and
 * contacts, every step with its date, the correction, consultation and fee notices, the reply and
 * its letter as PDF and Word, any reconsideration or lawsuit, and the files: the applicant's
 * attachments, the information released, the proof of service, each with a line in the manifest
 * (`0-文件清单.txt`: path, size, SHA-256). It carries personal data, so the export is for the
 * receiving unit's officers and is audited.
 * @throws DomainError `not_found`, `out_of_scope`/`forbidden`.
 */
export async function exportCase(options: {
  uow: UnitOfWork<{ requests: RequestStore; requestFiles: RequestFileStore; orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  cipher: FieldCipher;
  letters: LetterRenderer;
  files: FileStorage;
  actor: Actor;
  requestId: string;
}): Promise<{ fileName: string; bytes: Uint8Array }> {
  const now = options.clock.now();
  const gathered = await options.uow.run(async ({ requests, requestFiles, orgs, audit }) => {
    const { request, agency } = await loadHandledRequest({ requests, orgs }, options.actor, options.requestId);
    const [events, appeals, files] = await Promise.all([
      requests.events(request.id),
      requests.appealsOf(request.id),
      requestFiles.filesOf(request.id),
    ]);
    await audit.append(
      requestEntry(auditActor(options.actor), now, {
        action: 'request.case_exported',
        entityType: 'foi_request',
        entityId: request.id,
        orgId: agency.id,
        after: { trackingCode: request.trackingCode },
      }),
    );
    return { request, agency, events, appeals, files };
  });
  const { request, agency, events, appeals, files } = gathered;
  const a = request.applicant;
  const open = (sealed: string | null) => (sealed ? options.cipher.open(sealed) : '');
  const lines = (rows: [string, string | null | undefined][]) =>
    rows
      .filter(([, value]) => value)
      .map(([label, value]) => `${label}：${value}`)
      .join('\n');

  const entries: ZipEntry[] = [
    {
      name: '1-申请.txt',
      content: lines([
        ['申请查询码', request.trackingCode],
        ['受理机关', agency.name],
        ['申请渠道', CHANNEL_LABELS[request.channel]],
        [REQUEST_TEXT.upstreamReference, request.upstreamId],
        ['提交时间', chinaDateTime(request.submittedAt)],
        ['收到申请日期', request.receivedOn],
        ['收到补正申请日期', request.correctedOn],
        [
          '申请人',
          `${a.name}（${APPLICANT_KIND_LABELS[a.kind]}${a.organisationKind ? `·${ORGANISATION_KIND_LABELS[a.organisationKind]}` : ''}）`,
        ],
        ['联系人', a.contactPerson],
        ['身份证明', `${ID_TYPE_LABELS[a.idType]} ${open(a.idNumberSealed)}`],
        ['联系电话', open(a.phoneSealed)],
        ['电子邮箱', open(a.emailSealed)],
        ['通信地址', `${open(a.addressSealed)}${a.postcode ? `（${a.postcode}）` : ''}`],
        ['所需信息', request.description],
        ['文号', request.documentNumber],
        ['用途', request.purpose],
        ['形式与获取方式', `${INFORMATION_FORM_LABELS[request.form]}，${DELIVERY_METHOD_LABELS[request.delivery]}`],
        ['当前状态', REQUEST_STATE_LABELS[request.state]],
      ]),
    },
    {
      name: '2-办理过程.txt',
      content: events
        .map(
          (e) =>
            `${chinaDateTime(e.at)}  ${EVENT_LABELS[e.kind]}${e.on ? `：${e.on}` : ''}（${e.by}）${e.note ? ` ${e.note}` : ''}`,
        )
        .join('\n'),
    },
    {
      name: '3-通知与决定.txt',
      content:
        lines([
          [
            '补正通知',
            request.correction
              ? `${request.correction.sentOn}：${request.correction.items}（补正期限 ${request.correction.dueOn}）`
              : null,
          ],
          ...request.pauses.map((p): [string, string] => [
            p.reason === 'fee' ? '缴费期间' : '征求意见',
            `${p.party ?? ''} ${p.from} 至 ${p.until ?? '今'}${p.summary ? `；意见：${p.summary}` : ''}`,
          ]),
          [
            '延长答复期限',
            request.extension
              ? `${request.extension.workingDays}个工作日，${request.extension.approvedBy} ${request.extension.approvedOn} 批准`
              : null,
          ],
          [
            '信息处理费',
            request.fee
              ? `${request.fee.amountYuan} 元，${request.fee.noticeOn} 通知，缴费期限 ${request.fee.dueOn}${request.fee.paidOn ? `，${request.fee.paidOn} 已缴` : ''}`
              : null,
          ],
          [
            '处理结果',
            request.reply
              ? `${outcomeName(request.reply.outcome)}（${request.reply.repliedOn}）${request.reply.reason ? `：${request.reply.reason}` : ''}`
              : null,
          ],
          ...(request.reply?.withheld ?? []).map((w): [string, string] => ['不予公开', `${w.part}——${w.reason}`]),
          ['负责公开的机关', request.reply?.referral],
          [
            '送达',
            request.service
              ? `${DELIVERY_METHOD_LABELS[request.service.method]}，${request.service.on}${request.service.proof ? `，凭证：${request.service.proof}` : ''}`
              : null,
          ],
        ]) || '无',
    },
  ];
  if (appeals.length > 0) {
    entries.push({
      name: '5-行政复议行政诉讼.txt',
      content: appeals
        .map(
          (x) =>
            `${APPEAL_KIND_LABELS[x.kind]}：${x.body}，${x.filedOn} 提出，${x.result ? `${APPEAL_RESULT_LABELS[x.result]}（${x.decidedOn}）` : '尚未审结'}`,
        )
        .join('\n'),
    });
  }
  const letter = request.reply?.letter;
  if (letter) {
    const [pdf, docx] = await Promise.all([options.letters.pdf(letter), options.letters.docx(letter)]);
    entries.push(
      { name: '4-答复告知书.pdf', content: new Uint8Array(pdf) },
      { name: '4-答复告知书.docx', content: new Uint8Array(docx) },
    );
  }
  // Each purpose in its own folder, numbered so two files of one name both stay.
  const folders = { application: '6-申请附件', released: '7-公开的政府信息', delivery_proof: '8-送达凭证' } as const;
  const manifest: string[] = [];
  for (const purpose of FILE_PURPOSES) {
    const ofPurpose = files.filter((f) => f.purpose === purpose);
    for (const [i, file] of ofPurpose.entries()) {
      const bytes = await options.files.read(file.sha256);
      // A case file missing a file it lists is not a case file: refuse rather than leave it out.
      if (!bytes) throw new Error(`case file ${request.id}: stored file ${file.sha256} is missing`);
      const name = `${folders[purpose]}/${i + 1}-${file.fileName}`;
      entries.push({ name, content: new Uint8Array(bytes), stored: true });
      manifest.push(`${name}\t${FILE_PURPOSE_LABELS[purpose]}\t${file.sizeBytes} 字节\tSHA-256 ${file.sha256}`);
    }
  }
  entries.unshift({
    name: '0-文件清单.txt',
    content: [...entries.map((e) => e.name).filter((n) => !n.includes('/')), ...manifest].join('\n'),
  });
  return { fileName: `${request.trackingCode}-案卷.zip`, bytes: zipFiles(entries, now) };
}
