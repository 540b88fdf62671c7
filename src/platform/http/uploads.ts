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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route takes files (multipart/form-data); every other route refuses them unread. */
    uploads?: boolean;
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
    if (request.routeOptions.config.uploads !== true) {
      done(new DomainError('unsupported_media_type'), undefined);
      return;
    }
    receiveForm(request as WithReceived, payload, options, folder).then(
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

async function receiveForm(
  request: WithReceived,
  payload: Readable,
  limits: UploadLimits,
  folder: string,
): Promise<ReceivedForm> {
  const fields: Record<string, string | string[]> = {};
  const files: ReceivedFile[] = [];
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

    busboy.on('filesLimit', () => fail(new DomainError('too_many_files')));
    busboy.on('fieldsLimit', () => fail(new DomainError('body_too_large')));
    busboy.on('partsLimit', () => fail(new DomainError('body_too_large')));
    busboy.on('error', () => fail(new DomainError('form_broken')));
    busboy.on('finish', () => {
      void Promise.all(writes).then(() => {
        if (!failed) resolve(new ReceivedForm(fields, files));
      });
    });
    payload.on('error', () => fail(new DomainError('form_broken')));
    payload.pipe(busboy);
  });
}
