import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import type { AdminFormState } from '../views/admin-consultation.tsx';

/** Form errors a back-office page shows on itself, beside what was posted. */
const FORM_ERRORS = new Set(['validation_failed', 'invalid_transition']);

/**
 * The handler of one back-office form that acts on a thing by its id: it runs the use case, says so
 * in a flash and goes back to the page (or `next`); on a form error it shows the page again, with
 * the error and what was posted, under the error's status. Any other error goes to the error page.
 */
export function formActions(options: {
  idOf: (request: FastifyRequest) => string;
  pathOf: (id: string) => string;
  show: (request: FastifyRequest, reply: FastifyReply, form: AdminFormState, status: number) => Promise<FastifyReply>;
}) {
  return (
      success: string,
      run: (request: FastifyRequest, id: string, fields: Record<string, string | string[]>) => Promise<unknown>,
      next: (id: string) => string = options.pathOf,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const id = options.idOf(request);
      const fields = formFields(request);
      try {
        await run(request, id, fields);
        setFlash(reply, { kind: 'success', text: success });
        return seeOther(reply, next(id));
      } catch (error) {
        if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
        const issues = error.fields.length > 0 ? error.fields : [{ field: '(form)', message: error.message }];
        const values = Object.fromEntries(Object.keys(fields).map((name) => [name, field(fields, name)]));
        return options.show(request, reply, { issues, values }, error.status);
      }
    };
}
