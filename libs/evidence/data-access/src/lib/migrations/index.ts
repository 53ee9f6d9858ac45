import { EvidenceInitial1765100000000 } from './1765100000000-evidence-initial';
import { EvidenceOutboxMetadata1765300000000 } from './1765300000000-evidence-outbox-metadata';
import { EvidenceInsightsRollups1765500000000 } from './1765500000000-evidence-insights-rollups';
import { EvidenceRollupsEverywhere1767300000000 } from './1767300000000-evidence-rollups-everywhere';
import { EvidenceFrameworkElementReviews1767300000001 } from './1767300000001-evidence-framework-element-reviews';

export const EVIDENCE_MIGRATIONS = [
  EvidenceInitial1765100000000,
  EvidenceOutboxMetadata1765300000000,
  EvidenceInsightsRollups1765500000000,
  EvidenceRollupsEverywhere1767300000000,
  EvidenceFrameworkElementReviews1767300000001,
];
