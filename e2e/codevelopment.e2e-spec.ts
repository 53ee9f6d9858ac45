// Co-development through the gateway: an institution and two employers take a credential design
// from draft through comments, changes requested, resubmission and approval by all three to
// publication; and every refusal of the "bad input" list leaves the design as it was.
import { codeOf, createOrganization, gql, ok, signUp, type Session } from './support/client';
import { OPERATOR } from './support/global-setup';

// A project's testTimeout is not applied per project by Jest; these journeys take a few seconds.
jest.setTimeout(60_000);

const SKILL_DATA = '5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c';
const SKILL_CHARTS = '7a0e3c44-2f1b-5d7e-8a9b-1c2d3e4f5a6b';
const NOT_TARGETED = '0b7c1b5e-8f1a-4a55-9a39-2b4d1c3c8e21';

const DESIGN_FIELDS = `id version stage title reviewDueAt issuer { id name kind } partners { id name }
  approvals { organization { id } version }
  pendingApprovals { id }
  waitingOn { id }
  comments { id body field resolved author { id name } replies { id body author { id } } }
  versions { version summary author { id } }`;
const CREATE = `mutation($i: CreateCredentialDesignInput!) { createCredentialDesign(input: $i) { ${DESIGN_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateCredentialDesignInput!) { updateCredentialDesign(id: $id, expectedVersion: $v, input: $i) { id version stage } }`;
const COMMENT =
  'mutation($d: ID!, $b: String!, $f: String, $r: ID) { commentOnDesign(designId: $d, body: $b, field: $f, replyTo: $r) { id field body resolved } }';
const SUBMIT =
  'mutation($id: ID!, $due: DateTime) { submitDesignForReview(id: $id, reviewDueAt: $due) { id stage reviewDueAt checkedPassed checkedFramework { key } } }';
const REQUEST_CHANGES =
  'mutation($id: ID!, $c: String!) { requestDesignChanges(id: $id, comment: $c) { id stage } }';
const APPROVE =
  'mutation($id: ID!, $o: ID!) { approveDesign(id: $id, organizationId: $o) { id stage version } }';
const PUBLISH =
  'mutation($id: ID!) { publishCredential(designId: $id) { id title publishedVersion issuer { id name } endorsements { id } sponsorships { id } adoptions { id } framework { key } } }';
