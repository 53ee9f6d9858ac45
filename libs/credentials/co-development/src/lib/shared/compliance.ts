// A design's compliance report against one framework version.
import type { DesignEntity, FrameworkEntity } from '@lattice/credentials-data-access';
import {
  type ComplianceResult,
  designFacts,
  evaluateRules,
  type FrameworkRule,
} from '@lattice/credentials-domain';

export function complianceOf(
  design: Pick<DesignEntity, 'issuerId' | 'content'>,
  framework: FrameworkEntity,
): ComplianceResult {
  // Rules were validated when the framework was added (or shipped); stored JSON is trusted here.
  return evaluateRules(framework.rules as FrameworkRule[], designFacts(design.issuerId, design.content));
}
