// The co-development use cases against real Postgres with the real migrations: optimistic
// concurrency decided in SQL, the workflow with its outbox events, and review-overdue detection.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Authorizer, MembershipSource, type Principal } from '@lattice/shared-auth';
import type { OrgKind } from '@lattice/shared-contracts';
import { openDataSource } from '@lattice/shared-data-access';
import { testDatabaseUrl } from '@lattice/shared-testing';
import {
  CatalogueRepository,
  credentialsDataSource,
  CredentialDesignRepository,
  SHIPPED_FRAMEWORKS,
} from '@lattice/credentials-data-access';
import { ApproveDesignUseCase } from './approve-design/approve-design.use-case';
import { CreateCredentialDesignUseCase } from './create-credential-design/create-credential-design.use-case';
import { DetectOverdueReviewsUseCase } from './detect-overdue-reviews/detect-overdue-reviews.use-case';
import { PublishCredentialUseCase } from './publish-credential/publish-credential.use-case';
import { SubmitDesignForReviewUseCase } from './submit-design-for-review/submit-design-for-review.use-case';
import { SummarizeDesignStagesUseCase } from './summarize-design-stages/summarize-design-stages.use-case';
import { UpdateCredentialDesignUseCase } from './update-credential-design/update-credential-design.use-case';
import { type DirectoryOrganization, OrganizationDirectory } from './shared/organization-directory';

class NoLiveMemberships extends MembershipSource {
  async membershipsOf(): Promise<[]> {
    return [];
  }
}

class FakeDirectory extends OrganizationDirectory {
  readonly kinds = new Map<string, OrgKind>();
  async find(_principal: Principal, id: string): Promise<DirectoryOrganization | null> {
    const kind = this.kinds.get(id);
    return kind ? { id, kind, name: id } : null;
  }
  async umbrellasOf(): Promise<string[]> {
    return [];
  }
}

const principal = (organizationId: string, kind: OrgKind): Principal => ({
  userId: randomUUID(),
  email: 'someone@example.org',
  memberships: [{ organizationId, role: 'ADMIN', kind }],
  token: 'unused',
});

const ecampus = SHIPPED_FRAMEWORKS.find((f) => f.key === 'ecampusontario')!.id;
const SKILL = '5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c';

