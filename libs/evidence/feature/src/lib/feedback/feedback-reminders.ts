// The one reminder, 7 days after the request, unless the learner answered or turned it off. The
// claim marks each request reminded and forgets its sealed address in the same transaction as the
// event, so a second run — or a second replica running at the same moment — sends nothing twice.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lattice/shared-data-access';
import { PeriodicTask } from '@lattice/shared-worker';
import { EVIDENCE_SCHEMA, EvidenceRepository } from '@lattice/evidence-data-access';
import { LearnerKeys } from '../shared/evidence.options';

@Injectable()
export class SendFeedbackRemindersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    @Inject(LearnerKeys) private readonly keys: LearnerKeys,
  ) {}

  /** Sends the reminders due at `now`; returns their award ids. */
  async execute(now = new Date(), limit = 500): Promise<string[]> {
    return inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager, emit }) => {
      const due = await this.repository.claimDueReminders(manager, now, limit);
      for (const row of due) {
        emit({
          type: 'evidence.feedback.requested',
          actorId: null,
          payload: {
            awardId: row.award_id,
            credentialId: row.credential_id,
            credentialTitle: row.credential_title,
            recipientEmail: this.keys.open(row.sealed_email),
            reminder: true,
          },
        });
      }
      return due.map((row) => row.award_id);
    });
  }
}

export const REMINDER_WATCH_INTERVAL_MS = 60_000;

@Injectable()
export class FeedbackReminderWatch extends PeriodicTask {
  constructor(private readonly send: SendFeedbackRemindersUseCase) {
    super('feedback reminders sent', REMINDER_WATCH_INTERVAL_MS);
  }

  protected async run(): Promise<number> {
    return (await this.send.execute()).length;
  }
}
