// Where an organization's designs wait, and on whom: per stage, how many designs are in it now,
// the average time designs spent in it, and which organizations the waiting designs wait on.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { approvalState, waitingOn } from '@lattice/credentials-domain';
import { DESIGN_STAGES, type DesignStage } from '@lattice/shared-contracts';
import {
  designsPerStageOfParty,
  openDesignsOfParty,
  stageVisitsOfParty,
} from '@lattice/credentials-data-access';

export interface DesignStageSummary {
  readonly stage: DesignStage;
  /** Designs in this stage now. */
  readonly current: number;
  /** Designs that have ever been in it. */
  readonly visited: number;
  /** Mean total time per visiting design, in ms (current stays counted up to now). */
  readonly averageMs: number;
  /** For the designs in this stage now: how many wait on each organization. */
  readonly waitingOn: ReadonlyArray<{ readonly organizationId: string; readonly designs: number }>;
}

@Injectable()
export class SummarizeDesignStagesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, organizationId: string): Promise<DesignStageSummary[]> {
    await this.authorizer.requireRole(principal, organizationId, 'MEMBER');
    const visits = await stageVisitsOfParty(this.dataSource.manager, organizationId);
    const open = await openDesignsOfParty(this.dataSource.manager, organizationId);
    const current = await designsPerStageOfParty(this.dataSource.manager, organizationId);

    return DESIGN_STAGES.map((stage) => {
      const visit = visits.find((v) => v.stage === stage);
      const waits = new Map<string, number>();
      for (const design of open.filter((d) => d.stage === stage)) {
        const state = approvalState(
          design.issuer_id,
          design.partner_ids,
          design.approved.map((id) => ({ organizationId: id, version: design.version })),
          design.version,
        );
        for (const id of waitingOn(stage, design.issuer_id, state)) waits.set(id, (waits.get(id) ?? 0) + 1);
      }
      return {
        stage,
        current: current.find((c) => c.stage === stage)?.n ?? 0,
        visited: visit?.visited ?? 0,
        averageMs: visit && visit.visited > 0 ? Math.round(visit.total_ms / visit.visited) : 0,
        waitingOn: [...waits]
          .map(([id, designs]) => ({ organizationId: id, designs }))
          .sort((a, b) => b.designs - a.designs || a.organizationId.localeCompare(b.organizationId)),
      };
    });
  }
}
