// The module rules of ARCHITECTURE.md, as an ESLint rule: a module is a room with one door.
//
// - A file of one module imports another module only through its door, `src/modules/<name>/index.ts`.
// - No module imports the composition root (`src/app/`) or an adapter (`src/adapters/`): it names a
//   port and the composition root hands it an adapter.
// - `src/platform/` imports no module, no adapter and not the composition root.
// - `domain/` is pure: it imports the platform, reference data, its own module's domain and
//   strings, packages (no Node built-ins but `node:crypto`), and from other modules types only.
import path from 'node:path';

const SRC = `${path.sep}src${path.sep}`;

/** Where a file sits: its area (modules, platform, app, adapters…), its module and its folder in it. */
function placeOf(file) {
  const at = file.lastIndexOf(SRC);
  if (at < 0) return undefined;
  const parts = file.slice(at + SRC.length).split(path.sep);
  return {
    area: parts[0],
    module: parts[0] === 'modules' ? parts[1] : undefined,
    folder: parts[0] === 'modules' ? parts[2] : undefined,
    parts,
  };
}

function check(context, node, source, isTypeOnly) {
  if (typeof source !== 'string') return;
  const from = placeOf(context.filename);
  if (!from) return;
  const report = (message) => context.report({ node, message });
  if (!source.startsWith('.')) {
    if (from.module && from.folder === 'domain' && source.startsWith('node:') && source !== 'node:crypto') {
      report(`domain code is pure: ${source} is not allowed in domain/`);
    }
    return;
  }
  const to = placeOf(path.resolve(path.dirname(context.filename), source));
  if (!to) return;
  if (from.area === 'platform' && ['modules', 'app', 'adapters'].includes(to.area)) {
    report(
      `src/platform/ imports no ${to.area === 'modules' ? 'module' : to.area === 'app' ? 'composition root' : 'adapter'} (${source})`,
    );
    return;
  }
  if (from.area !== 'modules') return;
  if (to.area === 'app')
    return report(`a module does not import the composition root (${source}); take what you need as a dependency`);
  if (to.area === 'adapters') return report(`a module does not import an adapter (${source}); name a port in ports.ts`);
  const crossing = to.area === 'modules' && to.module !== from.module;
  const throughDoor = crossing && to.parts.length === 3 && to.parts[2] === 'index.ts';
  if (crossing && !throughDoor) {
    return report(`import another module only through its door: ../../${to.module}/index.ts, not ${source}`);
  }
  if (from.folder === 'domain') {
    const pure =
      to.area === 'platform' ||
      to.area === 'reference' ||
      (to.area === 'modules' && to.module === from.module && to.parts[2] === 'domain') ||
      (to.area === 'modules' && to.module === from.module && to.parts[2] === 'strings.ts') ||
      (crossing && isTypeOnly);
    if (!pure)
      report(
        `domain code is pure: it imports the platform, reference data, its own domain, and other modules' types only (${source})`,
      );
  }
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Module boundaries: one door per module, pure domain, platform free of modules' },
    schema: [],
  },
  create(context) {
    const typeOnly = (node) =>
      node.importKind === 'type' ||
      (node.specifiers?.length > 0 &&
        node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')) ||
      node.exportKind === 'type';
    return {
      ImportDeclaration: (node) => check(context, node, node.source.value, typeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value, typeOnly(node)),
      ExportAllDeclaration: (node) => check(context, node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(context, node, node.source.value, false),
    };
  },
};

export default { rules: { boundaries: rule } };
