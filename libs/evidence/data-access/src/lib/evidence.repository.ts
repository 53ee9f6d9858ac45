// Every query evidence runs, in one place: the read tables its event handlers keep, the learner's
// feedback, shares and self-identification, employers' outcome reports, and the aggregates behind
// insights (counts only: suppression happens in the use case, which sees every count it shows).
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PublishedCredentialFacts } from '@lattice/shared-contracts';
import type { NormalizedAnswers, SurveyKind, SurveyQuestion } from '@lattice/evidence-domain';
import { rollups } from './rollups';

export interface AwardRow {
  id: string;
  credential_id: string;
  issuer_id: string;
  learner_lookup: string;
  issued_at: Date;
  revoked_at: Date | null;
}
export interface CredentialRow {
  id: string;
  title: string;
  issuer_id: string;
  framework_id: string;
  competencies: string[];
  assessment_methods: string[];
}
export interface SurveyVersionRow {
  kind: SurveyKind;
  version: number;
  questions: SurveyQuestion[];
  published_at: Date;
}
export interface FeedbackResponseRow {
  award_id: string;
  credential_id: string;
  survey_version: number;
  answers: NormalizedAnswers;
  revision: number;
  submitted_at: Date;
  updated_at: Date;
}
export interface FeedbackRequestRow {
  award_id: string;
  credential_title: string;
  requested_at: Date;
  remind_after: Date;
  reminded_at: Date | null;
  reminders_off: boolean;
}
export interface OutcomeReportRow {
  id: string;
  credential_id: string;
  issuer_id: string;
  organization_id: string;
  cohort_size: number;
  hired: number;
  promoted: number;
  retained: number;
  assessment_reflected: boolean;
  award_ids: string[];
  reported_at: Date;
  ratings: Array<{ competency: string; rating: number }>;
}

const S = '"evidence"';

/** The rows a statement returned: TypeORM answers UPDATE and DELETE … RETURNING with [rows, count]. */
export async function rowsOf<T>(result: Promise<unknown>): Promise<T[]> {
  const value = (await result) as unknown[];
  return value.length === 2 && Array.isArray(value[0]) && typeof value[1] === 'number'
    ? (value[0] as T[])
    : (value as T[]);
}

