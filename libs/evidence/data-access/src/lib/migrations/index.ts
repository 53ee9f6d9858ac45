import { EvidenceInitial1765100000000 } from './1765100000000-evidence-initial';

export const EVIDENCE_MIGRATIONS = [EvidenceInitial1765100000000];
