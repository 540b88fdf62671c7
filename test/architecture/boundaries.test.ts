import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import boundaries from '../../tools/eslint-boundaries.js';
import { moduleCycles, moduleGraph, readSources } from '../../tools/module-graph.ts';

/** The boundaries rule alone, so planted files need no type information. */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { gongkai: boundaries },
      rules: { 'gongkai/boundaries': 'error' },
    },
  ],
});

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.message);
}

/**
 * The module rules hold, and would catch a break: one door per module, no module reaching into the
 * composition root or an adapter, a platform free of modules, pure domain code, and no cycles.
 */
describe('module boundaries', () => {
  it.each([
    {
      what: 'a deep import from one module into another’s commands/',
      file: 'src/modules/catalog/http/planted.ts',
      code: "import { createDraft } from '../../documents/commands/create-draft.ts';\nexport const x = createDraft;\n",
      message: /only through its door: \.\.\/\.\.\/documents\/index\.ts/,
    },
    {
      what: 'a module importing the composition root',
      file: 'src/modules/documents/http/planted.ts',
      code: "import type { AppContext } from '../../../app/context.ts';\nexport type X = AppContext;\n",
      message: /does not import the composition root/,
    },
    {
      what: 'a module importing an adapter',
      file: 'src/modules/catalog/http/planted.ts',
      code: "import { readWorkbook } from '../../../adapters/xlsx/workbook.ts';\nexport const x = readWorkbook;\n",
      message: /does not import an adapter/,
    },
    {
      what: 'the platform importing a module',
      file: 'src/platform/http/planted.ts',
      code: "import type { Actor } from '../../modules/access/index.ts';\nexport type X = Actor;\n",
      message: /src\/platform\/ imports no module/,
    },
    {
      what: 'domain code importing another module’s values',
      file: 'src/modules/catalog/domain/planted.ts',
      code: "import { can } from '../../access/index.ts';\nexport const x = can;\n",
      message: /domain code is pure/,
    },
    {
      what: 'domain code importing a Node built-in',
      file: 'src/modules/catalog/domain/planted.ts',
      code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      message: /domain code is pure/,
    },
  ])('refuses $what', async ({ file, code, message }) => {
    expect(await problemsOf(file, code)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    {
      what: 'another module through its door',
      file: 'src/modules/catalog/http/planted.ts',
      code: "import { findEditions } from '../../documents/index.ts';\nexport const x = findEditions;\n",
    },
    {
      what: 'types of another module in domain code',
      file: 'src/modules/catalog/domain/planted.ts',
      code: "import type { Permission } from '../../access/index.ts';\nexport type X = Permission;\n",
    },
    {
      what: 'a file of its own module',
      file: 'src/modules/documents/http/planted.ts',
      code: "import { createDraft } from '../commands/create-draft.ts';\nexport const x = createDraft;\n",
    },
  ])('allows $what', async ({ file, code }) => {
    expect(await problemsOf(file, code)).toEqual([]);
  });

  it('finds a cycle planted between two modules', () => {
    const files = new Map([
      ['src/modules/documents/http/a.ts', "import { x } from '../../catalog/index.ts';"],
      ['src/modules/catalog/queries/b.ts', "import { y } from '../../documents/index.ts';"],
      ['src/modules/access/domain/c.ts', "import { z } from '../../../platform/errors.ts';"],
    ]);
    expect(moduleCycles(moduleGraph(files))).toEqual([['catalog', 'documents', 'catalog']]);
  });

  it('finds no cycle between the modules as they are, and every module has its door', () => {
    const graph = moduleGraph(readSources('src'));
    expect(moduleCycles(graph)).toEqual([]);
    const modules = [...graph.keys()];
    expect(modules.length).toBeGreaterThanOrEqual(8);
    const sources = readSources('src/modules');
    for (const name of modules) expect(sources.has(`src/modules/${name}/index.ts`), name).toBe(true);
  });
});
