import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (issue 12, ADR 0015): an append-only record of security-relevant actions per
 * organization. A trigger refuses UPDATE and DELETE, and TRUNCATE, whoever asks. Actions of
 * other services arrive as events (source_event_id makes applying one twice a no-op).
 */
export class IdentityAuditLog1766200000000 implements MigrationInterface {
  name = 'IdentityAuditLog1766200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "identity"."audit_log" (
      "seq" bigserial PRIMARY KEY,
      "id" uuid NOT NULL UNIQUE,
      "organization_id" uuid NOT NULL,
      "occurred_at" timestamptz NOT NULL DEFAULT now(),
      "actor_id" uuid,
      "actor_kind" text NOT NULL CHECK ("actor_kind" IN ('USER', 'API_KEY', 'SYSTEM')),
      "action" text NOT NULL,
      "target_type" text,
      "target_id" text,
      "details" jsonb NOT NULL DEFAULT '{}'::jsonb,
      "request_id" text,
      "source" text NOT NULL DEFAULT 'identity',
      "source_event_id" uuid UNIQUE
    )`);
    await runner.query(
      `CREATE INDEX "audit_log_org_idx" ON "identity"."audit_log" ("organization_id", "seq" DESC)`,
    );
    await runner.query(`CREATE FUNCTION "identity"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'identity.audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "identity"."audit_log"
      FOR EACH ROW EXECUTE FUNCTION "identity"."audit_log_append_only"()`);
    await runner.query(`CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "identity"."audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION "identity"."audit_log_append_only"()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "identity"."audit_log"`);
    await runner.query(`DROP FUNCTION "identity"."audit_log_append_only"()`);
  }
}
