// Finds open needs whose needed-by date falls within the notice period and announces each once
// per need and date (marketplace.need.expiring), so the employer's people can close a filled need
// or move its date. Idempotent: the need remembers the date it announced, so running it again —
// or on two replicas at once — emits nothing new; a need given a new date is announced again.
// NeedExpiryWatch runs it every minute.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { MARKETPLACE_SCHEMA, markExpiringNeeds } from '@lattice/marketplace-data-access';

/** How many days before its needed-by date a need is announced as expiring. */
export const NEED_EXPIRY_NOTICE_DAYS = 7;

export interface ExpiringNeed {
  readonly needId: string;
  readonly neededBy: string;
}

@Injectable()
export class DetectExpiringNeedsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    now = new Date(),
    noticeDays = NEED_EXPIRY_NOTICE_DAYS,
    limit = 500,
  ): Promise<ExpiringNeed[]> {
    const today = now.toISOString().slice(0, 10);
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager, emit }) => {
      const rows = await markExpiringNeeds(manager, today, noticeDays, limit);
      for (const row of rows) {
        emit({
          type: 'marketplace.need.expiring',
          actorId: null,
          payload: {
            needId: row.id,
            organizationId: row.organization_id,
            title: row.title,
            neededBy: row.needed_by,
          },
        });
      }
      return rows.map((row) => ({ needId: row.id, neededBy: row.needed_by }));
    });
  }
}
