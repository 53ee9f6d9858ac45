// Turns ranked rows into scores with reasons, naming skills in one batched read.
import type { MarketplaceRepository, RankedFacts } from '@lattice/marketplace-data-access';
import { type MatchReason, type MatchWeights, scoreMatch } from '@lattice/marketplace-domain';
import { regionLabel } from '@lattice/shared-util-regions';

export interface ExplainedMatch {
  readonly candidateId: string;
  readonly score: number;
  readonly reasons: MatchReason[];
}

export async function explainMatches(
  repository: MarketplaceRepository,
  rows: readonly RankedFacts[],
  weights: MatchWeights,
): Promise<ExplainedMatch[]> {
  const ids = [...new Set(rows.flatMap((row) => [...row.exactSkillIds, ...row.relatedSkillIds]))];
  const labels = new Map(
    (ids.length ? await repository.skillsByIds(ids) : []).map((skill) => [skill.id, skill.labelEn]),
  );
  const name = (list: readonly string[]) => list.map((id) => labels.get(id) ?? id).sort();
  return rows.map((row) => {
    const { score, reasons } = scoreMatch(
      {
        neededSkills: Number(row.neededSkills),
        exactCredit: Number(row.exactCredit),
        exactSkills: Number(row.exactSkills),
        relatedSkills: Number(row.relatedSkills),
        regionFit: Number(row.regionFit),
        deliveryOverlap: row.deliveryOverlap,
        annualCapacity: Number(row.annualCapacity),
        learnerCount: Number(row.learnerCount),
        daysUntilNeeded: row.daysUntilNeeded === null ? null : Number(row.daysUntilNeeded),
        small: row.small,
        exposure: Number(row.exposure),
      },
      weights,
      {
        exactSkillLabels: name(row.exactSkillIds),
        relatedSkillLabels: name(row.relatedSkillIds),
        region: regionLabel(row.region),
      },
    );
    return { candidateId: row.candidateId, score, reasons };
  });
}
