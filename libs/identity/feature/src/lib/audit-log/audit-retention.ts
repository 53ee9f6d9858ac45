// Audit retention (issue 12): entries older than AUDIT_RETENTION_DAYS (default 400) are deleted,
// in batches, by a task that runs every hour on one identity replica (its leader lease), so N
// replicas sweep once. Deleting is idempotent: a sweep that overlaps another deletes nothing twice.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '@lattice/shared-worker';
import { IdentityRepository } from '@lattice/identity-data-access';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity.options';

export const DEFAULT_AUDIT_RETENTION_DAYS = 400;
export const AUDIT_RETENTION_INTERVAL_MS = 3_600_000;
const BATCH = 1_000;
const DAY_MS = 86_400_000;

@Injectable()
export class SweepAuditLogUseCase {
  constructor(
    private readonly repository: IdentityRepository,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /** Deletes every entry older than the retention (as of `now`); returns how many. */
  async execute(now = new Date()): Promise<number> {
    const days = this.options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.repository.deleteAuditEntriesBefore(cutoff, BATCH);
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}

@Injectable()
export class AuditRetentionWatch extends PeriodicTask {
  constructor(
    private readonly sweep: SweepAuditLogUseCase,
    dataSource: DataSource,
  ) {
    super(
      'audit entries past retention deleted',
      AUDIT_RETENTION_INTERVAL_MS,
      dataSource,
      'identity.audit-retention',
    );
  }

  protected run(): Promise<number> {
    return this.sweep.execute();
  }
}
