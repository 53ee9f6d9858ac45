// A small world for the specs: a college and an employer with keys, an endorsed achievement, a
// status list, and learners — everything served locally by the document loader.
import { createHash } from 'node:crypto';
import { buildEndorsementCredential } from '../credentials/endorsement-credential';
import {
  AwardInput,
  buildAchievement,
  buildIssuerRef,
  buildOpenBadgeCredential,
} from '../credentials/open-badge-credential';
import { hashRecipientEmail } from '../credentials/recipient-identity';
import { SignedCredential } from '../credentials/credential-types';
import { generateIssuerKey, IssuerKeyRecord, issuerProfileUrl, issuerSigner } from '../keys/issuer-keys';
import {
  buildIssuerProfile,
  createIssuerDocumentResolver,
  IssuerProfileDocument,
} from '../keys/issuer-profile';
import { createDocumentLoader } from '../ld/document-loader';
import { BitstringStatusList, buildStatusListCredential } from '../status/bitstring-status-list';
import { signCredential } from '../signing/sign-credential';

export const BASE = 'https://lattice.example';
export const CREATED = '2025-06-01T12:00:00Z';
export const KEK = Buffer.alloc(32, 7);
const seed = (label: string) => createHash('sha256').update(label).digest();

export async function createWorld() {
  const keys: Record<string, IssuerKeyRecord[]> = {
    college: [
      await generateIssuerKey({
        publicBaseUrl: BASE,
        orgId: 'college',
        sequence: 1,
        keyEncryptionKey: KEK,
        seed: seed('college-1'),
        now: new Date(CREATED),
      }),
    ],
    employer: [
      await generateIssuerKey({
        publicBaseUrl: BASE,
        orgId: 'employer',
        sequence: 1,
        keyEncryptionKey: KEK,
        seed: seed('employer-1'),
        now: new Date(CREATED),
      }),
    ],
  };
  const names: Record<string, string> = { college: 'Northern College', employer: 'Maple Manufacturing' };
  const profiles = new Map<string, IssuerProfileDocument>();
  const publish = (orgId: string) =>
    profiles.set(
      orgId,
      buildIssuerProfile({ publicBaseUrl: BASE, orgId, name: names[orgId], keys: keys[orgId] }),
    );
  publish('college');
  publish('employer');
  const documentLoader = createDocumentLoader({
    resolveIssuerDocument: createIssuerDocumentResolver(BASE, (orgId) => profiles.get(orgId) ?? null),
  });

  const college = buildIssuerRef({
    id: issuerProfileUrl(BASE, 'college'),
    name: names['college'],
    url: 'https://northern.example',
  });
  const employer = buildIssuerRef({ id: issuerProfileUrl(BASE, 'employer'), name: names['employer'] });
  const achievementId = `${BASE}/credentials/designs/cnc-1`;
  const endorsement = await signCredential(
    buildEndorsementCredential({
      id: `${BASE}/endorsements/e-1`,
      endorser: employer,
      achievementId,
      achievementName: 'CNC machine setup',
      claims: { inDemand: true, assessmentReflectsJobPerformance: true },
      comment: 'We hire people who hold this.',
      validFrom: CREATED,
    }),
    { signer: await issuerSigner(keys['employer'][0], KEK), documentLoader, created: CREATED },
  );
  const achievement = buildAchievement({
    id: achievementId,
    name: 'CNC machine setup',
    description: 'Sets up and runs a 3-axis CNC mill safely.',
    criteriaNarrative: 'Demonstrates a full setup on the shop floor, assessed by the employer partner.',
    alignments: [
      {
        framework: 'ESCO',
        uri: 'http://data.europa.eu/esco/skill/0e7a5c2f-0ed0-4e4a-9b8e-2f5e2d5c7a11',
        name: 'operate CNC machines',
      },
      { framework: 'SFS', uri: 'https://lattice.example/sfs/problem-solving', name: 'Problem Solving' },
    ],
    masteryThreshold: 80,
    hours: 40,
    language: 'en',
    endorsements: [endorsement],
  });

  const statusListUrl = `${BASE}/status-lists/college-1`;
  const statusList = new BitstringStatusList();
  let statusListCredential: SignedCredential | null = null;
  const signStatusList = async () => {
    statusListCredential = await signCredential(
      buildStatusListCredential({
        id: statusListUrl,
        issuer: college.id,
        list: statusList,
        validFrom: CREATED,
      }),
      { signer: await issuerSigner(activeKey('college'), KEK), documentLoader, created: CREATED },
    );
    return statusListCredential;
  };
  const activeKey = (orgId: string) => keys[orgId].find((key) => key.status === 'active')!;
  await signStatusList();

  const award = (i: number, overrides: Partial<AwardInput> = {}): AwardInput => ({
    id: `${BASE}/credentials/award-${i}`,
    recipient: hashRecipientEmail(`learner${i}@example.org`, `salt-${i}`),
    validFrom: `2025-06-0${1 + (i % 5)}T09:00:00Z`,
    score: 80 + (i % 20),
    evidence: [
      {
        id: `${BASE}/evidence/${i}`,
        name: 'Shop-floor demonstration',
        narrative: `Set up job #${i} in 25 minutes.`,
      },
    ],
    credentialStatus: { statusListCredential: statusListUrl, statusListIndex: 1000 + i },
    ...overrides,
  });
  const credentialFor = (i: number, overrides: Partial<AwardInput> = {}) =>
    buildOpenBadgeCredential({ issuer: college, achievement, award: award(i, overrides) });

  return {
    keys,
    profiles,
    publish,
    documentLoader,
    college,
    employer,
    achievement,
    endorsement,
    statusList,
    statusListUrl,
    signStatusList,
    statusListCredential: () => statusListCredential,
    activeKey,
    signer: (orgId = 'college') => issuerSigner(activeKey(orgId), KEK),
    award,
    credentialFor,
  };
}
