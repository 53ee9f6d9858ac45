// One page of awards, newest first, keyset-paged on (created_at, id); the scope is the caller's.
import type { SelectQueryBuilder } from 'typeorm';
import type { AwardEntity } from '@lattice/credentials-data-access';
import { type PageRequest } from '@lattice/shared-graphql';

export interface AwardPage {
  readonly rows: AwardEntity[];
  readonly total: number;
}

export async function pageOfAwards(query: SelectQueryBuilder<AwardEntity>, page: PageRequest): Promise<AwardPage> {
  const total = await query.clone().getCount();
  if (page.after) query.andWhere('(a.created_at, a.id) < (:afterAt::timestamptz, :afterId::uuid)', { afterAt: String(page.after[0]), afterId: page.after[1] });
  const rows = await query.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(page.limit + 1).getMany();
  return { rows, total };
}
