import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joining an umbrella is a request its admins accept or decline (issue 12, defect 9): only an
 * accepted request makes a row in umbrella_members. At most one pending request per pair.
 */
export class IdentityUmbrellaJoinRequests1766100000000 implements MigrationInterface {
  name = 'IdentityUmbrellaJoinRequests1766100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "identity"."umbrella_join_requests" (
      "id" uuid PRIMARY KEY,
      "umbrella_id" uuid NOT NULL REFERENCES "identity"."organizations"("id") ON DELETE CASCADE,
      "organization_id" uuid NOT NULL REFERENCES "identity"."organizations"("id") ON DELETE CASCADE,
      "state" text NOT NULL CHECK ("state" IN ('PENDING', 'ACCEPTED', 'DECLINED')),
      "requested_by" uuid NOT NULL,
      "decided_by" uuid,
      "decided_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      CHECK ("umbrella_id" <> "organization_id")
    )`);
    await runner.query(
      `CREATE UNIQUE INDEX "umbrella_join_requests_pending_key" ON "identity"."umbrella_join_requests" ("umbrella_id", "organization_id") WHERE "state" = 'PENDING'`,
    );
    await runner.query(
      `CREATE INDEX "umbrella_join_requests_umbrella_idx" ON "identity"."umbrella_join_requests" ("umbrella_id", "state", "created_at")`,
    );
    // Who accepted a membership may be an integrator's key, not a person.
    await runner.query(
      `ALTER TABLE "identity"."umbrella_members" DROP CONSTRAINT IF EXISTS "umbrella_members_joined_by_fkey"`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "identity"."umbrella_join_requests"`);
  }
}
