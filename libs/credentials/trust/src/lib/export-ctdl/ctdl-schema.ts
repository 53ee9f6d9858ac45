// The bundled CTDL credential schema (data/ctdl, Credential Engine's CTDL_Json_Validation_Schema)
// as an ajv validator, for tests of the CTDL export. The schema is draft-04 and from 2019: it types
// language strings (`meta:langstring`) as plain strings, while CTDL JSON-LD now writes them as
// language maps; that one definition is widened to accept either (see data/ctdl/README.md).
// Everything else is validated as published.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** Where the repository keeps the schema; relative to the working directory. */
export const CTDL_CREDENTIAL_SCHEMA_FILE = 'data/ctdl/credentialSchema.json';

export interface CtdlValidation {
  readonly valid: boolean;
  readonly errors: string[];
}

export function createCtdlCredentialValidator(
  file: string = CTDL_CREDENTIAL_SCHEMA_FILE,
): (document: unknown) => CtdlValidation {
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { definitions: Record<string, unknown> };
  const definitions = {
    ...schema.definitions,
    'meta:langstring': {
      anyOf: [
        { type: 'string' },
        {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
          additionalProperties: { type: 'string' },
        },
      ],
    },
  };
  // Draft-04 keywords used here (anyOf, enum, required, additionalProperties, $ref) mean the same
  // in ajv's default draft; the draft-04 meta-schema itself is not bundled, so it is not checked.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  const validate = ajv.compile({ ...schema, $schema: undefined, definitions });
  return (document) => {
    const valid = validate(document);
    return {
      valid,
      errors: valid
        ? []
        : (validate.errors ?? []).map(
            (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
          ),
    };
  };
}