/** True when this consumer has not seen the event before (and now has). */
export async function claimEvent(
  manager: EntityManager,
  eventId: string,
  consumer: string,
): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO ${S}."processed_events" ("event_id", "consumer") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING "event_id"`,
    [eventId, consumer],
  )) as unknown[];
  return rows.length === 1;
}

/** Writes from other services' events: each an upsert, so a replay changes nothing. */
export const readTables = {
  async organization(
    manager: EntityManager,
    o: { id: string; name: string; kind: string; size: string; region: string | null; sector: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."organizations" ("id", "name", "kind", "size", "region", "sector") VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "kind" = excluded."kind", "size" = excluded."size", "region" = excluded."region", "sector" = excluded."sector"`,
      [o.id, o.name, o.kind, o.size, o.region, o.sector],
    );
  },
  async umbrellaMember(manager: EntityManager, umbrellaId: string, organizationId: string): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."umbrella_members" ("umbrella_id", "organization_id") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [umbrellaId, organizationId],
    );
  },
  async umbrellaMemberRemoved(
    manager: EntityManager,
    umbrellaId: string,
    organizationId: string,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM ${S}."umbrella_members" WHERE "umbrella_id" = $1 AND "organization_id" = $2`,
      [umbrellaId, organizationId],
    );
  },
  async partnership(
    manager: EntityManager,
    p: { id: string; employerId: string; institutionId: string; acceptedAt: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."partnerships" ("id", "employer_id", "institution_id", "accepted_at") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [p.id, p.employerId, p.institutionId, p.acceptedAt],
    );
  },
  async credential(
    manager: EntityManager,
    c: {
      id: string;
      designId: string;
      title: string;
      issuerId: string;
      frameworkId: string;
      partnerIds: readonly string[];
      publishedAt: string;
      facts?: PublishedCredentialFacts;
    },
  ): Promise<boolean> {
    const f = c.facts;
    const inserted = (await manager.query(
      `INSERT INTO ${S}."credentials" ("id", "design_id", "title", "issuer_id", "framework_id", "hours", "delivery_mode", "career_stage", "credit", "transcriptable",
         "assessment_methods", "competencies", "seconds_in_stage", "published_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
      [
        c.id,
        c.designId,
        c.title,
        c.issuerId,
        c.frameworkId,
        f?.hours ?? null,
        f?.deliveryMode ?? null,
        f?.careerStage ?? null,
        f?.credit ?? null,
        f?.transcriptable ?? null,
        f?.assessmentMethods ?? [],
        f?.competencies ?? [],
        JSON.stringify(f?.secondsInStage ?? {}),
        c.publishedAt,
      ],
    )) as unknown[];
    for (const partnerId of c.partnerIds) await readTables.tie(manager, c.id, partnerId, 'PARTNER');
    return inserted.length === 1;
  },
  async tie(
    manager: EntityManager,
    credentialId: string,
    organizationId: string,
    kind: 'PARTNER' | 'ENDORSER',
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."credential_ties" ("credential_id", "organization_id", "kind") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [credentialId, organizationId, kind],
    );
  },
  /** Records an award and opens its feedback request; false when it was already known. */
  async award(
    manager: EntityManager,
    a: {
      id: string;
      credentialId: string;
      issuerId: string;
      learnerLookup: string;
      issuedAt: string;
      credentialTitle: string;
      sealedEmail: string;
      remindAfter: Date;
    },
  ): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO ${S}."awards" ("id", "credential_id", "issuer_id", "learner_lookup", "issued_at") VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
      [a.id, a.credentialId, a.issuerId, a.learnerLookup, a.issuedAt],
    )) as unknown[];
    if (inserted.length === 0) return false;
    await rollups.awardIssued(manager, a.credentialId, a.issuedAt);
    await manager.query(
      `INSERT INTO ${S}."feedback_requests" ("award_id", "credential_title", "sealed_email", "requested_at", "remind_after") VALUES ($1, $2, $3, $4, $5)`,
      [a.id, a.credentialTitle, a.sealedEmail, a.issuedAt, a.remindAfter],
    );
    return true;
  },
  /** One compliance review of a design: per element its framework tests, reviewed once more, failed or not. */
  async elementsReviewed(
    manager: EntityManager,
    frameworkId: string,
    elements: ReadonlyArray<{ element: string; failed: boolean }>,
  ): Promise<void> {
    if (elements.length === 0) return;
    await manager.query(
      `INSERT INTO ${S}."framework_element_reviews" ("framework_id", "element", "reviews", "failures")
       SELECT $1, e, 1, f::int FROM unnest($2::text[], $3::boolean[]) AS x(e, f) ORDER BY e
       ON CONFLICT ("framework_id", "element") DO UPDATE SET "reviews" = ${S}."framework_element_reviews"."reviews" + 1,
         "failures" = ${S}."framework_element_reviews"."failures" + excluded."failures"`,
      [frameworkId, elements.map((e) => e.element), elements.map((e) => e.failed)],
    );
  },
  /** The learner lookup of an award evidence knows, or null. */
  async learnerOfAward(manager: EntityManager, awardId: string): Promise<string | null> {
    const [row] = await rowsOf<{ learner_lookup: string }>(
      manager.query(`SELECT "learner_lookup" FROM ${S}."awards" WHERE "id" = $1`, [awardId]),
    );
    return row?.learner_lookup ?? null;
  },
  async revokeAward(manager: EntityManager, awardId: string, at: string): Promise<void> {
    const revoked = await rowsOf<{ credential_id: string; issued_at: Date }>(
      manager.query(
        `UPDATE ${S}."awards" SET "revoked_at" = $2 WHERE "id" = $1 AND "revoked_at" IS NULL RETURNING "credential_id", "issued_at"`,
        [awardId, at],
      ),
    );
    for (const r of revoked) await rollups.awardRevoked(manager, r.credential_id, r.issued_at);
    // A revoked award is not asked about again: its sealed address goes.
    await manager.query(
      `UPDATE ${S}."feedback_requests" SET "reminders_off" = true, "sealed_email" = NULL WHERE "award_id" = $1`,
      [awardId],
    );
  },
};

