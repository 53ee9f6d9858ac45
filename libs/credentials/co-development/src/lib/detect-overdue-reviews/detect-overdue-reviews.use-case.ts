// Finds designs still in review past their due date and announces each once per version
// (credentials.design.review_overdue). Idempotent: the design remembers the version it announced,
// so running it again — or on two workers at once — emits nothing new. ReviewOverdueWatch runs it every minute.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { approvalsOfVersion, CREDENTIALS_SCHEMA, flagOverdueReviews } from '@lattice/credentials-data-access';
import { approvalState } from '@lattice/credentials-domain';

export interface OverdueDesign {
  readonly designId: string;
  readonly version: number;
  readonly awaiting: readonly string[];
}

@Injectable()
export class DetectOverdueReviewsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(now = new Date(), limit = 500): Promise<OverdueDesign[]> {
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const rows = await flagOverdueReviews(manager, now, limit);
      const overdue: OverdueDesign[] = [];
      for (const row of rows) {
        const approvals = await approvalsOfVersion(manager, row.id, row.version);
        const state = approvalState(
          row.issuer_id,
          row.partner_ids,
          approvals.filter((a) => !a.withdrawnAt),
          row.version,
        );
        emit({
          type: 'credentials.design.review_overdue',
          actorId: null,
          payload: {
            designId: row.id,
            title: row.title,
            issuerId: row.issuer_id,
            version: row.version,
            reviewDueAt: new Date(row.review_due_at).toISOString(),
            awaiting: [...state.pending],
          },
        });
        overdue.push({ designId: row.id, version: row.version, awaiting: state.pending });
      }
      return overdue;
    });
  }
}
