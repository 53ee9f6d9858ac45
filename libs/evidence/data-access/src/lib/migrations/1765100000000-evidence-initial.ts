import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxRepublishSql, outboxTableSql } from '@lattice/shared-data-access';
import { FRAMEWORK_SURVEY_V1, LEARNER_SURVEY_V1 } from '@lattice/evidence-domain';

/**
 * Evidence's schema. Read tables fed by other services' events (organizations, umbrella members,
 * credentials and their facts, ties, awards), what learners and employers tell Lattice (feedback,
 * shares, outcome reports), the surveys as data, and — apart from all of it — sealed
 * self-identification keyed only by the learner's keyed e-mail hash.
 */
export class EvidenceInitial1765100000000 implements MigrationInterface {
  name = 'EvidenceInitial1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "evidence"."processed_events" (
      "event_id" uuid NOT NULL, "consumer" text NOT NULL, "processed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("event_id", "consumer"))`);
    await runner.query(`CREATE TABLE "evidence"."organizations" (
      "id" uuid PRIMARY KEY, "name" text NOT NULL, "kind" text NOT NULL, "size" text NOT NULL, "region" text, "sector" text)`);
    await runner.query(`CREATE TABLE "evidence"."umbrella_members" (
      "umbrella_id" uuid NOT NULL, "organization_id" uuid NOT NULL, PRIMARY KEY ("umbrella_id", "organization_id"))`);
    await runner.query(
      `CREATE INDEX "umbrella_members_organization_idx" ON "evidence"."umbrella_members" ("organization_id")`,
    );
    await runner.query(`CREATE TABLE "evidence"."partnerships" (
      "id" uuid PRIMARY KEY, "employer_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "accepted_at" timestamptz NOT NULL)`);
    await runner.query(`CREATE TABLE "evidence"."credentials" (
      "id" uuid PRIMARY KEY,
      "design_id" uuid NOT NULL,
      "title" text NOT NULL,
      "issuer_id" uuid NOT NULL,
      "framework_id" uuid NOT NULL,
      "hours" integer,
      "delivery_mode" text,
      "career_stage" text,
      "credit" boolean,
      "transcriptable" boolean,
      "assessment_methods" text[] NOT NULL DEFAULT '{}',
      "competencies" text[] NOT NULL DEFAULT '{}',
      "seconds_in_stage" jsonb NOT NULL DEFAULT '{}',
      "published_at" timestamptz NOT NULL)`);
    await runner.query(`CREATE INDEX "credentials_issuer_idx" ON "evidence"."credentials" ("issuer_id")`);
    // Employers and umbrellas tied to a credential: design partners and endorsers (hirers are tied through shares).
    await runner.query(`CREATE TABLE "evidence"."credential_ties" (
      "credential_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "kind" text NOT NULL CHECK ("kind" IN ('PARTNER', 'ENDORSER')),
      PRIMARY KEY ("credential_id", "organization_id", "kind"))`);
    await runner.query(
      `CREATE INDEX "credential_ties_organization_idx" ON "evidence"."credential_ties" ("organization_id")`,
    );
    // Awards know their learner only by a keyed hash of the address (EVIDENCE_KEY): never the address.
    await runner.query(`CREATE TABLE "evidence"."awards" (
      "id" uuid PRIMARY KEY, "credential_id" uuid NOT NULL, "issuer_id" uuid NOT NULL, "learner_lookup" text NOT NULL,
      "issued_at" timestamptz NOT NULL, "revoked_at" timestamptz)`);
    await runner.query(`CREATE INDEX "awards_learner_idx" ON "evidence"."awards" ("learner_lookup")`);
    await runner.query(`CREATE INDEX "awards_credential_idx" ON "evidence"."awards" ("credential_id")`);
    await runner.query(`CREATE INDEX "awards_issuer_idx" ON "evidence"."awards" ("issuer_id")`);
    // The learner's address is kept sealed only until the reminder is sent or the request closes.
    await runner.query(`CREATE TABLE "evidence"."feedback_requests" (
      "award_id" uuid PRIMARY KEY REFERENCES "evidence"."awards" ("id") ON DELETE CASCADE,
      "credential_title" text NOT NULL,
      "sealed_email" text,
      "requested_at" timestamptz NOT NULL,
      "remind_after" timestamptz NOT NULL,
      "reminded_at" timestamptz,
      "reminders_off" boolean NOT NULL DEFAULT false)`);
    await runner.query(
      `CREATE INDEX "feedback_requests_due_idx" ON "evidence"."feedback_requests" ("remind_after") WHERE "reminded_at" IS NULL AND NOT "reminders_off"`,
    );
    await runner.query(`CREATE TABLE "evidence"."survey_versions" (
      "kind" text NOT NULL CHECK ("kind" IN ('LEARNER', 'FRAMEWORK')), "version" integer NOT NULL, "questions" jsonb NOT NULL,
      "published_at" timestamptz NOT NULL DEFAULT now(), "published_by" uuid, PRIMARY KEY ("kind", "version"))`);
    await runner.query(
      `INSERT INTO "evidence"."survey_versions" ("kind", "version", "questions") VALUES ('LEARNER', 1, $1), ('FRAMEWORK', 1, $2)`,
      [JSON.stringify(LEARNER_SURVEY_V1), JSON.stringify(FRAMEWORK_SURVEY_V1)],
    );
    await runner.query(`CREATE TABLE "evidence"."feedback_responses" (
      "award_id" uuid PRIMARY KEY REFERENCES "evidence"."awards" ("id") ON DELETE CASCADE,
      "credential_id" uuid NOT NULL,
      "survey_version" integer NOT NULL,
      "changes" text[] NOT NULL DEFAULT '{}',
      "comment" text,
      "answers" jsonb NOT NULL,
      "revision" integer NOT NULL DEFAULT 1,
      "submitted_at" timestamptz NOT NULL,
      "updated_at" timestamptz NOT NULL)`);
    await runner.query(
      `CREATE INDEX "feedback_responses_credential_idx" ON "evidence"."feedback_responses" ("credential_id")`,
    );
    await runner.query(`CREATE TABLE "evidence"."feedback_scores" (
      "award_id" uuid NOT NULL REFERENCES "evidence"."feedback_responses" ("award_id") ON DELETE CASCADE,
      "question_key" text NOT NULL, "score" smallint NOT NULL, PRIMARY KEY ("award_id", "question_key"))`);
    // A learner shares one award with one organization; only the learner grants or revokes.
    await runner.query(`CREATE TABLE "evidence"."shares" (
      "award_id" uuid NOT NULL REFERENCES "evidence"."awards" ("id") ON DELETE CASCADE, "organization_id" uuid NOT NULL,
      "granted_at" timestamptz NOT NULL DEFAULT now(), PRIMARY KEY ("award_id", "organization_id"))`);
    await runner.query(`CREATE INDEX "shares_organization_idx" ON "evidence"."shares" ("organization_id")`);
    await runner.query(`CREATE TABLE "evidence"."outcome_reports" (
      "id" uuid PRIMARY KEY, "credential_id" uuid NOT NULL, "issuer_id" uuid NOT NULL, "organization_id" uuid NOT NULL,
      "cohort_size" integer NOT NULL CHECK ("cohort_size" > 0),
      "hired" integer NOT NULL CHECK ("hired" BETWEEN 0 AND "cohort_size"),
      "promoted" integer NOT NULL CHECK ("promoted" BETWEEN 0 AND "cohort_size"),
      "retained" integer NOT NULL CHECK ("retained" BETWEEN 0 AND "cohort_size"),
      "assessment_reflected" boolean NOT NULL,
      "award_ids" uuid[] NOT NULL DEFAULT '{}',
      "reported_by" uuid NOT NULL, "reported_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(
      `CREATE INDEX "outcome_reports_credential_idx" ON "evidence"."outcome_reports" ("credential_id")`,
    );
    await runner.query(`CREATE TABLE "evidence"."outcome_ratings" (
      "report_id" uuid NOT NULL REFERENCES "evidence"."outcome_reports" ("id") ON DELETE CASCADE, "competency" text NOT NULL,
      "rating" smallint NOT NULL CHECK ("rating" BETWEEN 1 AND 5), PRIMARY KEY ("report_id", "competency"))`);
    // Stored apart, sealed (AES-256-GCM, EVIDENCE_KEY): no query returns it per person except to the learner.
    await runner.query(`CREATE TABLE "evidence"."self_identifications" (
      "learner_lookup" text PRIMARY KEY, "sealed" text NOT NULL, "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE "evidence"."framework_survey_responses" (
      "credential_id" uuid PRIMARY KEY REFERENCES "evidence"."credentials" ("id") ON DELETE CASCADE, "issuer_id" uuid NOT NULL,
      "framework_id" uuid NOT NULL, "survey_version" integer NOT NULL, "most_important" text[] NOT NULL DEFAULT '{}',
      "least_important" text[] NOT NULL DEFAULT '{}', "useful_blueprint" smallint, "answers" jsonb NOT NULL,
      "responded_by" uuid NOT NULL, "responded_at" timestamptz NOT NULL DEFAULT now())`);
    for (const statement of outboxTableSql('evidence').up) await runner.query(statement);
    for (const statement of outboxRepublishSql('evidence').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxRepublishSql('evidence').down) await runner.query(statement);
    for (const statement of outboxTableSql('evidence').down) await runner.query(statement);
    for (const table of [
      'framework_survey_responses',
      'self_identifications',
      'outcome_ratings',
      'outcome_reports',
      'shares',
      'feedback_scores',
      'feedback_responses',
      'survey_versions',
      'feedback_requests',
      'awards',
      'credential_ties',
      'credentials',
      'partnerships',
      'umbrella_members',
      'organizations',
      'processed_events',
    ]) {
      await runner.query(`DROP TABLE "evidence"."${table}"`);
    }
  }
}
