import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { IDENTITY_SCHEMA } from '@lattice/identity-data-access';
import { SessionsEnded } from '../shared/sessions-ended';

/** Ends every session of the caller, this one included: tokens issued before now are refused everywhere. */
@Injectable()
export class SignOutEverywhereUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessionsEnded: SessionsEnded,
  ) {}

  async execute(principal: Principal): Promise<void> {
    await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager }) => {
      await this.sessionsEnded.endAll(manager, principal.userId);
    });
  }
}
