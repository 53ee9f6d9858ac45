import { IdentityInitial1764300000000 } from './1764300000000-identity-initial';

export const IDENTITY_MIGRATIONS = [IdentityInitial1764300000000];
