import { IdentityInitial1764300000000 } from './1764300000000-identity-initial';
import { IdentityOutboxRepublish1764400000000 } from './1764400000000-identity-outbox-republish';

export const IDENTITY_MIGRATIONS = [IdentityInitial1764300000000, IdentityOutboxRepublish1764400000000];
