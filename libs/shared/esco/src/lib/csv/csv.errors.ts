import { defineErrors } from '@lattice/shared-util-errors';

/** A CSV file that cannot be read as RFC 4180 is the uploader's problem, not ours: BAD_USER_INPUT. */
export const CsvErrors = defineErrors('CSV', {
  MALFORMED_CSV: 'BAD_USER_INPUT',
  INVALID_ENCODING: 'BAD_USER_INPUT',
});
