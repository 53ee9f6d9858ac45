import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxRepublishSql } from '@lattice/shared-data-access';

/** The relay publishes each sent event once more after a delay, so a Redis that lost jobs loses no events. */
export class NotificationsOutboxRepublish1764400000000 implements MigrationInterface {
  name = 'NotificationsOutboxRepublish1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of outboxRepublishSql('notifications').up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of outboxRepublishSql('notifications').down) await runner.query(statement);
  }
}
