// The designs an organization takes part in (as issuer or partner), newest first, by stage.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import type { PageRequest } from '@lattice/shared-graphql';
import { DesignEntity } from '@lattice/credentials-data-access';
import { type DesignStage } from '@lattice/shared-contracts';

@Injectable()
export class ListCredentialDesignsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, organizationId: string, stage: DesignStage | null, page: PageRequest): Promise<{ rows: DesignEntity[]; total: number }> {
    await this.authorizer.requireRole(principal, organizationId, 'MEMBER');
    const query = this.dataSource
      .getRepository(DesignEntity)
      .createQueryBuilder('d')
      // Tenant scope in SQL: only designs this organization is a party to.
      .where('(d.issuer_id = :organizationId OR d.partner_ids @> ARRAY[:organizationId]::uuid[])', { organizationId });
    if (stage) query.andWhere('d.stage = :stage', { stage });
    const total = await query.clone().getCount();
    if (page.after) {
      query.andWhere('(d.created_at, d.id) < (:afterAt::timestamptz, :afterId::uuid)', { afterAt: String(page.after[0]), afterId: page.after[1] });
    }
    const rows = await query.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').limit(page.limit + 1).getMany();
    return { rows, total };
  }
}
