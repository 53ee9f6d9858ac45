import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit retention (issue 12): entries older than the retention (AUDIT_RETENTION_DAYS) are deleted
 * by identity's retention sweep. The log stays append-only for everything else: the trigger now
 * lets a DELETE through only for a row older than the cutoff the deleting transaction names in
 * `lattice.audit_retention_cutoff` (SET LOCAL, which only the sweep sets); UPDATE, TRUNCATE and any
 * other DELETE are still refused. An index on occurred_at lets the sweep find old rows.
 */
export class IdentityAuditRetention1767200000000 implements MigrationInterface {
  name = 'IdentityAuditRetention1767200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "audit_log_occurred_idx" ON "identity"."audit_log" ("occurred_at")`);
    await runner.query(`CREATE OR REPLACE FUNCTION "identity"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        cutoff text := current_setting('lattice.audit_retention_cutoff', true);
      BEGIN
        IF TG_OP = 'DELETE' AND cutoff IS NOT NULL AND cutoff <> '' AND OLD.occurred_at < cutoff::timestamptz THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'identity.audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE OR REPLACE FUNCTION "identity"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'identity.audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`DROP INDEX "identity"."audit_log_occurred_idx"`);
  }
}
