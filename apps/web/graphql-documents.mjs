// Vite plugin: every `graphql(`…`)` call in src/ becomes an import of that one document, so each
// lazy screen's chunk carries only the operations it sends. Without it, the client preset's
// `graphql()` looks documents up in generated/gql.ts, a map of ALL of them (and their parsed
// ASTs in generated/graphql.ts) that lands in the first page's bundle — about 200 kB of it.
// This is what the client preset's babel/swc plugins do; the app builds with Vite's own
// transformer, so it is done here. The generated files stay the source of truth: the map from
// a document's text to its export is read from gql.ts, the AST from graphql.ts. A `graphql(`
// left unreplaced (text not in gql.ts: run `npm run web:codegen`) fails the build.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const generatedDir = fileURLToPath(new URL('./src/graphql/generated/', import.meta.url));
const PREFIX = '\0lattice-document:';
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const IMPORT = /import\s*\{\s*graphql\s*\}\s*from\s*'[./]*(?:graphql\/)?generated(?:\/index)?';?/;

/** Document text → export name, from the `documents` map in generated/gql.ts. */
function readDocumentNames() {
  const source = readFileSync(generatedDir + 'gql.ts', 'utf8');
  const start = source.indexOf('const documents: Documents = {');
  const end = source.indexOf('\n};', start);
  const names = new Map();
  for (const line of source.slice(start, end).split('\n').slice(1)) {
    const match = /^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/.exec(line);
    if (match) names.set(JSON.parse(match[1]), match[2]);
  }
  return names;
}

/** Export name → the document's AST as JSON text, from generated/graphql.ts. */
function readDocumentAsts() {
  const asts = new Map();
  for (const line of readFileSync(generatedDir + 'graphql.ts', 'utf8').split('\n')) {
    const match = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/.exec(line);
    if (match) asts.set(match[1], match[2]);
  }
  return asts;
}

export function graphqlDocuments() {
  let names;
  let asts;
  const load = () => {
    names = readDocumentNames();
    asts = readDocumentAsts();
  };
  return {
    name: 'lattice-graphql-documents',
    enforce: 'pre',
    buildStart: load,
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      if (!asts) load();
      const name = id.slice(PREFIX.length);
      const ast = asts.get(name);
      if (!ast) throw new Error(`graphql-documents: no ${name} in generated/graphql.ts`);
      return `export default JSON.parse(${JSON.stringify(ast)});`;
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\/apps\/web\/src\/.*\.tsx?$/.test(file) || file.startsWith(generatedDir)) return null;
      if (!IMPORT.test(code)) return null;
      if (!names) load();
      const imports = [];
      // Same number of lines as the call it replaces, so the source map stays close.
      const replaced = code.replace(CALL, (call, text) => {
        const name = names.get(text);
        if (!name)
          throw new Error(
            `graphql-documents: ${file}: a document not in generated/gql.ts (run npm run web:codegen)`,
          );
        imports.push(`import __document_${name} from '${PREFIX}${name}';`);
        return `__document_${name}` + '\n'.repeat(call.split('\n').length - 1);
      });
      if (/\bgraphql\(/.test(replaced))
        throw new Error(`graphql-documents: ${file}: a graphql() call not replaced`);
      return { code: replaced.replace(IMPORT, [...new Set(imports)].join(' ')), map: null };
    },
  };
}
