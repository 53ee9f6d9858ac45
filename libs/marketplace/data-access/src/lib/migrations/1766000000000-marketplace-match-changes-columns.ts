// A cached ranking is invalidated only by writes that can change a ranking. The first version of
// the match_changes triggers fired on every UPDATE of a need or a capability profile, whatever
// column it touched; the hourly expiry notice (`expiry_notified_for`), a new title or description
// thus invalidated every ranking sharing a skill with the need — in a market of 1M needs, the
// rankings of popular institutions never stayed cached. Now an UPDATE logs a change only when a
// column the ranking SQL reads changed (needs: status, region, delivery modes, learner count,
// needed-by; profiles: regions, region cover, delivery modes, annual capacity). INSERT and
// DELETE log as before.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const M = '"marketplace"';
const RANKED_COLUMNS = {
  skill_needs: ['status', 'region', 'delivery_modes', 'learner_count', 'needed_by'],
  capability_profiles: ['regions', 'region_cover', 'delivery_modes', 'annual_capacity'],
} as const;

export class MarketplaceMatchChangesColumns1766000000000 implements MigrationInterface {
  name = 'MarketplaceMatchChangesColumns1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(RANKED_COLUMNS)) {
      const changed = columns.map((c) => `OLD."${c}" IS DISTINCT FROM NEW."${c}"`).join(' OR ');
      await runner.query(`DROP TRIGGER "${table}_match_changes" ON ${M}."${table}"`);
      await runner.query(
        `CREATE TRIGGER "${table}_match_changes" AFTER INSERT OR DELETE ON ${M}."${table}" FOR EACH ROW EXECUTE FUNCTION ${M}."match_changes_trigger"()`,
      );
      await runner.query(
        `CREATE TRIGGER "${table}_match_changes_update" AFTER UPDATE OF ${columns.map((c) => `"${c}"`).join(', ')} ON ${M}."${table}" FOR EACH ROW
         WHEN (${changed}) EXECUTE FUNCTION ${M}."match_changes_trigger"()`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of Object.keys(RANKED_COLUMNS)) {
      await runner.query(`DROP TRIGGER "${table}_match_changes_update" ON ${M}."${table}"`);
      await runner.query(`DROP TRIGGER "${table}_match_changes" ON ${M}."${table}"`);
      await runner.query(
        `CREATE TRIGGER "${table}_match_changes" AFTER INSERT OR UPDATE OR DELETE ON ${M}."${table}" FOR EACH ROW EXECUTE FUNCTION ${M}."match_changes_trigger"()`,
      );
    }
  }
}
