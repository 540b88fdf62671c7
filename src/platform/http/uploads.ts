import { createWriteStream } from 'node:fs';
import { PLATFORM_TEXT } from '../strings.ts';
import { mkdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';

/** A file that came with a form, kept in a temporary file until the response has been sent. */
export type ReceivedFile = { fieldName: string; fileName: string; sizeBytes: number; path: string };

/** A multipart form as received: its text fields (repeated names as arrays) and its files. */
export class ReceivedForm {
  constructor(
    readonly fields: Record<string, string | string[]>,
    readonly files: ReceivedFile[],
  ) {}
}

/**
 * Decides, from the text fields that came before it, whether the first file of a form may be
 * stored at all (the CSRF token on a page, the caller on the API).
 * @throws DomainError to refuse the whole form.
 */
export type UploadGate = (fields: Record<string, string | string[]>) => void | Promise<void>;

/**
 * A route's own upload limits. With `reportLimits` a file over the size or a file past the count is
 * not a refusal of the whole form: the route receives one file more than `maxFiles` and files cut
 * one byte past `maxFileBytes` (so their size shows they were too large), and its use case says
 * what is wrong next to the fields the person typed, which come back with the answer.
 */
export type UploadRoute = { maxFiles: number; maxFileBytes: number; reportLimits?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route takes files (multipart/form-data); every other route refuses them unread. */
    uploads?: boolean | UploadRoute;
  }
  interface FastifyRequest {
    /** Set by the route group: checked before the first byte of a file is written. */
    uploadGate: UploadGate | undefined;
  }
}

export type UploadLimits = {
  /** Largest file, in bytes; enforced while streaming. */
  maxFileBytes: number;
  maxFiles: number;
  maxFields: number;
  maxFieldBytes: number;
};

const RECEIVED = Symbol('receivedFiles');
type WithReceived = FastifyRequest & { [RECEIVED]?: ReceivedFile[] };

/**
 * Multipart forms, only on routes marked `config.uploads`: parts are streamed, files go to a
 * temporary folder under a size limit checked byte by byte, the route group's gate runs before the
 * first file byte is written, and the temporary files are deleted once the response is sent. A
 * multipart body sent anywhere else is refused with 415 before it is read.
 */
export function installUploads(app: FastifyInstance, options: UploadLimits & { temporaryDir: string }): void {
  const folder = join(options.temporaryDir, `uploads-${process.pid}-${newId()}`);
  app.decorateRequest('uploadGate', undefined);
  app.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    const route = request.routeOptions.config.uploads;
    if (route === undefined || route === false) {
      done(new DomainError('unsupported_media_type'), undefined);
      return;
    }
    const limits = route === true ? { ...options, reportLimits: false } : routeLimits(options, route);
    receiveForm(request as WithReceived, payload, limits, folder).then(
      (form) => done(null, form),
      (error: unknown) => done(error as Error, undefined),
    );
  });
  app.addHook('onResponse', async (request) => {
    const files = (request as WithReceived)[RECEIVED];
    if (files) await Promise.all(files.map((file) => unlink(file.path).catch(() => undefined)));
  });
  app.addHook('onClose', async () => {
    await rm(folder, { recursive: true, force: true });
  });
}

/** The parser's limits for a route with its own: one file and one byte more when the use case judges. */
function routeLimits(options: UploadLimits, route: UploadRoute): UploadLimits & { reportLimits: boolean } {
  const reportLimits = route.reportLimits === true;
  return {
    ...options,
    maxFiles: route.maxFiles + (reportLimits ? 1 : 0),
    maxFileBytes: route.maxFileBytes + (reportLimits ? 1 : 0),
    reportLimits,
  };
}

async function receiveForm(
  request: WithReceived,
  payload: Readable,
  limits: UploadLimits & { reportLimits: boolean },
  folder: string,
): Promise<ReceivedForm> {
  const fields: Record<string, string | string[]> = {};
  const files: ReceivedFile[] = [];
  // Files finish writing in any order; the form lists them in the order they were sent.
  const arrival = new Map<ReceivedFile, number>();
  request[RECEIVED] = files;
  let gate: Promise<void> | undefined;
  const writes: Promise<void>[] = [];

  return new Promise<ReceivedForm>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      payload.unpipe(busboy);
      // What is still on the wire is read and dropped, never kept.
      payload.resume();
      reject(error instanceof Error ? error : new DomainError('bad_request'));
    };
    let busboy: BusboyInstance;
    try {
      busboy = Busboy({
        headers: request.headers as { 'content-type': string },
        limits: {
          fileSize: limits.maxFileBytes,
          files: limits.maxFiles,
          fields: limits.maxFields,
          fieldSize: limits.maxFieldBytes,
          parts: limits.maxFiles + limits.maxFields,
          headerPairs: 20,
        },
      });
    } catch {
      reject(new DomainError('form_broken'));
      return;
    }

    busboy.on('field', (name: string, value: string, _nameTruncated: boolean, valueTruncated: boolean) => {
      if (failed) return;
      if (valueTruncated) return fail(new DomainError('body_too_large'));
      const existing = fields[name];
      fields[name] =
        existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    });

    busboy.on('file', (fieldName: string, stream: Readable & { truncated?: boolean }, fileName: string) => {
      // A body cut off mid-file errors the part's stream too; the form as a whole is refused below.
      stream.on('error', () => undefined);
      if (failed || !fileName) {
        // An empty file input (nothing chosen) sends a part with no name: nothing to keep.
        stream.resume();
        return;
      }
      gate ??= Promise.resolve().then(async () => {
        const check = request.uploadGate;
        // No gate means the route group never said who may upload: refuse rather than accept.
        if (!check) throw new DomainError('forbidden');
        await check({ ...fields });
        await mkdir(folder, { recursive: true });
      });
      const path = join(folder, newId());
      const order = writes.length;
      const write = gate
        .then(async () => {
          if (failed) throw new DomainError('bad_request');
          let tooLarge = false;
          stream.on('limit', () => {
            tooLarge = true;
          });
          await pipeline(stream, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
          const file = { fieldName, fileName, sizeBytes: 0, path };
          files.push(file);
          arrival.set(file, order);
          if ((tooLarge || stream.truncated) && limits.reportLimits) {
            // Cut at one byte past the limit: its size says it was too large, the use case says so.
            file.sizeBytes = limits.maxFileBytes;
            return;
          }
          if (tooLarge || stream.truncated) {
            throw new DomainError('upload_too_large', {
              message: PLATFORM_TEXT.uploadTooLarge(limits.maxFileBytes),
            });
          }
          file.sizeBytes = (stream as Readable & { bytesRead?: number }).bytesRead ?? 0;
        })
        .catch((error: unknown) => {
          stream.resume();
          fail(error);
        });
      writes.push(write);
    });

    busboy.on('filesLimit', () => {
      // One file past the route's count was kept: enough for its use case to say there are too many.
      if (!limits.reportLimits) fail(new DomainError('too_many_files'));
    });
    busboy.on('fieldsLimit', () => fail(new DomainError('body_too_large')));
    busboy.on('partsLimit', () => fail(new DomainError('body_too_large')));
    busboy.on('error', () => fail(new DomainError('form_broken')));
    busboy.on('finish', () => {
      void Promise.all(writes).then(() => {
        const inOrder = [...files].sort((a, b) => arrival.get(a)! - arrival.get(b)!);
        if (!failed) resolve(new ReceivedForm(fields, inOrder));
      });
    });
    payload.on('error', () => fail(new DomainError('form_broken')));
    payload.pipe(busboy);
  });
}
