import { defineErrors } from '@lattice/shared-util-errors';

/** An ESCO import fails on the operator's file, never silently: every code is BAD_USER_INPUT. */
export const EscoErrors = defineErrors('ESCO', {
  UNSUPPORTED_LAYOUT: 'BAD_USER_INPUT',
  UNKNOWN_LANGUAGE: 'BAD_USER_INPUT',
  UNKNOWN_COLLECTION: 'BAD_USER_INPUT',
  INVALID_VALUE: 'BAD_USER_INPUT',
  CONFLICTING_CONCEPT_TYPE: 'BAD_USER_INPUT',
});
