import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which wording of its event a delivery gets (null: the rule's default), e.g. the issuer's own text for a review request. */
export class NotificationsDeliveryVariant1764500000000 implements MigrationInterface {
  name = 'NotificationsDeliveryVariant1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "notifications"."deliveries" ADD COLUMN "variant" text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "notifications"."deliveries" DROP COLUMN "variant"`);
  }
}
