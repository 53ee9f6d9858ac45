import { CredentialsInitial1764300000300 } from './1764300000300-credentials-initial';

export const CREDENTIALS_MIGRATIONS = [CredentialsInitial1764300000300];
