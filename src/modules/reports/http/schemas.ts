import { z } from 'zod';
import { FIRST_REPORT_YEAR } from '../queries/report-unit.ts';

/** The unit and year in a report's path; anything else is a page that does not exist. */
export const reportParams = (thisYear: number) =>
  z.object({
    org: z.string().min(1).max(40),
    year: z.coerce.number().int().min(FIRST_REPORT_YEAR).max(thisYear),
  });

/** The list's year, last year unless a valid one is asked for. */
export const listQuery = (thisYear: number) =>
  z.object({
    year: z.coerce
      .number()
      .int()
      .min(FIRST_REPORT_YEAR)
      .max(thisYear)
      .default(thisYear - 1)
      .catch(thisYear - 1),
  });

/** The files a report is offered as. */
export const FileParams = z.object({ format: z.enum(['docx', 'xlsx']) });
