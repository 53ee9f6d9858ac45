// Demo data, created through the public API as a client would: people, organizations and an
// umbrella. Idempotent: an existing demo account is logged into, not created again.
import { graphqlClient } from './graphql-client.mjs';

export const DEMO_PASSWORD = 'lattice-demo-2026';
export const DEMO_ACCOUNTS = [
  {
    email: 'employer@demo.lattice.ca',
    name: 'Émilie Tremblay',
    org: {
      name: 'Northern Shield Mining',
      kind: 'EMPLOYER',
      size: 'LARGE',
      region: 'ON-Sudbury',
      sector: '212',
    },
  },
  {
    email: 'college@demo.lattice.ca',
    name: 'Daniel Okafor',
    org: { name: 'Boreal Lakes College', kind: 'INSTITUTION', size: 'SMALL', region: 'ON-Northeast' },
  },
  {
    email: 'polytech@demo.lattice.ca',
    name: 'Priya Raman',
    org: { name: 'Lakehead Polytechnic', kind: 'INSTITUTION', size: 'MEDIUM', region: 'ON-Thunder Bay' },
  },
  {
    email: 'umbrella@demo.lattice.ca',
    name: 'Marc Gagnon',
    org: { name: 'Ontario Mining Skills Council', kind: 'UMBRELLA', size: 'MEDIUM', region: 'ON' },
  },
];

export async function seedDemo(gatewayUrl, log = console.log) {
  const request = graphqlClient(gatewayUrl);
  const sessions = {};
  for (const account of DEMO_ACCOUNTS) {
    let token;
    try {
      token = (
        await request('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }', {
          e: account.email,
          p: DEMO_PASSWORD,
        })
      ).logIn.token;
    } catch {
      token = (
        await request('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
          i: { email: account.email, password: DEMO_PASSWORD, name: account.name, locale: 'en' },
        })
      ).signUp.token;
    }
    const me = (await request('{ me { memberships { organization { id name } } } }', {}, token)).me;
    let organization = me.memberships.find((m) => m.organization.name === account.org.name)?.organization;
    if (!organization) {
      organization = (
        await request(
          'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id name } }',
          { i: account.org },
          token,
        )
      ).createOrganization;
      log(`  created ${account.org.kind.toLowerCase()} ${organization.name}`);
    }
    sessions[account.email] = { token, organizationId: organization.id };
  }
  // The employer and the small college belong to the sector council.
  const umbrella = sessions['umbrella@demo.lattice.ca'].organizationId;
  for (const email of ['employer@demo.lattice.ca', 'college@demo.lattice.ca']) {
    try {
      await request(
        'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { role } }',
        { u: umbrella, o: sessions[email].organizationId },
        sessions[email].token,
      );
    } catch (error) {
      if (!error.codes?.includes('CONFLICT')) throw error;
    }
  }
  await seedMarketplace(request, sessions, log);
  await seedCredentialDesign(request, sessions, log);
  return sessions;
}

// What the demo employer needs and what the two colleges can teach, in ESCO terms, so the
// matches (with their reasons) are real from the first start.
const DEMO_NEEDS = [
  {
    title: 'Mine-site environmental compliance technicians',
    description:
      'Technicians who keep tailings and water monitoring within provincial limits and explain it to the community.',
    skills: [
      ['ensure compliance with environmental legislation', 3],
      ['analyse environmental data', 2],
      ['communicate on the environmental impact of mining', 2],
    ],
    region: 'ON-Sudbury',
    deliveryModes: ['HYBRID', 'IN_PERSON'],
    learnerCount: 25,
    careerStage: 'MID_CAREER',
    monthsAhead: 9,
  },
  {
    title: 'Data analytics for mine operations',
    description: 'Front-line supervisors who read production and maintenance data and act on it as a team.',
    skills: [
      ['data analytics', 3],
      ['work in teams', 2],
      ['solve problems', 2],
    ],
    region: 'ON-Northeast',
    deliveryModes: ['ONLINE', 'HYBRID'],
    learnerCount: 40,
    careerStage: 'ENTRY',
    monthsAhead: 6,
  },
];
const DEMO_PROFILES = {
  'college@demo.lattice.ca': {
    skills: [
      ['ensure compliance with environmental legislation', 3],
      ['analyse environmental data', 3],
      ['conduct environmental surveys', 2],
      ['work in teams', 3],
    ],
    regions: ['ON-Northeast'],
    deliveryModes: ['HYBRID', 'IN_PERSON'],
    annualCapacity: 30,
  },
  'polytech@demo.lattice.ca': {
    skills: [
      ['data analytics', 4],
      ['data mining', 3],
      ['advise on mining environmental issues', 3],
      ['solve problems', 2],
    ],
    regions: ['ON-Northwest'],
    deliveryModes: ['ONLINE', 'IN_PERSON'],
    annualCapacity: 120,
  },
};