describe('credential designs (integration)', () => {
  let dataSource: DataSource;
  let directory: FakeDirectory;
  let create: CreateCredentialDesignUseCase;
  let update: UpdateCredentialDesignUseCase;
  let submit: SubmitDesignForReviewUseCase;
  let approveDesign: ApproveDesignUseCase;
  let publish: PublishCredentialUseCase;
  let detectOverdue: DetectOverdueReviewsUseCase;
  let summarize: SummarizeDesignStagesUseCase;

  beforeAll(async () => {
    dataSource = await openDataSource(credentialsDataSource(testDatabaseUrl('int'), 20));
    const authorizer = new Authorizer(new NoLiveMemberships());
    const repository = new CredentialDesignRepository(dataSource);
    directory = new FakeDirectory();
    create = new CreateCredentialDesignUseCase(dataSource, authorizer, repository, directory);
    update = new UpdateCredentialDesignUseCase(dataSource, authorizer, repository);
    submit = new SubmitDesignForReviewUseCase(dataSource, authorizer, repository);
    approveDesign = new ApproveDesignUseCase(dataSource, authorizer, repository);
    publish = new PublishCredentialUseCase(
      dataSource,
      authorizer,
      repository,
      new CatalogueRepository(dataSource),
      directory,
    );
    detectOverdue = new DetectOverdueReviewsUseCase(dataSource);
    summarize = new SummarizeDesignStagesUseCase(dataSource, authorizer);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  /** A fresh institution, two employers and a design among them. */
  async function scenario() {
    const institution = randomUUID();
    const employers = [randomUUID(), randomUUID()];
    for (const id of employers) directory.kinds.set(id, 'EMPLOYER');
    const issuer = principal(institution, 'INSTITUTION');
    const design = await create.execute(issuer, {
      issuerId: institution,
      title: 'Applied data literacy',
      frameworkId: ecampus,
      partnerIds: employers,
    });
    return {
      institution,
      employers,
      issuer,
      design,
      employerAdmins: employers.map((id) => principal(id, 'EMPLOYER')),
    };
  }

  const outboxOf = async (designId: string) =>
    (
      (await dataSource.query(
        `SELECT type FROM "credentials"."outbox" WHERE payload->>'designId' = $1 ORDER BY seq`,
        [designId],
      )) as Array<{ type: string }>
    ).map((r) => r.type);

  it('two concurrent updates with the same expected version: exactly one wins, the other gets CONFLICT', async () => {
    const { issuer, design } = await scenario();
    const results = await Promise.allSettled([
      update.execute(issuer, design.id, 1, { hours: 40 }),
      update.execute(issuer, design.id, 1, { hours: 60 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({
      code: 'CREDENTIALS.STALE_VERSION',
      category: 'CONFLICT',
      details: { currentVersion: 2 },
    });
    const [row] = (await dataSource.query(
      `SELECT version, content->>'hours' AS hours FROM "credentials"."designs" WHERE id = $1`,
      [design.id],
    )) as Array<{ version: number; hours: string }>;
    const winner = (won[0] as PromiseFulfilledResult<{ content: { hours: number } }>).value.content.hours;
    expect(row).toEqual({ version: 2, hours: String(winner) });
    expect(
      await dataSource.query(
        `SELECT version FROM "credentials"."design_versions" WHERE design_id = $1 ORDER BY version`,
        [design.id],
      ),
    ).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('ten racing editors on one version leave one new version', async () => {
    const { issuer, design } = await scenario();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => update.execute(issuer, design.id, 1, { hours: 10 + i })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => (r as PromiseRejectedResult).reason.category === 'CONFLICT'),
    ).toBe(true);
    expect(
      await dataSource.query(
        `SELECT count(*)::int AS n FROM "credentials"."design_versions" WHERE design_id = $1`,
        [design.id],
      ),
    ).toEqual([{ n: 2 }]);
  });

  it('one organization approving twice at once is recorded once', async () => {
    const { issuer, design, employerAdmins, employers } = await scenario();
    await submit.execute(issuer, design.id, null);
    const results = await Promise.allSettled([
      approveDesign.execute(employerAdmins[0]!, design.id, employers[0]!),
      approveDesign.execute(employerAdmins[0]!, design.id, employers[0]!),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe(
      'CREDENTIALS.ALREADY_APPROVED',
    );
    expect(
      await dataSource.query(
        `SELECT count(*)::int AS n FROM "credentials"."design_approvals" WHERE design_id = $1`,
        [design.id],
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('runs the workflow to publication, withdrawing approvals on an edit, with its events in the outbox', async () => {
    const { institution, issuer, design, employerAdmins, employers } = await scenario();
    await update.execute(issuer, design.id, 1, {
      competencies: [{ skillId: SKILL }],
      outcomes: [{ statement: 'Cleans a dataset', kind: 'SKILL', skillIds: [SKILL] }],
      assessment: {
        methods: ['EMPLOYER_ASSESSMENT'],
        masteryThreshold: 90,
        attemptsAllowed: 2,
        evidenceRequirements: 'Dataset',
        evidenceVisibleToEmployers: true,
      },
      transcriptable: true,
    });
    await submit.execute(issuer, design.id, null);
    await approveDesign.execute(issuer, design.id, institution);
    await approveDesign.execute(employerAdmins[0]!, design.id, employers[0]!);
    const approved = await approveDesign.execute(employerAdmins[1]!, design.id, employers[1]!);
    expect(approved.stage).toBe('APPROVED');

    const edited = await update.execute(issuer, design.id, 2, { hours: 30 });
    expect(edited).toMatchObject({ stage: 'IN_REVIEW', version: 3 });
    expect(
      await dataSource.query(
        `SELECT count(*)::int AS n FROM "credentials"."design_approvals" WHERE design_id = $1 AND withdrawn_at IS NULL`,
        [design.id],
      ),
    ).toEqual([{ n: 0 }]);
    await expect(publish.execute(issuer, design.id)).rejects.toMatchObject({
      code: 'CREDENTIALS.APPROVALS_PENDING',
    });

    for (const [who, org] of [
      [issuer, institution],
      [employerAdmins[0]!, employers[0]!],
      [employerAdmins[1]!, employers[1]!],
    ] as const)
      await approveDesign.execute(who, design.id, org);
    const credential = await publish.execute(issuer, design.id);
    expect(credential).toMatchObject({
      designId: design.id,
      issuerId: institution,
      designVersion: 3,
      frameworkId: ecampus,
      title: 'Applied data literacy',
    });
    await expect(update.execute(issuer, design.id, 3, { hours: 31 })).rejects.toMatchObject({
      code: 'CREDENTIALS.DESIGN_LOCKED',
      category: 'FAILED_PRECONDITION',
    });

    const stages = (await dataSource.query(
      `SELECT stage, left_at IS NULL AS open FROM "credentials"."design_stage_history" WHERE design_id = $1 ORDER BY id`,
      [design.id],
    )) as Array<{
      stage: string;
      open: boolean;
    }>;
    expect(stages.map((s) => s.stage)).toEqual([
      'DRAFT',
      'IN_REVIEW',
      'APPROVED',
      'IN_REVIEW',
      'APPROVED',
      'PUBLISHED',
    ]);
    expect(stages.filter((s) => s.open)).toEqual([{ stage: 'PUBLISHED', open: true }]);
    expect(await outboxOf(design.id)).toEqual([
      'credentials.design.review_requested',
      'credentials.design.compliance_reviewed',
      'credentials.design.approved',
      'credentials.design.review_requested',
      'credentials.design.approved',
      'credentials.design.published',
    ]);

    // The review's compliance, per framework element, for evidence to count (eCampusOntario tests four of the six).
    const [reviewed] = await dataSource.query(
      `SELECT "payload" FROM "credentials"."outbox" WHERE "type" = 'credentials.design.compliance_reviewed' AND "payload"->>'designId' = $1`,
      [design.id],
    );
    expect(reviewed.payload).toMatchObject({ frameworkId: ecampus, issuerId: institution });
    expect(reviewed.payload.elements.map((e: { element: string }) => e.element)).toEqual([
      'competencies',
      'outcomes',
      'assessment',
      'stackability',
    ]);

    // Published in the same transaction: the catalogue entry carries the published version, and a
    // rebuild from scratch derives exactly the same rows.
    const catalogue = new CatalogueRepository(dataSource);
    expect(await catalogue.entry(credential.id)).toMatchObject({
      title: 'Applied data literacy',
      hours: 30,
      transcriptable: true,
      skillIds: [SKILL.toLowerCase()],
      assessmentMethods: ['EMPLOYER_ASSESSMENT'],
    });
    // Other suites publish into the same database at the same time: compare this credential's row.
    const snapshot = () =>
      dataSource
        .query(`SELECT * FROM "credentials"."catalogue_entries" WHERE "credential_id" = $1`, [credential.id])
        .then((rows: Record<string, unknown>[]) => rows.map(({ refreshed_at: _refreshedAt, ...row }) => row));
    const before = await snapshot();
    expect(before).toHaveLength(1);
    expect(await catalogue.rebuild()).toBeGreaterThanOrEqual(1);
    expect(await snapshot()).toEqual(before);
  });

  it('announces an overdue review once per version, again after a new version', async () => {
    const { issuer, design } = await scenario();
    const now = new Date();
    await submit.execute(issuer, design.id, new Date(now.getTime() + 60_000), now);
    const later = new Date(now.getTime() + 120_000);
    const first = await detectOverdue.execute(later);
    expect(first.filter((d) => d.designId === design.id)).toHaveLength(1);
    expect((await detectOverdue.execute(later)).filter((d) => d.designId === design.id)).toEqual([]);
    await update.execute(issuer, design.id, 1, { hours: 12 });
    const afterEdit = (await detectOverdue.execute(later)).filter((d) => d.designId === design.id);
    expect(afterEdit).toEqual([
      { designId: design.id, version: 2, awaiting: expect.arrayContaining([design.issuerId]) },
    ]);
    expect((await outboxOf(design.id)).filter((t) => t === 'credentials.design.review_overdue')).toHaveLength(
      2,
    );
  });

  it("summarizes where an organization's designs wait, and on whom", async () => {
    const { institution, employers, issuer, design, employerAdmins } = await scenario();
    const second = await create.execute(issuer, {
      issuerId: institution,
      title: 'Second',
      frameworkId: ecampus,
      partnerIds: employers,
    });
    await submit.execute(issuer, design.id, null);
    await submit.execute(issuer, second.id, null);
    await approveDesign.execute(employerAdmins[0]!, design.id, employers[0]!);
    const summary = await summarize.execute(employerAdmins[1]!, employers[1]!);
    const review = summary.find((s) => s.stage === 'IN_REVIEW')!;
    expect(review).toMatchObject({ current: 2, visited: 2 });
    expect(review.waitingOn).toEqual([
      { organizationId: [institution, employers[1]!].sort()[0], designs: 2 },
      { organizationId: [institution, employers[1]!].sort()[1], designs: 2 },
      { organizationId: employers[0], designs: 1 },
    ]);
    expect(summary.find((s) => s.stage === 'DRAFT')).toMatchObject({ current: 0, visited: 2, waitingOn: [] });
    expect(summary.find((s) => s.stage === 'DRAFT')!.averageMs).toBeGreaterThanOrEqual(0);
    await expect(summarize.execute(principal(randomUUID(), 'EMPLOYER'), employers[1]!)).rejects.toMatchObject(
      { category: 'FORBIDDEN' },
    );
  });

  it('refuses an issuer that is not an institution, and an unknown partner', async () => {
    const employer = randomUUID();
    await expect(
      create.execute(principal(employer, 'EMPLOYER'), {
        issuerId: employer,
        title: 'X',
        frameworkId: ecampus,
      }),
    ).rejects.toMatchObject({
      code: 'CREDENTIALS.ISSUER_NOT_INSTITUTION',
    });
    const institution = randomUUID();
    await expect(
      create.execute(principal(institution, 'INSTITUTION'), {
        issuerId: institution,
        title: 'X',
        frameworkId: ecampus,
        partnerIds: [randomUUID()],
      }),
    ).rejects.toMatchObject({
      code: 'CREDENTIALS.UNKNOWN_ORGANIZATION',
    });
    expect(
      await dataSource.query(
        `SELECT count(*)::int AS n FROM "credentials"."designs" WHERE issuer_id = ANY($1::uuid[])`,
        [[employer, institution]],
      ),
    ).toEqual([{ n: 0 }]);
  });
  it("starts a design from a partnership's need: its skills (each once), delivery mode, career stage and evidence of need, in version 1", async () => {
    const institution = randomUUID();
    const employer = randomUUID();
    directory.kinds.set(employer, 'EMPLOYER');
    const other = '6e6c2f3b-5d2f-5a7b-8c9d-1e2f3a4b5c6d';
    const design = await create.execute(principal(institution, 'INSTITUTION'), {
      issuerId: institution,
      title: 'Crew leads',
      frameworkId: ecampus,
      partnershipId: randomUUID(),
      partnerIds: [employer],
      competencies: [{ skillId: SKILL }, { skillId: other }, { skillId: SKILL }],
      deliveryMode: 'HYBRID',
      careerStage: 'ENTRY',
      evidenceOfNeed: '  Need posted by the employer: 10 learners.  ',
    });
    expect(design.content).toMatchObject({
      competencies: [{ skillId: SKILL }, { skillId: other }],
      deliveryMode: 'HYBRID',
      careerStage: 'ENTRY',
      evidenceOfNeed: 'Need posted by the employer: 10 learners.',
      partnerIds: [employer],
    });
    const [version] = (await dataSource.query(
      `SELECT version, snapshot AS content FROM "credentials"."design_versions" WHERE design_id = $1`,
      [design.id],
    )) as Array<{ version: number; content: { competencies: unknown[] } }>;
    expect(version).toMatchObject({
      version: 1,
      content: { competencies: [{ skillId: SKILL }, { skillId: other }] },
    });
  });

  it('refuses a design started with a competency that is not a skill id, and stores nothing', async () => {
    const institution = randomUUID();
    await expect(
      create.execute(principal(institution, 'INSTITUTION'), {
        issuerId: institution,
        title: 'X',
        frameworkId: ecampus,
        competencies: [{ skillId: 'not a skill' }],
      }),
    ).rejects.toMatchObject({ code: 'CREDENTIALS.INVALID_SKILL_ID' });
    expect(
      await dataSource.query(`SELECT count(*)::int AS n FROM "credentials"."designs" WHERE issuer_id = $1`, [
        institution,
      ]),
    ).toEqual([{ n: 0 }]);
  });
});
