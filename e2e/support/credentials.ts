// The co-development steps (see codevelopment.e2e-spec.ts) down to a published credential, for
// the suites that start from one; and verification over HTTP as an account-less verifier does.
import { ok, origin, type Session } from './client';

/** A syntactically valid skill id; designs check form and membership, not marketplace existence. */
export const SKILL_DATA = '5d5b1e2a-4c1e-5f6a-9b8c-0d1e2f3a4b5c';

export interface PublishOptions {
  readonly title?: string;
  readonly assessment?: Record<string, unknown>;
  /** The design's competencies (Lattice skill ids); [SKILL_DATA] by default. */
  readonly skillIds?: readonly string[];
  /** Design fields to set instead of the defaults (description, hours, deliveryMode, price, language, …). */
  readonly content?: Record<string, unknown>;
}

/** A design with every element the eCampusOntario framework checks, still in draft; returns its id. */
export async function draftCompleteDesign(
  college: Session,
  collegeId: string,
  partnerIds: readonly string[],
  title: string,
  options: Omit<PublishOptions, 'title'> = {},
): Promise<string> {
  const frameworks = (await ok('{ frameworks { id key } }', {}, college.token)).frameworks as Array<{
    id: string;
    key: string;
  }>;
  const frameworkId = frameworks.find((f) => f.key === 'ecampusontario')!.id;
  const created = await ok(
    'mutation($i: CreateCredentialDesignInput!) { createCredentialDesign(input: $i) { id } }',
    { i: { issuerId: collegeId, title, frameworkId, partnerIds } },
    college.token,
  );
  const id = created.createCredentialDesign.id as string;
  const skillIds = options.skillIds ?? [SKILL_DATA];
  await ok(
    'mutation($id: ID!, $v: Int!, $i: UpdateCredentialDesignInput!) { updateCredentialDesign(id: $id, expectedVersion: $v, input: $i) { version } }',
    {
      id,
      v: 1,
      i: {
        description: 'Sets up and runs a CNC mill safely.',
        competencies: skillIds.map((skillId) => ({ skillId })),
        outcomes: [{ statement: 'Sets up a mill for a new job', kind: 'SKILL', skillIds }],
        assessment: {
          methods: ['EMPLOYER_ASSESSMENT'],
          authentic: true,
          evidenceVisibleToEmployers: true,
          evidenceRequirements: 'A supervised setup on the shop floor.',
          masteryThreshold: 80,
          attemptsAllowed: 2,
          ...options.assessment,
        },
        hours: 40,
        weeks: 4,
        deliveryMode: 'HYBRID',
        credit: false,
        transcriptable: true,
        stackableInto: [],
        careerStage: 'ENTRY',
        price: 300,
        language: 'en',
        ...options.content,
      },
    },
    college.token,
  );
  return id;
}

export async function publishCredential(
  college: Session,
  collegeId: string,
  employer: Session,
  employerId: string,
  options: PublishOptions = {},
): Promise<string> {
  const id = await draftCompleteDesign(
    college,
    collegeId,
    [employerId],
    options.title ?? 'Safe <CNC> setup & "care"',
    options,
  );
  await ok('mutation($id: ID!) { submitDesignForReview(id: $id) { stage } }', { id }, college.token);
  await ok(
    'mutation($id: ID!, $o: ID!) { approveDesign(id: $id, organizationId: $o) { stage } }',
    { id, o: collegeId },
    college.token,
  );
  await ok(
    'mutation($id: ID!, $o: ID!) { approveDesign(id: $id, organizationId: $o) { stage } }',
    { id, o: employerId },
    employer.token,
  );
  return (await ok('mutation($id: ID!) { publishCredential(designId: $id) { id } }', { id }, college.token))
    .publishCredential.id as string;
}

export interface VerificationReport {
  verified: boolean;
  checks: { name: string; passed: boolean; detail: string | null }[];
}

/** POST /verify, as anyone without an account would. */
export async function verifyOverHttp(document: unknown): Promise<VerificationReport> {
  const response = await fetch(`${origin()}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(document),
  });
  return (await response.json()) as VerificationReport;
}

/** The names of the checks that failed, in order. */
export const failedChecks = (report: VerificationReport): string[] =>
  report.checks.filter((c) => !c.passed).map((c) => c.name);
