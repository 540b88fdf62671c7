import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfFieldOf } from '../http/http-kit.ts';
import { childrenOf, freePort, isRunning } from '../processes.ts';
import { useCli } from './kit.ts';

const BIN = new URL('../../bin/gongkai.js', import.meta.url).pathname;
const PASSWORD = 'Workers-Test-2026';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request on a connection of its own, so successive requests are spread over the workers. */
function request(port: number, path: string, options: { method?: string; cookie?: string; form?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        agent: false,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.form
            ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(options.form) }
            : {}),
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${path} within 10 s`)));
    req.on('error', reject);
    req.end(options.form);
  });
}

function cookiesOf(answer: Answer, jar: Map<string, string>): string {
  for (const line of answer.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const [name, value] = pair!.split('=');
    jar.set(name!.trim(), value ?? '');
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * GONGKAI_WORKERS: several serving processes on one port and one database, kept running by the
 * first process. Sessions, sign-in and pages must not depend on which worker a connection reaches.
 */
describe('gongkai serve with several workers', () => {
  const cli = useCli({ prefix: 'gongkai-workers-' });
  let server: ChildProcess | undefined;
  let port = 0;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    const seeded = cli.runWith({ GONGKAI_DEMO_PASSWORD: PASSWORD }, 'seed-demo');
    if (seeded.status !== 0) throw new Error(`gongkai seed-demo failed: ${seeded.stderr}`);
    port = await freePort();
    server = spawn(process.execPath, [BIN, 'serve'], {
      env: cli.env({ PORT: String(port), HOST: '127.0.0.1', GONGKAI_WORKERS: '2', GONGKAI_SCHEDULER_SECONDS: '0' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const deadline = Date.now() + 60_000;
    while (!stdout.includes('已启动')) {
      if (server.exitCode !== null) throw new Error(`gongkai serve stopped (${server.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`gongkai serve did not start within 60 s: ${stderr}`);
      await delay(100);
    }
  }, 160_000);

  afterAll(() => {
    if (server && server.exitCode === null && server.signalCode === null) {
      for (const child of childrenOf(server.pid!)) process.kill(child, 'SIGKILL');
      server.kill('SIGKILL');
    }
  });

  it('prints the address and the number of workers once, and runs two of them', () => {
    expect(stdout).toContain(`http://localhost:${port}/`);
    expect(stdout).toContain('服务进程: 2 个');
    expect(stdout.split('已启动').length - 1).toBe(1);
    expect(childrenOf(server!.pid!)).toHaveLength(2);
  });

  it('keeps a sign-in across workers: form, sign-in and back office each on a new connection', async () => {
    const jar = new Map<string, string>();
    const form = await request(port, '/admin/login');
    expect(form.status).toBe(200);
    let cookie = cookiesOf(form, jar);
    const body = new URLSearchParams({
      _csrf: csrfFieldOf(form.body),
      username: 'bgs.editor',
      password: PASSWORD,
      next: '/admin/',
    }).toString();
    const signIn = await request(port, '/admin/login', { method: 'POST', cookie, form: body });
    expect(signIn.status, signIn.body.slice(0, 300)).toBe(303);
    cookie = cookiesOf(signIn, jar);
    for (let i = 0; i < 4; i++) {
      const page = await request(port, '/admin/', { cookie });
      expect(page.status).toBe(200);
      expect(page.body).toContain('bgs.editor');
    }
  });

  it('starts a worker again when one dies, and keeps answering meanwhile', async () => {
    const [victim, other] = childrenOf(server!.pid!);
    process.kill(victim!, 'SIGKILL');
    // A connection handed to the worker as it died is lost with it; once the death is seen, none is.
    const deadline = Date.now() + 15_000;
    while (!stderr.includes('正在重启') && Date.now() < deadline) await delay(50);
    for (let i = 0; i < 6; i++) expect((await request(port, '/xxgk/')).status).toBe(200);
    let workers = childrenOf(server!.pid!);
    while (!(workers.length === 2 && !workers.includes(victim!)) && Date.now() < deadline) {
      await delay(100);
      workers = childrenOf(server!.pid!);
    }
    expect(workers).toContain(other);
    expect(workers).toHaveLength(2);
    expect(workers).not.toContain(victim);
    expect(stderr).toContain('正在重启');
  }, 30_000);

  it('stops every worker and exits 0 on SIGTERM', async () => {
    const workers = childrenOf(server!.pid!);
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server!.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workers.filter((pid) => isRunning(pid))).toEqual([]);
  }, 30_000);
});

describe('gongkai serve with several workers on a port in use', () => {
  const cli = useCli({ prefix: 'gongkai-workers-busy-', migrate: true });

  it('says why and exits 1', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const result = cli.runWith(
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          GONGKAI_WORKERS: '2',
          GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn',
        },
        'serve',
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('服务进程启动失败');
    } finally {
      taken.close();
    }
  }, 90_000);
});
