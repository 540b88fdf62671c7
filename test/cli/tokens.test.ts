import { describe, expect, it } from 'vitest';
import { useCli } from './kit.ts';

/** `gongkai token create/list/revoke` and `gongkai serve` outside the demo, run as people run them. */
describe('gongkai token and serve', () => {
  const { run, runWith } = useCli({ migrate: true });

  it('refuses to serve a district that is not the demo without GONGKAI_PUBLIC_URL', () => {
    const result = runWith({ PORT: '0' }, 'serve');
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('GONGKAI_PUBLIC_URL');
  });

  it('creates, lists and revokes a token; a revoked one is listed as such and revoking again changes nothing', () => {
    expect(run('seed-demo').status).toBe(0);
    const created = run('token', 'create', '--user', 'jyj.editor', '--name', '数据对接');
    expect(created.status).toBe(0);
    expect(created.stdout.trim()).toMatch(/^gk_[A-Za-z0-9_-]{40,}$/);
    expect(created.stderr).toMatch(/有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

    const listed = run('token', 'list', '--user', 'jyj.editor');
    expect(listed.status).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.includes('数据对接'))!;
    expect(line).toMatch(/^[0-9a-z]{16} {2}数据对接 {2}创建 .+ {2}有效至 .+ {2}尚未使用$/);
    const id = line.slice(0, 16);

    const revoked = run('token', 'revoke', id);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`已撤销访问令牌 ${id}（数据对接）`);
    expect(run('token', 'list', '--user', 'jyj.editor').stdout).toMatch(new RegExp(`${id} {2}数据对接 .+ {2}已撤销 `));
    expect(run('token', 'revoke', id).status).toBe(0);
  }, 90_000);

  it.each([
    { args: ['token', 'revoke', '0000000000000000'], status: 1, stderr: '不存在' },
    { args: ['token', 'revoke'], status: 64, stderr: '用法' },
    { args: ['token', 'list', '--user', 'nobody'], status: 1, stderr: '用户 nobody 不存在' },
    { args: ['token', 'list'], status: 64, stderr: '--user' },
  ])('answers gongkai $args with exit $status', ({ args, status, stderr }) => {
    const result = run(...args);
    expect(result.status).toBe(status);
    expect(result.stderr).toContain(stderr);
  });
});
