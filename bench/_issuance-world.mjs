// The issuance bench's world, built the same way in the main thread and in each worker: a college
// and an employer with deterministic keys, an endorsed achievement, a status list, learners.
import { createHash } from 'node:crypto';
import { lib } from './_common.mjs';

export const ob = lib('libs/credentials/openbadges/src/index.js');
export const BASE = 'https://lattice.example';
export const CREATED = '2025-06-01T12:00:00Z';
const KEK = Buffer.alloc(32, 7);
const seed = (label) => createHash('sha256').update(label).digest();

export async function createWorld() {
  const keys = {
    college: [
      await ob.generateIssuerKey({
        publicBaseUrl: BASE,
        orgId: 'college',
        sequence: 1,
        keyEncryptionKey: KEK,
        seed: seed('college-1'),
      }),
    ],
    employer: [
      await ob.generateIssuerKey({
        publicBaseUrl: BASE,
        orgId: 'employer',
        sequence: 1,
        keyEncryptionKey: KEK,
        seed: seed('employer-1'),
      }),
    ],
  };
  const profiles = new Map([
    [
      'college',
      ob.buildIssuerProfile({
        publicBaseUrl: BASE,
        orgId: 'college',
        name: 'Northern College',
        keys: keys.college,
      }),
    ],
    [
      'employer',
      ob.buildIssuerProfile({
        publicBaseUrl: BASE,
        orgId: 'employer',
        name: 'Maple Manufacturing',
        keys: keys.employer,
      }),
    ],
  ]);
  const documentLoader = ob.createDocumentLoader({
    resolveIssuerDocument: ob.createIssuerDocumentResolver(BASE, (orgId) => profiles.get(orgId) ?? null),
  });
  const college = ob.buildIssuerRef({
    id: ob.issuerProfileUrl(BASE, 'college'),
    name: 'Northern College',
    url: 'https://northern.example',
  });
  const employer = ob.buildIssuerRef({
    id: ob.issuerProfileUrl(BASE, 'employer'),
    name: 'Maple Manufacturing',
  });
  const achievementId = `${BASE}/credentials/designs/cnc-1`;
  const endorsement = await ob.signCredential(
    ob.buildEndorsementCredential({
      id: `${BASE}/endorsements/e-1`,
      endorser: employer,
      achievementId,
      achievementName: 'CNC machine setup',
      claims: { inDemand: true, assessmentReflectsJobPerformance: true },
      comment: 'We hire people who hold this.',
      validFrom: CREATED,
    }),
    { signer: await ob.issuerSigner(keys.employer[0], KEK), documentLoader, created: CREATED },
  );
  const achievement = ob.buildAchievement({
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
      {
        framework: 'ESCO',
        uri: 'http://data.europa.eu/esco/skill/5b0a2f43-7d1e-4a1b-9d2c-1f2e3d4c5b6a',
        name: 'read engineering drawings',
      },
      { framework: 'SFS', uri: 'https://lattice.example/sfs/problem-solving', name: 'Problem Solving' },
      { framework: 'SFS', uri: 'https://lattice.example/sfs/numeracy', name: 'Numeracy' },
    ],
    masteryThreshold: 80,
    hours: 40,
    language: 'en',
    endorsements: [endorsement],
  });
  const statusListUrl = `${BASE}/status-lists/college-1`;
  const statusList = new ob.BitstringStatusList();
  const signer = await ob.issuerSigner(keys.college[0], KEK);
  const statusListCredential = await ob.signCredential(
    ob.buildStatusListCredential({
      id: statusListUrl,
      issuer: college.id,
      list: statusList,
      validFrom: CREATED,
    }),
    { signer, documentLoader, created: CREATED },
  );
  const credentialFor = (i) =>
    ob.buildOpenBadgeCredential({
      issuer: college,
      achievement,
      award: {
        id: `${BASE}/credentials/award-${i}`,
        recipient: ob.hashRecipientEmail(`learner${i}@example.org`, `salt-${i}`),
        validFrom: CREATED,
        score: 80 + (i % 21),
        evidence: [
          {
            id: `${BASE}/evidence/${i}`,
            name: 'Shop-floor demonstration',
            narrative: `Set up job #${i} in ${20 + (i % 15)} minutes.`,
          },
        ],
        credentialStatus: { statusListCredential: statusListUrl, statusListIndex: i },
      },
    });
  return { documentLoader, signer, statusListUrl, statusListCredential, credentialFor };
}
