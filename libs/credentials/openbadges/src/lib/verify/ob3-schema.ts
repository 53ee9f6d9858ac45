// 1EdTech's OB 3.0 JSON Schema (draft 2019-09), compiled once with ajv.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';

/** Where the repository keeps the schema (see its README); relative to the working directory. */
export const OB3_SCHEMA_FILE = 'data/ob3/ob_v3p0_achievementcredential_schema.json';

export function loadOb3Schema(file: string = OB3_SCHEMA_FILE): object {
  return JSON.parse(readFileSync(resolve(file), 'utf8')) as object;
}

export interface SchemaResult {
  readonly valid: boolean;
  readonly errors: readonly string[];
}
export type SchemaValidator = (credential: unknown) => SchemaResult;

export function createOb3SchemaValidator(schema: object): SchemaValidator {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (credential) => {
    // The schema types `proof` as an array; VC 2.0 (and the reference signer) allow one object.
    const valid = validate(wrapProofs(credential));
    return {
      valid,
      errors: valid ? [] : (validate.errors ?? []).slice(0, 10).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`),
    };
  };
}

function wrapProofs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wrapProofs);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[key] = key === 'proof' && member && typeof member === 'object' && !Array.isArray(member) ? [wrapProofs(member)] : wrapProofs(member);
  }
  return out;
}