@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q<T>(sql: string, params: unknown[] = [], manager?: EntityManager): Promise<T[]> {
    return rowsOf<T>((manager ?? this.dataSource).query(sql, params));
  }

  // ---------- awards, credentials, organizations ----------

  async award(awardId: string, manager?: EntityManager): Promise<AwardRow | null> {
    const [row] = await this.q<AwardRow>(`SELECT * FROM ${S}."awards" WHERE "id" = $1`, [awardId], manager);
    return row ?? null;
  }

  /** The award, locked for the rest of the transaction (one writer per award's feedback and shares). */
  async lockAward(manager: EntityManager, awardId: string): Promise<AwardRow | null> {
    const [row] = await this.q<AwardRow>(
      `SELECT * FROM ${S}."awards" WHERE "id" = $1 FOR UPDATE`,
      [awardId],
      manager,
    );
    return row ?? null;
  }

  awardsOfLearner(learnerLookup: string): Promise<Array<AwardRow & { title: string | null }>> {
    return this.q(
      `SELECT a.*, c."title" FROM ${S}."awards" a LEFT JOIN ${S}."credentials" c ON c."id" = a."credential_id" WHERE a."learner_lookup" = $1 ORDER BY a."issued_at" DESC`,
      [learnerLookup],
    );
  }

  async credential(credentialId: string): Promise<CredentialRow | null> {
    const [row] = await this.q<CredentialRow>(
      `SELECT "id", "title", "issuer_id", "framework_id", "competencies", "assessment_methods" FROM ${S}."credentials" WHERE "id" = $1`,
      [credentialId],
    );
    return row ?? null;
  }

  async organizationKind(organizationId: string): Promise<string | null> {
    const [row] = await this.q<{ kind: string }>(`SELECT "kind" FROM ${S}."organizations" WHERE "id" = $1`, [
      organizationId,
    ]);
    return row?.kind ?? null;
  }

  /** How an organization is tied to a credential: PARTNER, ENDORSER, and HIRER when a holder shared an award with it. */
  async tiesOf(credentialId: string, organizationId: string): Promise<string[]> {
    const rows = await this.q<{ kind: string }>(
      `SELECT "kind" FROM ${S}."credential_ties" WHERE "credential_id" = $1 AND "organization_id" = $2
       UNION ALL SELECT 'HIRER' FROM ${S}."shares" s JOIN ${S}."awards" a ON a."id" = s."award_id"
        WHERE a."credential_id" = $1 AND s."organization_id" = $2 AND a."revoked_at" IS NULL LIMIT 3`,
      [credentialId, organizationId],
    );
    return [...new Set(rows.map((r) => r.kind))];
  }

  /** The credentials an organization may report outcomes for (its ties), with their competencies. */
  reportableCredentials(
    organizationId: string,
  ): Promise<Array<{ id: string; title: string; competencies: string[]; ties: string[] }>> {
    return this.q(
      `SELECT c."id", c."title", c."competencies", array_agg(DISTINCT t."kind" ORDER BY t."kind") AS "ties"
         FROM (SELECT "credential_id", "kind" FROM ${S}."credential_ties" WHERE "organization_id" = $1
               UNION SELECT a."credential_id", 'HIRER' FROM ${S}."shares" s JOIN ${S}."awards" a ON a."id" = s."award_id"
                WHERE s."organization_id" = $1 AND a."revoked_at" IS NULL) t
         JOIN ${S}."credentials" c ON c."id" = t."credential_id"
        GROUP BY c."id", c."title", c."competencies" ORDER BY c."title", c."id" LIMIT 500`,
      [organizationId],
    );
  }

  /** Members of an umbrella (the umbrella included). */
  async umbrellaMembers(umbrellaId: string): Promise<string[]> {
    const rows = await this.q<{ organization_id: string }>(
      `SELECT "organization_id" FROM ${S}."umbrella_members" WHERE "umbrella_id" = $1`,
      [umbrellaId],
    );
    return [umbrellaId, ...rows.map((r) => r.organization_id)];
  }

  // ---------- surveys ----------

  async latestSurvey(kind: SurveyKind, manager?: EntityManager): Promise<SurveyVersionRow> {
    const [row] = await this.q<SurveyVersionRow>(
      `SELECT * FROM ${S}."survey_versions" WHERE "kind" = $1 ORDER BY "version" DESC LIMIT 1`,
      [kind],
      manager,
    );
    return row!;
  }

  async survey(kind: SurveyKind, version: number, manager?: EntityManager): Promise<SurveyVersionRow | null> {
    const [row] = await this.q<SurveyVersionRow>(
      `SELECT * FROM ${S}."survey_versions" WHERE "kind" = $1 AND "version" = $2`,
      [kind, version],
      manager,
    );
    return row ?? null;
  }

  /** A new version, numbered after the latest; the row lock on the kind's newest makes two publishers take turns. */
  async publishSurvey(
    manager: EntityManager,
    kind: SurveyKind,
    questions: readonly SurveyQuestion[],
    by: string,
    expectedVersion: number,
  ): Promise<SurveyVersionRow | null> {
    const [latest] = await this.q<{ version: number }>(
      `SELECT "version" FROM ${S}."survey_versions" WHERE "kind" = $1 ORDER BY "version" DESC LIMIT 1 FOR UPDATE`,
      [kind],
      manager,
    );
    if ((latest?.version ?? 0) !== expectedVersion) return null;
    const [row] = await this.q<SurveyVersionRow>(
      `INSERT INTO ${S}."survey_versions" ("kind", "version", "questions", "published_by") VALUES ($1, $2, $3, $4) RETURNING *`,
      [kind, expectedVersion + 1, JSON.stringify(questions), by],
      manager,
    );
    return row!;
  }

  // ---------- learner feedback ----------

  async feedbackRequest(awardId: string, manager?: EntityManager): Promise<FeedbackRequestRow | null> {
    const [row] = await this.q<FeedbackRequestRow>(
      `SELECT "award_id", "credential_title", "requested_at", "remind_after", "reminded_at", "reminders_off" FROM ${S}."feedback_requests" WHERE "award_id" = $1`,
      [awardId],
      manager,
    );
    return row ?? null;
  }

  async feedbackResponse(awardId: string, manager?: EntityManager): Promise<FeedbackResponseRow | null> {
    const [row] = await this.q<FeedbackResponseRow>(
      `SELECT * FROM ${S}."feedback_responses" WHERE "award_id" = $1`,
      [awardId],
      manager,
    );
    return row ?? null;
  }

  async saveFeedback(
    manager: EntityManager,
    r: {
      awardId: string;
      credentialId: string;
      version: number;
      answers: NormalizedAnswers;
      comment: string | null;
      now: Date;
    },
    existing: boolean,
  ): Promise<FeedbackResponseRow> {
    const changes = r.answers.choices['changes'] ?? [];
    const [row] = existing
      ? await this.q<FeedbackResponseRow>(
          `UPDATE ${S}."feedback_responses" SET "survey_version" = $2, "answers" = $3, "changes" = $4, "comment" = $5, "revision" = "revision" + 1, "updated_at" = $6 WHERE "award_id" = $1 RETURNING *`,
          [r.awardId, r.version, JSON.stringify(r.answers), changes, r.comment, r.now],
          manager,
        )
      : await this.q<FeedbackResponseRow>(
          `INSERT INTO ${S}."feedback_responses" ("award_id", "credential_id", "survey_version", "answers", "changes", "comment", "submitted_at", "updated_at") VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
          [r.awardId, r.credentialId, r.version, JSON.stringify(r.answers), changes, r.comment, r.now],
          manager,
        );
    await manager.query(`DELETE FROM ${S}."feedback_scores" WHERE "award_id" = $1`, [r.awardId]);
    const keys = Object.keys(r.answers.scores);
    if (keys.length) {
      await manager.query(
        `INSERT INTO ${S}."feedback_scores" ("award_id", "question_key", "score") SELECT $1, k, s FROM unnest($2::text[], $3::smallint[]) AS t(k, s)`,
        [r.awardId, keys, keys.map((k) => r.answers.scores[k])],
      );
    }
    await this.recountFeedbackOf(manager, [r.awardId]);
    // Answered: no reminder, and the address is no longer needed.
    await manager.query(`UPDATE ${S}."feedback_requests" SET "sealed_email" = NULL WHERE "award_id" = $1`, [
      r.awardId,
    ]);
    return row!;
  }

  async deleteFeedback(manager: EntityManager, awardId: string): Promise<boolean> {
    const rows = await this.q(
      `DELETE FROM ${S}."feedback_responses" WHERE "award_id" = $1 RETURNING "award_id"`,
      [awardId],
      manager,
    );
    if (rows.length) await this.recountFeedbackOf(manager, [awardId]);
    return rows.length > 0;
  }

  /** Keeps the feedback rollup (insights) in step with these awards' responses. */
  private async recountFeedbackOf(manager: EntityManager, awardIds: readonly string[]): Promise<void> {
    const awards = await this.q<{ credential_id: string; issued_at: Date }>(
      `SELECT "credential_id", "issued_at" FROM ${S}."awards" WHERE "id" = ANY($1::uuid[])`,
      [awardIds],
      manager,
    );
    await rollups.recountFeedback(
      manager,
      awards.map((a) => ({ credentialId: a.credential_id, issuedAt: a.issued_at })),
    );
  }

  async turnOffReminders(manager: EntityManager, awardId: string): Promise<void> {
    await manager.query(
      `UPDATE ${S}."feedback_requests" SET "reminders_off" = true, "sealed_email" = NULL WHERE "award_id" = $1`,
      [awardId],
    );
  }

  /**
   * Claims the requests whose reminder is due (unanswered, not turned off, not revoked), marks them
   * reminded and forgets the address, in the caller's transaction: a second run, or a second
   * replica, finds nothing. Returns what the reminders need.
   */
  async claimDueReminders(
    manager: EntityManager,
    now: Date,
    limit: number,
  ): Promise<
    Array<{ award_id: string; credential_id: string; credential_title: string; sealed_email: string }>
  > {
    // FOR UPDATE re-checks the condition on a row another run changed meanwhile; SKIP LOCKED passes over rows it holds.
    const due = await this.q<{
      award_id: string;
      credential_id: string;
      credential_title: string;
      sealed_email: string;
    }>(
      `SELECT r."award_id", a."credential_id", r."credential_title", r."sealed_email" FROM ${S}."feedback_requests" r JOIN ${S}."awards" a ON a."id" = r."award_id"
        WHERE r."reminded_at" IS NULL AND NOT r."reminders_off" AND r."remind_after" <= $1 AND r."sealed_email" IS NOT NULL AND a."revoked_at" IS NULL
          AND NOT EXISTS (SELECT 1 FROM ${S}."feedback_responses" f WHERE f."award_id" = r."award_id")
        ORDER BY r."remind_after" LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
      [now, limit],
      manager,
    );
    if (due.length) {
      await manager.query(
        `UPDATE ${S}."feedback_requests" SET "reminded_at" = $1, "sealed_email" = NULL WHERE "award_id" = ANY($2::uuid[])`,
        [now, due.map((r) => r.award_id)],
      );
    }
    return due;
  }

  // ---------- shares ----------

  async grantShare(manager: EntityManager, awardId: string, organizationId: string): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."shares" ("award_id", "organization_id") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [awardId, organizationId],
    );
  }

  async revokeShare(manager: EntityManager, awardId: string, organizationId: string): Promise<boolean> {
    return (
      (
        await this.q(
          `DELETE FROM ${S}."shares" WHERE "award_id" = $1 AND "organization_id" = $2 RETURNING "award_id"`,
          [awardId, organizationId],
          manager,
        )
      ).length > 0
    );
  }

  sharesOfLearner(
    learnerLookup: string,
  ): Promise<
    Array<{ award_id: string; organization_id: string; organization_name: string | null; granted_at: Date }>
  > {
    return this.q(
      `SELECT s."award_id", s."organization_id", o."name" AS "organization_name", s."granted_at" FROM ${S}."shares" s
         JOIN ${S}."awards" a ON a."id" = s."award_id" LEFT JOIN ${S}."organizations" o ON o."id" = s."organization_id"
        WHERE a."learner_lookup" = $1 ORDER BY s."granted_at"`,
      [learnerLookup],
    );
  }

  /** Awards of a credential shared with an organization (the only individuals an employer may name). */
  async sharedAwardIds(
    credentialId: string,
    organizationId: string,
    awardIds: readonly string[],
  ): Promise<string[]> {
    const rows = await this.q<{ id: string }>(
      `SELECT a."id" FROM ${S}."awards" a JOIN ${S}."shares" s ON s."award_id" = a."id" AND s."organization_id" = $2
        WHERE a."credential_id" = $1 AND a."id" = ANY($3::uuid[]) AND a."revoked_at" IS NULL`,
      [credentialId, organizationId, awardIds],
    );
    return rows.map((r) => r.id);
  }

  sharedWith(organizationId: string): Promise<
    Array<{
      award_id: string;
      credential_id: string;
      title: string | null;
      issued_at: Date;
      granted_at: Date;
    }>
  > {
    return this.q(
      `SELECT a."id" AS "award_id", a."credential_id", c."title", a."issued_at", s."granted_at" FROM ${S}."shares" s
         JOIN ${S}."awards" a ON a."id" = s."award_id" AND a."revoked_at" IS NULL LEFT JOIN ${S}."credentials" c ON c."id" = a."credential_id"
        WHERE s."organization_id" = $1 ORDER BY s."granted_at" DESC`,
      [organizationId],
    );
  }

  // ---------- outcome reports ----------

  async insertOutcomeReport(
    manager: EntityManager,
    r: Omit<OutcomeReportRow, 'reported_at'> & { reportedBy: string },
  ): Promise<void> {
    const [{ reported_at }] = (await rowsOf<{ reported_at: Date }>(
      manager.query(
        `INSERT INTO ${S}."outcome_reports" ("id", "credential_id", "issuer_id", "organization_id", "cohort_size", "hired", "promoted", "retained", "assessment_reflected", "award_ids", "reported_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING "reported_at"`,
        [
          r.id,
          r.credential_id,
          r.issuer_id,
          r.organization_id,
          r.cohort_size,
          r.hired,
          r.promoted,
          r.retained,
          r.assessment_reflected,
          r.award_ids,
          r.reportedBy,
        ],
      ),
    )) as [{ reported_at: Date }];
    if (r.ratings.length) {
      await manager.query(
        `INSERT INTO ${S}."outcome_ratings" ("report_id", "competency", "rating") SELECT $1, c, r FROM unnest($2::text[], $3::smallint[]) AS t(c, r)`,
        [r.id, r.ratings.map((x) => x.competency), r.ratings.map((x) => x.rating)],
      );
    }
    await rollups.outcomeReported(manager, {
      credentialId: r.credential_id,
      reportedAt: reported_at,
      cohortSize: r.cohort_size,
      hired: r.hired,
      promoted: r.promoted,
      retained: r.retained,
      ratings: r.ratings.map((x) => x.rating),
      reflected: r.assessment_reflected,
    });
  }

  outcomeReportsOf(organizationId: string, credentialId?: string): Promise<OutcomeReportRow[]> {
    return this.q(
      `SELECT o.*, coalesce((SELECT json_agg(json_build_object('competency', r."competency", 'rating', r."rating") ORDER BY r."competency") FROM ${S}."outcome_ratings" r WHERE r."report_id" = o."id"), '[]') AS "ratings"
         FROM ${S}."outcome_reports" o WHERE o."organization_id" = $1 AND ($2::uuid IS NULL OR o."credential_id" = $2) ORDER BY o."reported_at" DESC`,
      [organizationId, credentialId ?? null],
    );
  }

  // ---------- self-identification ----------

  async selfIdentification(learnerLookup: string): Promise<{ sealed: string; updated_at: Date } | null> {
    const [row] = await this.q<{ sealed: string; updated_at: Date }>(
      `SELECT "sealed", "updated_at" FROM ${S}."self_identifications" WHERE "learner_lookup" = $1`,
      [learnerLookup],
    );
    return row ?? null;
  }

  async saveSelfIdentification(
    learnerLookup: string,
    sealed: string,
    manager?: EntityManager,
  ): Promise<void> {
    await this.q(
      `INSERT INTO ${S}."self_identifications" ("learner_lookup", "sealed") VALUES ($1, $2) ON CONFLICT ("learner_lookup") DO UPDATE SET "sealed" = excluded."sealed", "updated_at" = now()`,
      [learnerLookup, sealed],
      manager,
    );
  }

  async deleteSelfIdentification(learnerLookup: string, manager?: EntityManager): Promise<boolean> {
    return (
      (
        await this.q(
          `DELETE FROM ${S}."self_identifications" WHERE "learner_lookup" = $1 RETURNING "learner_lookup"`,
          [learnerLookup],
          manager,
        )
      ).length > 0
    );
  }

  // ---------- a learner's own data ----------

  feedbackOfLearner(learnerLookup: string): Promise<FeedbackResponseRow[]> {
    return this.q(
      `SELECT f.* FROM ${S}."feedback_responses" f JOIN ${S}."awards" a ON a."id" = f."award_id" WHERE a."learner_lookup" = $1 ORDER BY f."submitted_at"`,
      [learnerLookup],
    );
  }

  feedbackRequestsOfLearner(learnerLookup: string): Promise<FeedbackRequestRow[]> {
    return this.q(
      `SELECT r."award_id", r."credential_title", r."requested_at", r."remind_after", r."reminded_at", r."reminders_off" FROM ${S}."feedback_requests" r
         JOIN ${S}."awards" a ON a."id" = r."award_id" WHERE a."learner_lookup" = $1 ORDER BY r."requested_at"`,
      [learnerLookup],
    );
  }

  /** Deletes a learner's feedback, shares and self-identification; the awards stay (they are the issuer's record). */
  async deleteLearnerData(
    manager: EntityManager,
    learnerLookup: string,
  ): Promise<{ feedback: number; shares: number; selfIdentification: boolean }> {
    const feedback = await this.q(
      `DELETE FROM ${S}."feedback_responses" f USING ${S}."awards" a WHERE a."id" = f."award_id" AND a."learner_lookup" = $1 RETURNING f."award_id"`,
      [learnerLookup],
      manager,
    );
    if (feedback.length)
      await this.recountFeedbackOf(
        manager,
        feedback.map((f) => (f as { award_id: string }).award_id),
      );
    const shares = await this.q(
      `DELETE FROM ${S}."shares" s USING ${S}."awards" a WHERE a."id" = s."award_id" AND a."learner_lookup" = $1 RETURNING s."award_id"`,
      [learnerLookup],
      manager,
    );
    await manager.query(
      `UPDATE ${S}."feedback_requests" r SET "reminders_off" = true, "sealed_email" = NULL FROM ${S}."awards" a WHERE a."id" = r."award_id" AND a."learner_lookup" = $1`,
      [learnerLookup],
    );
    const selfIdentification = await this.deleteSelfIdentification(learnerLookup, manager);
    return { feedback: feedback.length, shares: shares.length, selfIdentification };
  }

  // ---------- framework survey ----------

  async saveFrameworkSurvey(
    manager: EntityManager,
    r: {
      credentialId: string;
      issuerId: string;
      frameworkId: string;
      version: number;
      answers: NormalizedAnswers;
      by: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."framework_survey_responses" ("credential_id", "issuer_id", "framework_id", "survey_version", "most_important", "least_important", "useful_blueprint", "answers", "responded_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ("credential_id") DO UPDATE SET "survey_version" = excluded."survey_version", "most_important" = excluded."most_important", "least_important" = excluded."least_important",
         "useful_blueprint" = excluded."useful_blueprint", "answers" = excluded."answers", "responded_by" = excluded."responded_by", "responded_at" = now()`,
      [
        r.credentialId,
        r.issuerId,
        r.frameworkId,
        r.version,
        r.answers.choices['most_important'] ?? [],
        r.answers.choices['least_important'] ?? [],
        r.answers.scores['useful_blueprint'] ?? null,
        JSON.stringify(r.answers),
        r.by,
      ],
    );
  }

  /**
   * Per framework element: how often institutions named it most / least important, out of how many
   * answers, and how often designs failed it in compliance review (over every framework).
   */
  frameworkElementImportance(): Promise<
    Array<{
      element: string;
      most: number;
      least: number;
      responses: number;
      useful_blueprint: number | null;
      reviews: number;
      failures: number;
    }>
  > {
    return this.q(
      `WITH r AS (SELECT * FROM ${S}."framework_survey_responses"), n AS (SELECT count(*)::int AS n, avg("useful_blueprint")::float8 AS u FROM r)
       SELECT e AS "element",
              (SELECT count(*)::int FROM r WHERE e = ANY(r."most_important")) AS "most",
              (SELECT count(*)::int FROM r WHERE e = ANY(r."least_important")) AS "least",
              n.n AS "responses", n.u AS "useful_blueprint",
              coalesce((SELECT sum("reviews")::int FROM ${S}."framework_element_reviews" v WHERE v."element" = e), 0) AS "reviews",
              coalesce((SELECT sum("failures")::int FROM ${S}."framework_element_reviews" v WHERE v."element" = e), 0) AS "failures"
         FROM unnest($1::text[]) AS e, n`,
      [['competencies', 'outcomes', 'assessment', 'duration', 'stackability', 'quality_assurance']],
    );
  }

  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.q<T>(sql, params);
  }
}
