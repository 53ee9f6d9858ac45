// Coded errors of the Open Badges core; the credentials service maps them with the rest of its table.
import { defineErrors } from '@lattice/shared-util-errors';

export const OpenBadgesErrors = defineErrors('OPENBADGES', {
  INVALID_KEY_ENCRYPTION_KEY: 'INTERNAL_SERVER_ERROR',
  KEY_DECRYPTION_FAILED: 'INTERNAL_SERVER_ERROR',
  NO_ACTIVE_KEY: 'FAILED_PRECONDITION',
  UNKNOWN_KEY: 'NOT_FOUND',
  KEY_REVOKED: 'FAILED_PRECONDITION',
  DOCUMENT_NOT_ALLOWED: 'BAD_USER_INPUT',
  UNKNOWN_VERIFICATION_METHOD: 'BAD_USER_INPUT',
  INVALID_CREDENTIAL_INPUT: 'BAD_USER_INPUT',
  STATUS_INDEX_OUT_OF_RANGE: 'BAD_USER_INPUT',
  INVALID_STATUS_LIST: 'BAD_USER_INPUT',
  REMOTE_DOCUMENT_FAILED: 'FAILED_PRECONDITION',
});

export type OpenBadgesErrorCode = keyof typeof OpenBadgesErrors.table;
