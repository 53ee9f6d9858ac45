import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How often designs fail each framework element in compliance review, per framework: counted from
 * credentials' `credentials.design.compliance_reviewed` events (each once), beside the survey's importance.
 */
export class EvidenceFrameworkElementReviews1767300000001 implements MigrationInterface {
  name = 'EvidenceFrameworkElementReviews1767300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "evidence"."framework_element_reviews" (
      "framework_id" uuid NOT NULL, "element" text NOT NULL, "reviews" integer NOT NULL DEFAULT 0, "failures" integer NOT NULL DEFAULT 0,
      PRIMARY KEY ("framework_id", "element"), CHECK ("failures" BETWEEN 0 AND "reviews"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "evidence"."framework_element_reviews"`);
  }
}
