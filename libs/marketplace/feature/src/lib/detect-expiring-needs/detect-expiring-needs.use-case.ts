// Finds open needs whose needed-by date falls within the notice period and announces each once
// per need and date (marketplace.need.expiring), so the employer's people can close a filled need
// or move its date. Idempotent: the need remembers the date it announced, so running it again —
// or on two replicas at once — emits nothing new; a need given a new date is announced again.
// NeedExpiryWatch runs it every minute.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { MARKETPLACE_SCHEMA } from '@lattice/marketplace-data-access';

/** How many days before its needed-by date a need is announced as expiring. */
export const NEED_EXPIRY_NOTICE_DAYS = 7;

export interface ExpiringNeed {
  readonly needId: string;
  readonly neededBy: string;
}

@Injectable()
export class DetectExpiringNeedsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(now = new Date(), noticeDays = NEED_EXPIRY_NOTICE_DAYS, limit = 500): Promise<ExpiringNeed[]> {
    const today = now.toISOString().slice(0, 10);
    return inTransaction(this.dataSource, MARKETPLACE_SCHEMA, async ({ manager, emit }) => {
      const [rows] = (await manager.query(
        `UPDATE "marketplace"."skill_needs" n SET "expiry_notified_for" = n."needed_by"
          WHERE n."id" IN (
            SELECT "id" FROM "marketplace"."skill_needs"
             WHERE "status" = 'OPEN' AND "needed_by" IS NOT NULL AND "needed_by" BETWEEN $1::date AND $1::date + $2::int
               AND "expiry_notified_for" IS DISTINCT FROM "needed_by"
             ORDER BY "needed_by" LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING n."id", n."organization_id", n."title", to_char(n."needed_by", 'YYYY-MM-DD') AS "needed_by"`,
        [today, noticeDays, limit],
      )) as [Array<{ id: string; organization_id: string; title: string; needed_by: string }>, number];
      for (const row of rows) {
        emit({ type: 'marketplace.need.expiring', actorId: null, payload: { needId: row.id, organizationId: row.organization_id, title: row.title, neededBy: row.needed_by } });
      }
      return rows.map((row) => ({ needId: row.id, neededBy: row.needed_by }));
    });
  }
}
