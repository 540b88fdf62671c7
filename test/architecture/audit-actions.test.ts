import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../src/app/audit-actions.ts';
import { PERMISSIONS } from '../../src/modules/access/domain/roles.ts';
import { readSources } from '../../tools/module-graph.ts';

const HAN = /[\u4e00-\u9fa5]/;

/**
 * Every action any module records in the audit log has a Chinese label in the viewer: every
 * `'<resource>.<event>'` name written in a module's use cases and jobs (permissions aside), and
 * every module's own label list, all found in what the composition root gives the viewer.
 */
describe('audit actions', () => {
  const sources = readSources('src/modules');
  const recorded = new Set<string>();
  const permissions = new Set<string>(PERMISSIONS);
  for (const [path, source] of sources) {
    if (path.endsWith('.test.ts') || !/\/(commands|jobs)\//.test(path)) continue;
    for (const match of source.matchAll(/'((?:auth|user|org|settings|document|catalog|calendar|report)\.[a-z_]+)'/g)) {
      if (!permissions.has(match[1]!)) recorded.add(match[1]!);
    }
  }
  const labelFiles = [...sources.keys()].filter((path) => path.endsWith('/audit-actions.ts'));

  it('finds the actions the modules record', () => {
    expect(recorded.size).toBeGreaterThan(40);
    expect(labelFiles.length).toBeGreaterThanOrEqual(6);
  });

  it('labels every recorded action in Chinese', () => {
    const missing = [...recorded].filter(
      (action) => !HAN.test(AUDIT_ACTION_LABELS[action as `${string}.${string}`] ?? ''),
    );
    expect(missing).toEqual([]);
  });

  it('gives the viewer every module’s label list', () => {
    const listed = labelFiles.flatMap((path) =>
      [...sources.get(path)!.matchAll(/^\s+'([a-z_]+\.[a-z_]+)': '/gm)].map((m) => m[1]!),
    );
    expect(listed.filter((action) => !(action in AUDIT_ACTION_LABELS))).toEqual([]);
  });
});
