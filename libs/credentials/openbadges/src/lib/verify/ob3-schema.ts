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

/**
 * One place a credential breaks the schema, as data a reader's language can word: MISSING (a
 * required `property` at `path`), WRONG_TYPE, BAD_FORMAT, NOT_ALLOWED (a value outside the allowed
 * ones), TOO_FEW (fewer items than needed), INVALID (anything else); `path` is a JSON pointer.
 */
export interface SchemaProblem {
  readonly code: 'MISSING' | 'WRONG_TYPE' | 'BAD_FORMAT' | 'NOT_ALLOWED' | 'TOO_FEW' | 'INVALID';
  readonly path: string;
  readonly property?: string;
}

export interface SchemaResult {
  readonly valid: boolean;
  /** Each problem in English (the validator's words). */
  readonly errors: readonly string[];
  /** The same problems as codes, when invalid. */
  readonly problems?: readonly SchemaProblem[];
}

const PROBLEM_BY_KEYWORD: Readonly<Record<string, SchemaProblem['code']>> = {
  required: 'MISSING',
  type: 'WRONG_TYPE',
  format: 'BAD_FORMAT',
  pattern: 'BAD_FORMAT',
  const: 'NOT_ALLOWED',
  enum: 'NOT_ALLOWED',
  minItems: 'TOO_FEW',
  minContains: 'TOO_FEW',
  contains: 'TOO_FEW',
};
export type SchemaValidator = (credential: unknown) => SchemaResult;

export function createOb3SchemaValidator(schema: object): SchemaValidator {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (credential) => {
    // The schema types `proof` as an array; VC 2.0 (and the reference signer) allow one object.
    const valid = validate(wrapProofs(credential));
    if (valid) return { valid, errors: [] };
    const errors = (validate.errors ?? []).slice(0, 10);
    return {
      valid,
      errors: errors.map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`),
      problems: errors.map((error) => {
        const missing = (error.params as { missingProperty?: unknown }).missingProperty;
        return {
          code: PROBLEM_BY_KEYWORD[error.keyword] ?? 'INVALID',
          path: error.instancePath || '/',
          ...(error.keyword === 'required' && typeof missing === 'string' ? { property: missing } : {}),
        };
      }),
    };
  };
}

function wrapProofs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wrapProofs);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[key] =
      key === 'proof' && member && typeof member === 'object' && !Array.isArray(member)
        ? [wrapProofs(member)]
        : wrapProofs(member);
  }
  return out;
}
