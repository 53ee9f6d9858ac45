// Where an organization's designs wait, and on whom: per stage, how many designs are in it now,
// the average time designs spent in it, and which organizations the waiting designs wait on.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { approvalState, waitingOn } from '@lattice/credentials-domain';
import { DESIGN_STAGES, type DesignStage } from '@lattice/shared-contracts';

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
    const scope = `(d."issuer_id" = $1 OR d."partner_ids" @> ARRAY[$1]::uuid[])`;
    const visits = (await this.dataSource.query(
      `SELECT h."stage", count(DISTINCT h."design_id")::int AS "visited",
              (sum(extract(epoch FROM coalesce(h."left_at", now()) - h."entered_at")) * 1000)::float8 AS "total_ms"
         FROM "credentials"."design_stage_history" h JOIN "credentials"."designs" d ON d."id" = h."design_id"
        WHERE ${scope} GROUP BY h."stage"`,
      [organizationId],
    )) as Array<{ stage: DesignStage; visited: number; total_ms: number }>;
    const open = (await this.dataSource.query(
      `SELECT d."stage", d."issuer_id", d."partner_ids", d."version",
              coalesce(array_agg(a."organization_id") FILTER (WHERE a."organization_id" IS NOT NULL), '{}') AS "approved"
         FROM "credentials"."designs" d
         LEFT JOIN "credentials"."design_approvals" a ON a."design_id" = d."id" AND a."version" = d."version" AND a."withdrawn_at" IS NULL
        WHERE ${scope} AND d."stage" NOT IN ('PUBLISHED', 'RETIRED')
        GROUP BY d."id"`,
      [organizationId],
    )) as Array<{ stage: DesignStage; issuer_id: string; partner_ids: string[]; version: number; approved: string[] }>;
    const current = (await this.dataSource.query(`SELECT d."stage", count(*)::int AS "n" FROM "credentials"."designs" d WHERE ${scope} GROUP BY d."stage"`, [
      organizationId,
    ])) as Array<{ stage: DesignStage; n: number }>;

    return DESIGN_STAGES.map((stage) => {
      const visit = visits.find((v) => v.stage === stage);
      const waits = new Map<string, number>();
      for (const design of open.filter((d) => d.stage === stage)) {
        const state = approvalState(design.issuer_id, design.partner_ids, design.approved.map((id) => ({ organizationId: id, version: design.version })), design.version);
        for (const id of waitingOn(stage, design.issuer_id, state)) waits.set(id, (waits.get(id) ?? 0) + 1);
      }
      return {
        stage,
        current: current.find((c) => c.stage === stage)?.n ?? 0,
        visited: visit?.visited ?? 0,
        averageMs: visit && visit.visited > 0 ? Math.round(visit.total_ms / visit.visited) : 0,
        waitingOn: [...waits].map(([id, designs]) => ({ organizationId: id, designs })).sort((a, b) => b.designs - a.designs || a.organizationId.localeCompare(b.organizationId)),
      };
    });
  }
}
