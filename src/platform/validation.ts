import { z } from 'zod';
import { DomainError, type FieldIssue } from './errors.ts';

// Every message zod produces at the edge is in Chinese.
z.config(z.locales.zhCN());

/** Field problems from a zod error, keyed by the dotted path of each field. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * Parses outside input with a schema.
 * @throws DomainError `validation_failed` listing every problem by field.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainError('validation_failed', { fields: zodIssues(result.error) });
  return result.data;
}

/** An optional query-string value of at most 100 characters, trimmed; empty reads as absent. */
export const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** An optional pilot field code in a query string (two digits, 国办发〔2019〕54号's 01–26); empty is none. */
export const optionalFieldCode = z
  .string()
  .regex(/^\d{2}$/, '领域代码应为两位数字')
  .optional()
  .or(z.literal('').transform(() => undefined))
  .meta({ description: '试点领域代码，01–26' });
