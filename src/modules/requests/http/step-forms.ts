import { z } from 'zod';
import { field, formFields } from '../../../platform/http/forms.ts';
import { parseInput } from '../../../platform/validation.ts';
import type { FastifyRequest } from 'fastify';
import type { HandlingAction, HandlingKind } from '../domain/handling.ts';
import { OUTCOMES } from '../domain/outcomes.ts';
import { DELIVERY_METHODS } from '../domain/application.ts';
import type { StaffActor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import { REQUEST_TEXT } from '../strings.ts';

/** How many withheld parts the reply form offers without JavaScript. */
export const WITHHELD_ROWS = 5;

const text = (max: number) => z.string().max(max).default('');
const date = z.string().max(20).default('');

/** Each step's form fields; dates are checked by the domain, which says what is wrong in Chinese. */
const STEP_FORMS = {
  request_correction: z.object({ sentOn: date, items: text(2000), dueOn: date }),
  receive_correction: z.object({ on: date }),
  close_uncorrected: z.object({ on: date }),
  consult: z.object({ reason: z.enum(['third_party', 'other_agency']), party: text(200), sentOn: date }),
  consultation_answered: z.object({ on: date, summary: text(2000) }),
  extend: z.object({
    workingDays: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(20)),
    approvedBy: text(100),
    on: date,
  }),
  reply: z.object({ on: date, outcome: z.enum(OUTCOMES), reason: text(5000) }),
  withdraw: z.object({ on: date }),
  fee_notice: z.object({
    on: date,
    method: z.enum(['item', 'page']),
    quantity: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(100_000)),
    alreadyCounted: z.preprocess((v) => (v === '' ? 0 : v), z.coerce.number().int().min(0).max(100_000)),
    dueOn: date,
  }),
  fee_paid: z.object({ on: date }),
  close_fee_unpaid: z.object({ on: date }),
  ask_reasons: z.object({ on: date, note: text(2000) }),
  resume: z.object({ on: date }),
  archive: z.object({ on: date }),
  deliver: z.object({
    on: date,
    // Not chosen or not one of the four: the domain says so beside the field.
    method: z.enum(DELIVERY_METHODS).nullable().catch(null),
    proof: text(500),
  }),
} as const;

export const StepParams = z.object({
  id: z.string().max(40),
  kind: z.enum([
    'assign',
    'request_correction',
    'receive_correction',
    'close_uncorrected',
    'consult',
    'consultation_answered',
    'extend',
    'reply',
    'withdraw',
    'fee_notice',
    'fee_paid',
    'close_fee_unpaid',
    'ask_reasons',
    'resume',
    'archive',
    'deliver',
  ] satisfies HandlingKind[]),
});

/**
 * The handling action a step form posted.
 * @throws DomainError `validation_failed` naming the fields that are wrong.
 */
export function stepAction(kind: HandlingKind, request: FastifyRequest, staff: StaffActor): HandlingAction {
  const fields = formFields(request);
  const values = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, field(fields, name)]));
  const parsed = <K extends keyof typeof STEP_FORMS>(name: K) =>
    parseInput(STEP_FORMS[name], values(Object.keys(STEP_FORMS[name].shape))) as z.output<(typeof STEP_FORMS)[K]>;
  switch (kind) {
    case 'assign':
      return { kind, assigneeId: staff.userId, assigneeName: staff.displayName };
    case 'reply': {
      const withheld = Array.from({ length: WITHHELD_ROWS }, (_, i) => ({
        part: field(fields, `withheldPart${i + 1}`).slice(0, 500),
        reason: field(fields, `withheldReason${i + 1}`).slice(0, 1000),
      }));
      return { kind, ...parsed('reply'), withheld, referral: field(fields, 'referral').slice(0, 300) };
    }
    case 'deliver': {
      const { on, method, proof } = parsed('deliver');
      if (method === null) {
        throw new DomainError('validation_failed', {
          fields: [{ field: 'method', message: REQUEST_TEXT.deliveryMethodRequired }],
        });
      }
      // The number of proof files is the use case's to set, from the files it receives.
      return { kind, on, method, proof, proofFiles: 0 };
    }
    case 'request_correction':
    case 'receive_correction':
    case 'close_uncorrected':
    case 'consult':
    case 'consultation_answered':
    case 'extend':
    case 'withdraw':
    case 'fee_notice':
    case 'fee_paid':
    case 'close_fee_unpaid':
    case 'ask_reasons':
    case 'resume':
    case 'archive':
      return { kind, ...parsed(kind) } as HandlingAction;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
