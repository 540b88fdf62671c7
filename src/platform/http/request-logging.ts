import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 };

/**
 * Request logging that costs little under load. Fastify's own logging writes two lines at `info`
 * for every request ("incoming request" and "request completed"); this writes one, after the
 * answer, and under a traffic spike (almost all successful public reads) at `debug`, so the
 * default `info` level keeps errors, writes and everything staff do.
 */
export function requestLogController(options: { isStaff: (request: FastifyRequest) => boolean }): LogController {
  class QuietPublicReads extends LogController {
    override incomingRequest(): void {}

    override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
      const status = reply.statusCode;
      const read = request.method === 'GET' || request.method === 'HEAD';
      const level =
        error || status >= 500 ? 'error' : status >= 400 || !read || options.isStaff(request) ? 'info' : 'debug';
      // Skips building the line when the level is off.
      if ((LEVELS[level] ?? 0) < (LEVELS[request.log.level] ?? 0)) return;
      request.log[level](
        {
          method: request.method,
          url: request.url,
          route: request.routeOptions.url,
          status,
          ms: Math.round(reply.elapsedTime * 10) / 10,
          ...(error ? { err: error } : {}),
        },
        'request',
      );
    }
  }
  return new QuietPublicReads();
}
