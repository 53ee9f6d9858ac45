// The web app's API types come from the checked-in supergraph (apps/gateway/supergraph.graphql):
// graphql-codegen's client preset reads every `graphql(`…`)` document under src/ and writes
// src/graphql/generated/ (checked in, never edited by hand). `npm run typecheck` runs it with
// --check first: a document the schema does not accept, or generated files older than the
// documents or the schema, fail typecheck. Regenerate with `npm run web:codegen`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import { parse } from 'graphql';
import type { CodegenConfig } from '@graphql-codegen/cli';

const src = 'apps/web/src';
const generated = `${src}/graphql/generated/`;

// The documents, one pointer each, in file order: the schema must load unsorted (drop-downs
// list enum values in the schema's order), and unsorted glob loading returns files in the order
// their reads finish, which would make the output differ from run to run. Each pointer's loader
// hands codegen the document exactly as written (its text is the key `graphql()` looks up).
const documents = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file) && !join(src, file).startsWith(generated.slice(0, -1)))
  .sort()
  .flatMap((file) =>
    gqlPluckFromCodeStringSync(join(src, file), readFileSync(join(src, file), 'utf8'), {
      globalGqlIdentifierName: 'graphql',
      skipIndent: true,
    }).map((source, index) => ({
      [`${join(src, file)}#${index}`]: {
        loader: () => ({ document: parse(source.body), rawSDL: source.body, location: join(src, file) }),
      },
    })),
  );

// `sort` is a load option codegen passes through (not in its Config type): false keeps the
// schema's order.
const config: CodegenConfig & { sort: boolean } = {
  schema: 'apps/gateway/supergraph.graphql',
  // Codegen's type names a module path as `loader`; graphql-tools' loader takes the function too.
  documents: documents as unknown as CodegenConfig['documents'],
  sort: false,
  ignoreNoDocuments: false,
  generates: {
    [generated]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        enumType: 'const',
        useTypeImports: true,
        strictScalars: true,
        // join__* and link__* are the supergraph's federation plumbing; no operation uses them.
        scalars: {
          DateTime: 'string',
          JSON: 'unknown',
          join__DirectiveArguments: 'never',
          join__FieldSet: 'never',
          join__FieldValue: 'never',
          link__Import: 'never',
        },
        skipTypename: true,
      },
    },
  },
};

export default config;
