// Credentials' copy of the directory of organizations (ADR 0011, libs/shared/organization-directory):
// until now credentials asked identity over HTTP on every check. The copy is fed by identity's
// events on the credentials events queue and, for an organization it does not know yet, by the
// directory's one lookup to identity, which stores what identity says. That lookup is the
// backfill: no other schema is read here, and an organization is filled the first time it matters.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const C = '"credentials"';

export class CredentialsOrganizationDirectory1768000000200 implements MigrationInterface {
  name = 'CredentialsOrganizationDirectory1768000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${C}."processed_events" (
      "event_id" uuid NOT NULL,
      "consumer" text NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("event_id", "consumer")
    )`);
    await runner.query(`CREATE TABLE ${C}."directory_organizations" (
      "id" uuid PRIMARY KEY,
      "name" text, "kind" text, "size" text, "region" text, "sector" text,
      "verified" boolean NOT NULL DEFAULT false,
      "facts_as_of" timestamptz, "verified_as_of" timestamptz
    )`);
    await runner.query(`CREATE TABLE ${C}."directory_umbrella_members" (
      "umbrella_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "member" boolean NOT NULL DEFAULT true,
      "as_of" timestamptz,
      PRIMARY KEY ("umbrella_id", "organization_id")
    )`);
    await runner.query(
      `CREATE INDEX "directory_umbrella_members_org_idx" ON ${C}."directory_umbrella_members" ("organization_id")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${C}."directory_umbrella_members"`);
    await runner.query(`DROP TABLE ${C}."directory_organizations"`);
    await runner.query(`DROP TABLE ${C}."processed_events"`);
  }
}
