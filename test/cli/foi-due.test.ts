import { describe, expect, it } from 'vitest';
import { useCli } from './kit.ts';

describe('gongkai foi due (条例 Art. 30, 33)', () => {
  const cli = useCli({ prefix: 'gongkai-foi-due-' });
  const run = (...args: string[]) => cli.run('foi', 'due', ...args);

  it.each([
    { label: 'Art. 33 ¶1 with 调休: received 2026-09-18', args: ['--received', '2026-09-18'], due: '2026-10-22' },
    {
      label: 'Art. 33 ¶2: with a 20-working-day extension',
      args: ['--received', '2026-09-18', '--extension-days', '20'],
      due: '2026-11-19',
    },
    {
      label: 'Art. 30: restarted from the corrected application received 2026-03-16',
      args: ['--received', '2026-03-02', '--corrected', '2026-03-16'],
      due: '2026-04-14',
    },
  ])('$label → $due on the first line', ({ args, due }) => {
    const result = run(...args);
    expect(result.stdout.split('\n')[0]).toBe(due);
    expect(result.stdout).toContain('第三十三条');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    { label: 'no receipt date', args: [], message: '日期不正确' },
    { label: 'a date that does not exist', args: ['--received', '2026-02-30'], message: '日期不正确' },
    {
      label: 'an extension over the cap',
      args: ['--received', '2026-09-18', '--extension-days', '21'],
      message: '1至20个工作日',
    },
    { label: 'an unknown option', args: ['--received', '2026-09-18', '--days', '3'], message: '用法' },
    {
      label: 'a correction before the receipt',
      args: ['--received', '2026-09-18', '--corrected', '2026-09-01'],
      message: '不能早于',
    },
  ])('refuses $label with exit code 64', ({ args, message }) => {
    const result = run(...args);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});
