/**
 * The modules' import graph, and the cycles in it. Modules must form layers (access → audit →
 * orgs → calendar → documents → catalog → site …): a cycle means two rooms lean on each other and
 * neither can be understood, tested or replaced alone. Run by `npm run check`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

/** The module a path of the source tree belongs to (`src/modules/<name>/…`), or undefined. */
export function moduleOf(path: string): string | undefined {
  const parts = normalize(path).split(sep);
  const at = parts.indexOf('modules');
  return at >= 0 && parts[at - 1] === 'src' ? parts[at + 1] : undefined;
}

/** Module → the modules its files import, from each file's source text. */
export function moduleGraph(files: Map<string, string>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, source] of files) {
    const from = moduleOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of source.matchAll(IMPORT)) {
      const to = moduleOf(join(dirname(file), match[1]!));
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle between modules, each as the modules along it (first one repeated at the end). */
export function moduleCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const walk = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      cycles.push([...trail.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of [...(graph.get(node) ?? [])].sort()) walk(next, [...trail, node]);
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) walk(node, []);
  return cycles;
}

/** The TypeScript sources under a folder, by path. */
export function readSources(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(ts|tsx)$/.test(name)) files.set(path, readFileSync(path, 'utf8'));
    }
  };
  visit(folder);
  return files;
}

if (process.argv[1] && relative(process.cwd(), process.argv[1]).replace(/\\/g, '/') === 'tools/module-graph.ts') {
  const graph = moduleGraph(readSources('src'));
  const cycles = moduleCycles(graph);
  if (cycles.length > 0) {
    process.stderr.write(`Import cycles between modules:\n${cycles.map((c) => `  ${c.join(' → ')}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    const layers = [...graph.entries()].map(([m, deps]) => `${m} → ${[...deps].sort().join(', ') || '—'}`);
    process.stdout.write(
      `No import cycles between ${graph.size} modules:\n${layers.map((l) => `  ${l}`).join('\n')}\n`,
    );
  }
}
