// A cached ranking keeps up to 200 explained matches in one jsonb value; for a popular need or
// institution that value is tens of kilobytes, and serving a page of 10 from it meant reading
// (de-TOASTing and decompressing) the whole value and re-aggregating its first elements on every
// request — the reason a popular need's cached ranking was served at a third of a rare one's rate.
// `head` keeps the first HEAD_SIZE matches apart (small, usually stored inline), so the pages
// people ask for (10, 20) read only those; a larger `first` still reads `matches`.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const M = '"marketplace"';
const MATCH_CACHE_HEAD_SIZE = 20; // as MarketplaceRepository writes it

export class MarketplaceMatchCacheHead1767000000100 implements MigrationInterface {
  name = 'MarketplaceMatchCacheHead1767000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${M}."match_cache" ADD COLUMN "head" jsonb`);
    await runner.query(
      `UPDATE ${M}."match_cache" c
          SET "head" = (SELECT coalesce(jsonb_agg(m."value" ORDER BY m."i"), '[]') FROM jsonb_array_elements(c."matches") WITH ORDINALITY AS m("value", "i")
                         WHERE m."i" <= ${MATCH_CACHE_HEAD_SIZE})`,
    );
    await runner.query(`ALTER TABLE ${M}."match_cache" ALTER COLUMN "head" SET NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${M}."match_cache" DROP COLUMN "head"`);
  }
}
