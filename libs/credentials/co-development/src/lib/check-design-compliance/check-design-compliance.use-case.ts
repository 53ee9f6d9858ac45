// A design's compliance report: against its own framework by default, or any other framework
// version a party wants to see it against.
import { Injectable } from '@nestjs/common';
import {
  CredentialDesignRepository,
  type DesignEntity,
  type FrameworkEntity,
} from '@lattice/credentials-data-access';
import { type ComplianceResult, CredentialsErrors } from '@lattice/credentials-domain';
import { complianceOf } from '../shared/compliance';

@Injectable()
export class CheckDesignComplianceUseCase {
  constructor(private readonly repository: CredentialDesignRepository) {}

  /** The caller has already been shown the design (its resolver checked they are a party). */
  async execute(
    design: DesignEntity,
    frameworkId: string | null,
  ): Promise<{ framework: FrameworkEntity; result: ComplianceResult }> {
    const framework = await this.repository.frameworkById(frameworkId ?? design.frameworkId);
    if (!framework)
      throw CredentialsErrors.of(
        'UNKNOWN_FRAMEWORK',
        'No framework with that id; see the frameworks query.',
        { field: 'frameworkId' },
      );
    return { framework, result: complianceOf(design, framework) };
  }
}