const DESIGN = `query($id: ID!) { credentialDesign(id: $id) { ${DESIGN_FIELDS} } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a refusal must leave untouched. */
async function stateOf(designId: string, token: string) {
  const data = await ok(
    `query($id: ID!) { credentialDesign(id: $id) { version stage hours assessment { masteryThreshold attemptsAllowed } outcomes { statement skillIds }
      approvals { organization { id } version } comments { id replies { id } } versions { version } credential { id } } }`,
    { id: designId },
    token,
  );
  return data.credentialDesign;
}

const completeContent = {
  description: 'Reading, cleaning and charting workplace data.',
  competencies: [{ skillId: SKILL_DATA }, { skillId: SKILL_CHARTS }],
  outcomes: [
    { statement: 'Cleans a messy spreadsheet', kind: 'SKILL', skillIds: [SKILL_DATA] },
    { statement: 'Explains a chart to a manager', kind: 'ATTITUDE', skillIds: [SKILL_CHARTS] },
  ],
  assessment: {
    methods: ['EMPLOYER_ASSESSMENT', 'PORTFOLIO'],
    masteryThreshold: 80,
    attemptsAllowed: 2,
    authentic: true,
    evidenceVisibleToEmployers: true,
    evidenceRequirements: 'A cleaned dataset and a one-page chart brief.',
  },
  hours: 60,
  weeks: 8,
  deliveryMode: 'HYBRID',
  credit: false,
  transcriptable: true,
  stackableInto: ['Business analytics certificate'],
  careerStage: 'MID_CAREER',
  price: 450,
  language: 'en',
};

describe('co-development', () => {
  let college: Session;
  let employerA: Session;
  let employerB: Session;
  let outsider: Session;
  let collegeId: string;
  let employerAId: string;
  let employerBId: string;
  let ecampusId: string;
  let nzqaId: string;

  beforeAll(async () => {
    [college, employerA, employerB, outsider] = await Promise.all([
      signUp('college'),
      signUp('employer-a'),
      signUp('employer-b'),
      signUp('outsider'),
    ]);
    collegeId = await createOrganization(college, {
      name: 'Northern Lakes College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    employerAId = await createOrganization(employerA, {
      name: 'Boreal Mining Ltd',
      kind: 'EMPLOYER',
      size: 'LARGE',
      sector: '212',
    });
    employerBId = await createOrganization(employerB, {
      name: 'Sudbury Health Network',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '622',
    });
    const frameworks = (await ok('{ frameworks { id key version } }', {}, college.token))
      .frameworks as Array<{ id: string; key: string }>;
    ecampusId = frameworks.find((f) => f.key === 'ecampusontario')!.id;
    nzqaId = frameworks.find((f) => f.key === 'nzqa')!.id;
  });

  async function newDesign(title = 'Applied data literacy', partners = [employerAId, employerBId]) {
    const data = await ok(
      CREATE,
      { i: { issuerId: collegeId, title, frameworkId: ecampusId, partnerIds: partners } },
      college.token,
    );
    return data.createCredentialDesign;
  }

  it('lists the shipped frameworks, the six-element eCampusOntario framework among them', async () => {
    const data = await ok('{ frameworks { key name version rules } }', {}, college.token);
    const keys = data.frameworks.map((f: { key: string }) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining(['ecampusontario', 'eu-council-2022', 'nzqa', 'ontario-osap']),
    );
    expect(data.frameworks.find((f: { key: string }) => f.key === 'ecampusontario').rules).toHaveLength(6);
  });

  it('takes a design from draft through comments, changes requested, resubmission and approval by all three to publication', async () => {
    const started = Date.now();
    const created = await newDesign();
    expect(created).toMatchObject({
      version: 1,
      stage: 'DRAFT',
      issuer: { id: collegeId, name: 'Northern Lakes College', kind: 'INSTITUTION' },
    });
    expect(created.partners.map((p: { name: string }) => p.name)).toEqual([
      'Boreal Mining Ltd',
      'Sudbury Health Network',
    ]);
    const id = created.id as string;

    const edited = await ok(UPDATE, { id, v: 1, i: completeContent }, college.token);
    expect(edited.updateCredentialDesign).toMatchObject({ version: 2, stage: 'DRAFT' });

    // Threaded comments anchored to a field, a reply, and resolution.
    const thread = (
      await ok(
        COMMENT,
        { d: id, b: 'Is 80% enough for safety-critical data work?', f: 'assessment.masteryThreshold' },
        employerA.token,
      )
    ).commentOnDesign;
    expect(thread).toMatchObject({ field: 'assessment.masteryThreshold', resolved: false });
    const reply = (
      await ok(COMMENT, { d: id, b: 'We can raise it after review.', r: thread.id }, college.token)
    ).commentOnDesign;
    expect(reply.field).toBe('assessment.masteryThreshold');

    await sleep(300);
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const submitted = (await ok(SUBMIT, { id, due }, college.token)).submitDesignForReview;
    expect(submitted).toMatchObject({
      stage: 'IN_REVIEW',
      reviewDueAt: due,
      checkedPassed: true,
      checkedFramework: { key: 'ecampusontario' },
    });

    expect((await ok(APPROVE, { id, o: employerAId }, employerA.token)).approveDesign).toMatchObject({
      stage: 'IN_REVIEW',
      version: 2,
    });
    await sleep(300);
    const changes = await ok(
      REQUEST_CHANGES,
      { id, c: 'Please raise the mastery threshold to 90%.' },
      employerB.token,
    );
    expect(changes.requestDesignChanges.stage).toBe('CHANGES_REQUESTED');

    // The issuer answers: a new version, which withdraws employer A's approval of version 2.
    const v3 = await ok(UPDATE, { id, v: 2, i: { assessment: { masteryThreshold: 90 } } }, college.token);
    expect(v3.updateCredentialDesign).toMatchObject({ version: 3, stage: 'CHANGES_REQUESTED' });
    await ok(
      'mutation($id: ID!) { resolveDesignComment(id: $id) { resolved } }',
      { id: thread.id },
      employerA.token,
    );
    await sleep(200);
    expect((await ok(SUBMIT, { id }, college.token)).submitDesignForReview.stage).toBe('IN_REVIEW');

    const waiting = (await ok(DESIGN, { id }, employerB.token)).credentialDesign;
    expect(waiting.approvals).toEqual([]);
    expect(waiting.waitingOn.map((o: { id: string }) => o.id)).toEqual([collegeId, employerAId, employerBId]);

    await sleep(300);
    expect((await ok(APPROVE, { id, o: collegeId }, college.token)).approveDesign.stage).toBe('IN_REVIEW');
    expect((await ok(APPROVE, { id, o: employerAId }, employerA.token)).approveDesign.stage).toBe(
      'IN_REVIEW',
    );
    expect((await ok(APPROVE, { id, o: employerBId }, employerB.token)).approveDesign.stage).toBe('APPROVED');

    const credential = (await ok(PUBLISH, { id }, college.token)).publishCredential;
    expect(credential).toMatchObject({
      title: 'Applied data literacy',
      publishedVersion: 3,
      issuer: { id: collegeId, name: 'Northern Lakes College' },
      endorsements: [],
      sponsorships: [],
      adoptions: [],
      framework: { key: 'ecampusontario' },
    });
    const elapsed = Date.now() - started;

    const published = (
      await ok(
        `query($id: ID!) { credentialDesign(id: $id) {
          ${DESIGN_FIELDS}
          assessment { masteryThreshold attemptsAllowed methods }
          credential { id }
          stageHistory { stage version enteredAt leftAt durationMs enteredBy { id } }
          timeInStages { stage visits totalMs }
          compliance { passed framework { key } rules { id status reason } }
        } }`,
        { id },
        employerA.token,
      )
    ).credentialDesign;
    expect(published).toMatchObject({
      stage: 'PUBLISHED',
      version: 3,
      credential: { id: credential.id },
      assessment: { masteryThreshold: 90, attemptsAllowed: 2 },
    });
    expect(
      published.approvals
        .map((a: { organization: { id: string }; version: number }) => [a.organization.id, a.version])
        .sort(),
    ).toEqual(
      [
        [collegeId, 3],
        [employerAId, 3],
        [employerBId, 3],
      ].sort(),
    );
    expect(
      published.versions.map((v: { version: number; summary: string }) => [v.version, v.summary]),
    ).toEqual([
      [1, 'created'],
      [2, 'edited'],
      [3, 'edited'],
    ]);
    expect(published.comments).toHaveLength(2);
    const anchored = published.comments.find((c: { id: string }) => c.id === thread.id);
    expect(anchored).toMatchObject({
      resolved: true,
      author: { name: 'Test employer-a' },
      replies: [{ id: reply.id, author: { id: college.userId } }],
    });
    expect(published.comments.find((c: { id: string }) => c.id !== thread.id)).toMatchObject({
      body: 'Please raise the mastery threshold to 90%.',
      field: null,
    });
    expect(published.compliance).toMatchObject({ passed: true, framework: { key: 'ecampusontario' } });
    expect(published.compliance.rules.map((r: { status: string }) => r.status)).toEqual([
      'PASS',
      'PASS',
      'PASS',
      'PASS',
      'PASS',
      'PASS',
    ]);

    // The stage-time query shows real durations that add up to the time the test took.
    const history = published.stageHistory as Array<{
      stage: string;
      durationMs: number;
      leftAt: string | null;
    }>;
    expect(history.map((h) => h.stage)).toEqual([
      'DRAFT',
      'IN_REVIEW',
      'CHANGES_REQUESTED',
      'IN_REVIEW',
      'APPROVED',
      'PUBLISHED',
    ]);
    expect(history[0]!.durationMs).toBeGreaterThanOrEqual(250);
    expect(history[1]!.durationMs).toBeGreaterThanOrEqual(250);
    expect(history[3]!.durationMs).toBeGreaterThanOrEqual(250);
    expect(history.at(-1)!.leftAt).toBeNull();
    const totals = Object.fromEntries(
      (published.timeInStages as Array<{ stage: string; visits: number; totalMs: number }>).map((t) => [
        t.stage,
        t,
      ]),
    );
    expect(totals['IN_REVIEW']).toMatchObject({ visits: 2 });
    expect(totals['IN_REVIEW'].totalMs).toBe(history[1]!.durationMs + history[3]!.durationMs);
    const sum = history.slice(0, -1).reduce((total, h) => total + h.durationMs, 0);
    expect(sum).toBeGreaterThan(900);
    expect(sum).toBeLessThanOrEqual(elapsed + 50);

    const diff = (
      await ok(
        'query($d: ID!) { designVersionDiff(designId: $d, from: 2, to: 3) { field before after } }',
        { d: id },
        employerB.token,
      )
    ).designVersionDiff;
    expect(diff).toEqual([{ field: 'assessment.masteryThreshold', before: 80, after: 90 }]);
    const fullDiff = (
      await ok(
        'query($d: ID!) { designVersionDiff(designId: $d, from: 1, to: 3) { field } }',
        { d: id },
        employerB.token,
      )
    ).designVersionDiff;
    expect(fullDiff.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining([
        'hours',
        'outcomes.0.statement',
        'assessment.masteryThreshold',
        'competencies.1.skillId',
      ]),
    );

    const listed = await ok(
      'query($o: ID!, $s: DesignStage) { credentialDesigns(organizationId: $o, stage: $s, first: 50) { totalCount edges { node { id stage } } } }',
      { o: employerBId, s: 'PUBLISHED' },
      employerB.token,
    );
    expect(listed.credentialDesigns.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    expect(
      listed.credentialDesigns.edges.every((e: { node: { stage: string } }) => e.node.stage === 'PUBLISHED'),
    ).toBe(true);

    const summary = (
      await ok(
        'query($o: ID!) { designStageSummary(organizationId: $o) { stage current visited averageMs waitingOn { organization { id name } designs } } }',
        { o: collegeId },
        college.token,
      )
    ).designStageSummary as Array<{ stage: string; current: number; visited: number; averageMs: number }>;
    const inReview = summary.find((s) => s.stage === 'IN_REVIEW')!;
    expect(inReview.visited).toBeGreaterThanOrEqual(1);
    expect(inReview.averageMs).toBeGreaterThan(0);

    const fetched = await ok(
      'query($id: ID!) { credential(id: $id) { id title issuer { name } designId } }',
      { id: credential.id },
      outsider.token,
    );
    expect(fetched.credential).toEqual({
      id: credential.id,
      title: 'Applied data literacy',
      issuer: { name: 'Northern Lakes College' },
      designId: id,
    });

    // Editing a published design: refused, nothing changed.
    const before = await stateOf(id, college.token);
    const edit = await gql(UPDATE, { id, v: 3, i: { hours: 61 } }, college.token);
    expect(codeOf(edit)).toBe('FAILED_PRECONDITION');
    expect(edit.errors?.[0]?.extensions?.reason).toBe('CREDENTIALS.DESIGN_LOCKED');
    expect(await stateOf(id, college.token)).toEqual(before);
  });

  describe('refusals leave the design unchanged', () => {
    let id: string;
    beforeAll(async () => {
      id = (await newDesign('Safety data basics')).id;
      await ok(UPDATE, { id, v: 1, i: completeContent }, college.token);
    });

    async function expectRefused(
      query: string,
      variables: Record<string, unknown>,
      token: string,
      code: string,
      reason?: string,
    ) {
      const before = await stateOf(id, college.token);
      const result = await gql(query, variables, token);
      expect(codeOf(result)).toBe(code);
      if (reason) expect(result.errors?.[0]?.extensions?.reason).toBe(reason);
      expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ''] ?? null).toBeNull();
      expect(await stateOf(id, college.token)).toEqual(before);
    }

    it('outcomes referencing skills the design does not target: BAD_USER_INPUT', async () => {
      await expectRefused(
        UPDATE,
        { id, v: 2, i: { outcomes: [{ statement: 'Writes SQL', kind: 'SKILL', skillIds: [NOT_TARGETED] }] } },
        college.token,
        'BAD_USER_INPUT',
        'CREDENTIALS.UNKNOWN_SKILL',
      );
      await expectRefused(
        UPDATE,
        { id, v: 2, i: { competencies: [{ skillId: 'python' }] } },
        college.token,
        'BAD_USER_INPUT',
        'CREDENTIALS.INVALID_SKILL_ID',
      );
    });

    it.each([101, -1, 150.5])('a mastery threshold of %d: BAD_USER_INPUT', async (masteryThreshold) => {
      await expectRefused(
        UPDATE,
        { id, v: 2, i: { assessment: { masteryThreshold } } },
        college.token,
        'BAD_USER_INPUT',
      );
    });

    it('zero attempts: BAD_USER_INPUT', async () => {
      await expectRefused(
        UPDATE,
        { id, v: 2, i: { assessment: { attemptsAllowed: 0 } } },
        college.token,
        'BAD_USER_INPUT',
      );
    });

    it('a stale expected version: CONFLICT', async () => {
      await expectRefused(
        UPDATE,
        { id, v: 1, i: { hours: 10 } },
        college.token,
        'CONFLICT',
        'CREDENTIALS.STALE_VERSION',
      );
    });

    it('editing by someone outside the issuer: FORBIDDEN', async () => {
      await expectRefused(UPDATE, { id, v: 2, i: { hours: 10 } }, employerA.token, 'FORBIDDEN');
    });

    it('publishing a draft, and approving before review: FAILED_PRECONDITION', async () => {
      await expectRefused(PUBLISH, { id }, college.token, 'FAILED_PRECONDITION');
      await expectRefused(
        APPROVE,
        { id, o: employerAId },
        employerA.token,
        'FAILED_PRECONDITION',
        'CREDENTIALS.INVALID_TRANSITION',
      );
    });

    describe('in review', () => {
      beforeAll(async () => {
        await ok(SUBMIT, { id }, college.token);
      });

      it('approving on behalf of an organization you do not belong to: FORBIDDEN', async () => {
        await expectRefused(APPROVE, { id, o: employerBId }, employerA.token, 'FORBIDDEN');
        await expectRefused(APPROVE, { id, o: employerAId }, outsider.token, 'FORBIDDEN');
      });

      it('approving for an organization that is not a party: FORBIDDEN', async () => {
        const otherId = await createOrganization(outsider, {
          name: 'Unrelated Employer',
          kind: 'EMPLOYER',
          size: 'SMALL',
        });
        await expectRefused(
          APPROVE,
          { id, o: otherId },
          outsider.token,
          'FORBIDDEN',
          'CREDENTIALS.NOT_A_PARTY',
        );
      });

      it('approving twice: CONFLICT', async () => {
        await ok(APPROVE, { id, o: employerAId }, employerA.token);
        await expectRefused(
          APPROVE,
          { id, o: employerAId },
          employerA.token,
          'CONFLICT',
          'CREDENTIALS.ALREADY_APPROVED',
        );
      });

      it('publishing before every partner approved: FAILED_PRECONDITION', async () => {
        await ok(APPROVE, { id, o: collegeId }, college.token);
        await expectRefused(
          PUBLISH,
          { id },
          college.token,
          'FAILED_PRECONDITION',
          'CREDENTIALS.APPROVALS_PENDING',
        );
      });

      it('an outsider can neither read nor comment on the design', async () => {
        expect(codeOf(await gql(DESIGN, { id }, outsider.token))).toBe('FORBIDDEN');
        await expectRefused(COMMENT, { d: id, b: 'Hello' }, outsider.token, 'FORBIDDEN');
      });

      it('a comment on a field a design does not have: BAD_USER_INPUT', async () => {
        await expectRefused(COMMENT, { d: id, b: 'Hmm', f: 'colour' }, employerB.token, 'BAD_USER_INPUT');
      });
    });
  });

  it('refuses to publish a fully approved design that does not comply with its framework', async () => {
    const id = (await newDesign('Non-compliant draft')).id as string;
    await ok(
      UPDATE,
      {
        id,
        v: 1,
        i: {
          ...completeContent,
          assessment: { ...completeContent.assessment, evidenceVisibleToEmployers: false },
        },
      },
      college.token,
    );
    const submitted = (await ok(SUBMIT, { id }, college.token)).submitDesignForReview;
    expect(submitted.checkedPassed).toBe(false);
    for (const [token, org] of [
      [college.token, collegeId],
      [employerA.token, employerAId],
      [employerB.token, employerBId],
    ] as const)
      await ok(APPROVE, { id, o: org }, token);
    const before = await stateOf(id, college.token);
    expect(before.stage).toBe('APPROVED');
    const result = await gql(PUBLISH, { id }, college.token);
    expect(codeOf(result)).toBe('FAILED_PRECONDITION');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      reason: 'CREDENTIALS.NOT_COMPLIANT',
      details: { failing: ['summative-assessment'] },
    });
    expect(await stateOf(id, college.token)).toEqual(before);

    const report = (
      await ok(
        'query($id: ID!, $f: ID) { credentialDesign(id: $id) { compliance(frameworkId: $f) { passed framework { key } rules { id status reason } } } }',
        { id, f: nzqaId },
        college.token,
      )
    ).credentialDesign.compliance;
    expect(report.framework.key).toBe('nzqa');
    expect(report.rules.find((r: { id: string }) => r.id === 'credits')).toMatchObject({
      status: 'PASS',
      reason: expect.stringContaining('credits is 6'),
    });
    expect(report.rules.find((r: { id: string }) => r.id === 'annual-review')).toMatchObject({
      status: 'FAIL',
    });
  });

  it('refuses an issuer that is not an institution, and a design for an institution you do not administer', async () => {
    const employerDesign = await gql(
      CREATE,
      { i: { issuerId: employerAId, title: 'Employer-issued', frameworkId: ecampusId } },
      employerA.token,
    );
    expect(codeOf(employerDesign)).toBe('BAD_USER_INPUT');
    expect(employerDesign.errors?.[0]?.extensions?.reason).toBe('CREDENTIALS.ISSUER_NOT_INSTITUTION');
    expect(
      codeOf(
        await gql(
          CREATE,
          { i: { issuerId: collegeId, title: 'Hijack', frameworkId: ecampusId } },
          outsider.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    const listed = await ok(
      'query($o: ID!) { credentialDesigns(organizationId: $o, first: 100) { edges { node { title } } } }',
      { o: employerAId },
      employerA.token,
    );
    expect(
      listed.credentialDesigns.edges.map((e: { node: { title: string } }) => e.node.title),
    ).not.toContain('Employer-issued');
  });

  it('adds a partner later, which needs that partner to approve too', async () => {
    const id = (await newDesign('Two-step partnership', [employerAId])).id as string;
    const added = await ok(
      'mutation($d: ID!, $o: ID!) { addDesignPartner(designId: $d, organizationId: $o) { version partners { id } } }',
      { d: id, o: employerBId },
      college.token,
    );
    expect(added.addDesignPartner).toEqual({
      version: 2,
      partners: [{ id: employerAId }, { id: employerBId }],
    });
    const again = await gql(
      'mutation($d: ID!, $o: ID!) { addDesignPartner(designId: $d, organizationId: $o) { version } }',
      { d: id, o: employerBId },
      college.token,
    );
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('lets operators add a framework version without a deploy, and nobody else', async () => {
    const input = {
      key: `e2e-framework-${Date.now()}`,
      name: 'E2E short courses',
      version: '1',
      publisher: 'Lattice tests',
      description: 'Short courses only.',
      rules: [{ id: 'short', label: 'At most 20 hours', kind: 'range', field: 'hours', max: 20 }],
    };
    const ADD = 'mutation($i: AddFrameworkInput!) { addFramework(input: $i) { id key version } }';
    expect(codeOf(await gql(ADD, { i: input }, college.token))).toBe('FORBIDDEN');
    const operator = (
      await ok('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }', {
        e: OPERATOR.email,
        p: OPERATOR.password,
      })
    ).logIn.token as string;
    const added = (await ok(ADD, { i: input }, operator)).addFramework;
    expect(added).toMatchObject({ key: input.key, version: '1' });
    expect(codeOf(await gql(ADD, { i: input }, operator))).toBe('CONFLICT');
    expect(
      codeOf(
        await gql(
          ADD,
          { i: { ...input, version: '2', rules: [{ id: 'bad', label: 'B', kind: 'magic' }] } },
          operator,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await ok(ADD, { i: { ...input, version: '2' } }, operator)).addFramework.version).toBe('2');

    const id = (await newDesign('Checked against the new framework')).id as string;
    await ok(UPDATE, { id, v: 1, i: { hours: 30 } }, college.token);
    const report = (
      await ok(
        'query($id: ID!, $f: ID) { credentialDesign(id: $id) { compliance(frameworkId: $f) { passed rules { id status reason details { code params } } } } }',
        { id, f: added.id },
        college.token,
      )
    ).credentialDesign.compliance;
    // The reason in English, and as codes with parameters an app words in its reader's language.
    expect(report).toEqual({
      passed: false,
      rules: [
        {
          id: 'short',
          status: 'FAIL',
          reason: 'At most 20 hours: hours is 30; it must be at most 20',
          details: [{ code: 'OUT_OF_RANGE', params: { field: 'hours', value: 30, max: 20 } }],
        },
      ],
    });
  });

  it('announces an overdue review once per version', async () => {
    const id = (await newDesign('Slow review')).id as string;
    await ok(SUBMIT, { id, due: new Date(Date.now() + 1_500).toISOString() }, college.token);
    const operator = (
      await ok('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }', {
        e: OPERATOR.email,
        p: OPERATOR.password,
      })
    ).logIn.token as string;
    const DETECT = 'mutation { detectOverdueDesignReviews }';
    expect(codeOf(await gql(DETECT, {}, college.token))).toBe('FORBIDDEN');
    expect((await ok(DETECT, {}, operator)).detectOverdueDesignReviews).not.toContain(id);
    await sleep(1_700);
    expect(
      (await ok(DESIGN.replace('reviewDueAt', 'reviewDueAt reviewOverdue'), { id }, college.token))
        .credentialDesign.reviewOverdue,
    ).toBe(true);
    expect((await ok(DETECT, {}, operator)).detectOverdueDesignReviews).toContain(id);
    expect((await ok(DETECT, {}, operator)).detectOverdueDesignReviews).not.toContain(id);
  });
});
