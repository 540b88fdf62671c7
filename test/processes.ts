import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The state letter and parent of a process, from /proc; undefined once it is gone. */
function statOf(pid: number | string): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) in parentheses: state, ppid, …
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state!, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Whether a process is running (not ended, not a zombie waiting for its parent). */
export function isRunning(pid: number): boolean {
  const stat = statOf(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/** The running child processes of `pid`, lowest first. */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      const stat = statOf(entry);
      return stat !== undefined && stat.ppid === pid && stat.state !== 'Z';
    })
    .map(Number)
    .sort((a, b) => a - b);
}

const GONGKAI_BIN = new URL('../bin/gongkai.js', import.meta.url).pathname;

/**
 * Starts `gongkai serve` as a process of its own on a free port and waits until GET /healthz answers
 * 200 (30 s at most); stderr is kept for the error when it stops instead.
 */
export async function startServe(env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; port: number }> {
  const port = await freePort();
  const server = spawn(process.execPath, [GONGKAI_BIN, 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`gongkai serve stopped (${server.exitCode ?? server.signalCode}): ${stderr}`);
    }
    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) }).catch(
      () => undefined,
    );
    if (health?.status === 200) return { server, port };
    if (Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`gongkai serve did not answer /healthz within 30 s: ${stderr}`);
    }
    await delay(100);
  }
}

/** A database of its own on the PostgreSQL test server (`serverUrl`), and a way to drop it. */
export async function scratchPostgresDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