async function seedMarketplace(request, sessions, log) {
  const ids = new Map();
  const skillId = async (label) => {
    if (!ids.has(label)) {
      const found = (
        await request('query($s: String) { skills(search: $s, first: 20) { edges { node { id label } } } }', {
          s: label,
        })
      ).skills.edges.find((e) => e.node.label === label);
      if (!found) throw new Error(`demo skill "${label}" is not in the taxonomy`);
      ids.set(label, found.node.id);
    }
    return ids.get(label);
  };
  const levels = async (list) =>
    Promise.all(list.map(async ([label, level]) => ({ skillId: await skillId(label), level })));

  for (const [email, profile] of Object.entries(DEMO_PROFILES)) {
    const { token, organizationId } = sessions[email];
    await request(
      'mutation($i: CapabilityProfileInput!) { upsertCapabilityProfile(input: $i) { annualCapacity } }',
      { i: { organizationId, ...profile, skills: await levels(profile.skills) } },
      token,
    );
  }
  const { token, organizationId } = sessions['employer@demo.lattice.ca'];
  const existing = (
    await request(
      'query($f: SkillNeedFilter) { skillNeeds(filter: $f, first: 50) { edges { node { title } } } }',
      { f: { organizationId, status: 'OPEN' } },
      token,
    )
  ).skillNeeds.edges.map((e) => e.node.title);
  for (const need of DEMO_NEEDS) {
    if (existing.includes(need.title)) continue;
    const neededBy = new Date(Date.now() + need.monthsAhead * 30 * 86_400_000).toISOString().slice(0, 10);
    const { monthsAhead: _months, ...fields } = need;
    await request(
      'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
      { i: { ...fields, organizationId, neededBy, skills: await levels(need.skills) } },
      token,
    );
    log(`  posted skill need "${need.title}"`);
  }
}

// ---------- credentials (co-development) ----------
// A credential design the small college co-develops with the demo employer, left in review so
// the demo shows a design waiting on its partner, a field comment and a compliance report.
const DEMO_DESIGN_TITLE = 'Mine site data literacy';

async function seedCredentialDesign(request, sessions, log) {
  const college = sessions['college@demo.lattice.ca'];
  const employer = sessions['employer@demo.lattice.ca'];
  const designs = (
    await request(
      'query($o: ID!) { credentialDesigns(organizationId: $o, first: 100) { edges { node { title } } } }',
      { o: college.organizationId },
      college.token,
    )
  ).credentialDesigns.edges.map((e) => e.node.title);
  if (designs.includes(DEMO_DESIGN_TITLE)) return;
  const frameworks = (await request('{ frameworks { id key } }', {}, college.token)).frameworks;
  const frameworkId = frameworks.find((f) => f.key === 'ecampusontario').id;
  const design = (
    await request(
      'mutation($i: CreateCredentialDesignInput!) { createCredentialDesign(input: $i) { id version } }',
      {
        i: {
          issuerId: college.organizationId,
          title: DEMO_DESIGN_TITLE,
          frameworkId,
          partnerIds: [employer.organizationId],
        },
      },
      college.token,
    )
  ).createCredentialDesign;
  const skills = (
    await request('{ skills(first: 2) { edges { node { id } } } }', {}, college.token)
  ).skills.edges.map((e) => e.node.id);
  await request(
    'mutation($id: ID!, $v: Int!, $i: UpdateCredentialDesignInput!) { updateCredentialDesign(id: $id, expectedVersion: $v, input: $i) { version } }',
    {
      id: design.id,
      v: design.version,
      i: {
        description: 'Reading, cleaning and charting the data a mine site runs on.',
        competencies: skills.map((skillId) => ({ skillId })),
        outcomes: skills.length
          ? [
              {
                statement: 'Cleans and charts a shift production report',
                kind: 'SKILL',
                skillIds: [skills[0]],
              },
            ]
          : [],
        assessment: {
          methods: ['EMPLOYER_ASSESSMENT', 'PORTFOLIO'],
          masteryThreshold: 80,
          attemptsAllowed: 2,
          authentic: true,
          evidenceVisibleToEmployers: true,
          evidenceRequirements: 'A cleaned production dataset and a one-page chart brief.',
        },
        hours: 40,
        weeks: 8,
        deliveryMode: 'HYBRID',
        credit: false,
        transcriptable: true,
        careerStage: 'NEW_TO_SECTOR',
        price: 350,
      },
    },
    college.token,
  );
  await request(
    'mutation($d: ID!, $b: String!, $f: String) { commentOnDesign(designId: $d, body: $b, field: $f) { id } }',
    {
      d: design.id,
      b: 'Our supervisors would expect 90% on safety-related data.',
      f: 'assessment.masteryThreshold',
    },
    employer.token,
  );
  await request(
    'mutation($id: ID!) { submitDesignForReview(id: $id) { stage } }',
    { id: design.id },
    college.token,
  );
  await request(
    'mutation($id: ID!, $o: ID!) { approveDesign(id: $id, organizationId: $o) { stage } }',
    { id: design.id, o: college.organizationId },
    college.token,
  );
  log(`  co-developing credential design "${DEMO_DESIGN_TITLE}" (in review, waiting on the employer)`);
}
