import { IdentityInitial1764300000000 } from './1764300000000-identity-initial';
import { IdentityOutboxRepublish1764400000000 } from './1764400000000-identity-outbox-republish';
import { IdentityEmailVerification1765000000000 } from './1765000000000-identity-email-verification';
import { IdentityOutboxMetadata1765200000000 } from './1765200000000-identity-outbox-metadata';
import { IdentityAccounts1766000000000 } from './1766000000000-identity-accounts';
import { IdentityUmbrellaJoinRequests1766100000000 } from './1766100000000-identity-umbrella-join-requests';
import { IdentityAuditLog1766200000000 } from './1766200000000-identity-audit-log';
import { IdentityApiKeys1766300000000 } from './1766300000000-identity-api-keys';
import { IdentityAuditRetention1767200000000 } from './1767200000000-identity-audit-retention';
import { IdentityPasswordResetDecoy1767201000000 } from './1767201000000-identity-password-reset-decoy';

export const IDENTITY_MIGRATIONS = [
  IdentityInitial1764300000000,
  IdentityOutboxRepublish1764400000000,
  IdentityEmailVerification1765000000000,
  IdentityOutboxMetadata1765200000000,
  IdentityAccounts1766000000000,
  IdentityUmbrellaJoinRequests1766100000000,
  IdentityAuditLog1766200000000,
  IdentityApiKeys1766300000000,
  IdentityAuditRetention1767200000000,
  IdentityPasswordResetDecoy1767201000000,
];
