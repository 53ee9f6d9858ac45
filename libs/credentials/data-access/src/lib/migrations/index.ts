import { CredentialsInitial1764300000300 } from './1764300000300-credentials-initial';
import { CredentialDesigns1764300000310 } from './1764300000310-credential-designs';
import { CredentialsOutboxRepublish1764400000000 } from './1764400000000-credentials-outbox-republish';
import { TrustAwards1764500000000 } from './1764500000000-trust-awards';
import { TrustEndorsements1764600000000 } from './1764600000000-trust-endorsements';
import { AwardBatches1764700000000 } from './1764700000000-award-batches';
import { AwardBatchAlignments1764800000000 } from './1764800000000-award-batch-alignments';
import { EndorserSector1764900000000 } from './1764900000000-endorser-sector';
import { Catalogue1765100000000 } from './1765100000000-catalogue';
import { Pathways1765200000000 } from './1765200000000-pathways';
import { CredentialsOutboxMetadata1765200000000 } from './1765200000000-credentials-outbox-metadata';
import { RecognitionWithdrawal1765340000000 } from './1765340000000-recognition-withdrawal';
import { CredentialsOrganizationDirectory1768000000200 } from './1768000000200-credentials-organization-directory';
import { CatalogueIssuerFacts1768300000000 } from './1768300000000-catalogue-issuer-facts';

export const CREDENTIALS_MIGRATIONS = [
  CredentialsInitial1764300000300,
  CredentialDesigns1764300000310,
  CredentialsOutboxRepublish1764400000000,
  TrustAwards1764500000000,
  TrustEndorsements1764600000000,
  AwardBatches1764700000000,
  AwardBatchAlignments1764800000000,
  EndorserSector1764900000000,
  Catalogue1765100000000,
  Pathways1765200000000,
  CredentialsOutboxMetadata1765200000000,
  RecognitionWithdrawal1765340000000,
  CredentialsOrganizationDirectory1768000000200,
  CatalogueIssuerFacts1768300000000,
];
export { SHIPPED_FRAMEWORKS, type ShippedFramework } from './shipped-frameworks';
