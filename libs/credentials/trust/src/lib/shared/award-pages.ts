// One page of awards, newest first, keyset-paged on (created_at, id); the scope is the caller's.
import type { AwardEntity, CountedPage } from '@lattice/credentials-data-access';

export type AwardPage = CountedPage<AwardEntity>;
