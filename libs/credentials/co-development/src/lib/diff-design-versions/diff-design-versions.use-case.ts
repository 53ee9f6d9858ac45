// What changed between two versions of a design, field by field.
import { Injectable } from '@nestjs/common';
import type { Principal } from '@lattice/shared-auth';
import { CredentialDesignRepository } from '@lattice/credentials-data-access';
import { CredentialsErrors, diffSnapshots, type FieldChange } from '@lattice/credentials-domain';
import { DesignParties } from '../shared/design-parties';

@Injectable()
export class DiffDesignVersionsUseCase {
  constructor(
    private readonly repository: CredentialDesignRepository,
    private readonly parties: DesignParties,
  ) {}

  async execute(principal: Principal, designId: string, from: number, to: number): Promise<FieldChange[]> {
    const design = await this.repository.designById(designId);
    if (!design) throw CredentialsErrors.of('DESIGN_NOT_FOUND', 'No such credential design.', { designId });
    await this.parties.requireParty(principal, design);
    const [before, after] = await Promise.all([
      this.repository.version(designId, from),
      this.repository.version(designId, to),
    ]);
    if (!before || !after) {
      throw CredentialsErrors.of('VERSION_NOT_FOUND', `This design has versions 1 to ${design.version}.`, {
        from,
        to,
        latest: design.version,
      });
    }
    return diffSnapshots(before.snapshot, after.snapshot);
  }
}
