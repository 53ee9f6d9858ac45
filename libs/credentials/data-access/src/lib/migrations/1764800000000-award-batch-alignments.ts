import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust: batch alignments. The ESCO / Skills for Success alignments of the credential's
 * competencies, resolved when the batch is created (with the caller's token), so the background
 * processor signs every item with them. NULL when none were resolved (e.g. a failed lookup).
 */
export class AwardBatchAlignments1764800000000 implements MigrationInterface {
  name = 'AwardBatchAlignments1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "credentials"."award_batches" ADD COLUMN "alignments" jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "credentials"."award_batches" DROP COLUMN "alignments"`);
  }
}
