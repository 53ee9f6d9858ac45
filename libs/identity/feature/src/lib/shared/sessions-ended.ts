// Ends every session of a person: access tokens issued before now are refused by every service
// (through the shared revocation moment), and every refresh token is revoked.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { revokeRefreshTokensOf, setSessionsValidAfter } from '@lattice/identity-data-access';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';

@Injectable()
export class SessionsEnded {
  constructor(@Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions) {}

  /**
   * Inside the caller's transaction. The shared moment is written before the transaction commits:
   * if the commit then fails, sessions were ended for nothing (safe); never the other way round.
   */
  async endAll(manager: EntityManager, userId: string): Promise<Date> {
    const now = new Date();
    await setSessionsValidAfter(manager, userId, now);
    await revokeRefreshTokensOf(manager, userId, now);
    await this.options.sessionRevocations?.revoke(userId, now.getTime());
    return now;
  }

  /**
   * Refuses the person's access tokens issued before now (their role or membership changed), but
   * keeps their refresh tokens: refreshing gives a token with what they hold now.
   */
  async endAccessTokens(manager: EntityManager, userId: string): Promise<void> {
    const now = new Date();
    await setSessionsValidAfter(manager, userId, now);
    await this.options.sessionRevocations?.revoke(userId, now.getTime());
  }
}
