import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction, isUniqueViolation } from '@lattice/shared-data-access';
import { IDENTITY_SCHEMA, IdentityRepository, UmbrellaMemberEntity } from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';

@Injectable()
export class JoinUmbrellaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: IdentityRepository,
  ) {}

  async execute(principal: Principal, umbrellaId: string, organizationId: string): Promise<UmbrellaMemberEntity> {
    if (umbrellaId === organizationId) throw IdentityErrors.of('CANNOT_JOIN_ITSELF', 'An organization cannot join itself.');
    const [umbrella, organization] = await Promise.all([this.repository.organizationById(umbrellaId), this.repository.organizationById(organizationId)]);
    if (!organization) throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such organization.', { organizationId });
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    if (!umbrella) throw IdentityErrors.of('ORGANIZATION_NOT_FOUND', 'No such umbrella organization.', { umbrellaId });
    if (umbrella.kind !== 'UMBRELLA') throw IdentityErrors.of('NOT_AN_UMBRELLA', `${umbrella.name} is not an umbrella organization.`, { field: 'umbrellaId' });
    if (organization.kind === 'OPERATOR') throw IdentityErrors.of('INVALID_INPUT', 'The operator does not join umbrellas.');
    try {
      return await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager, emit }) => {
        await manager.insert(UmbrellaMemberEntity, { umbrellaId, organizationId, joinedBy: principal.userId });
        emit({ type: 'identity.umbrella.joined', actorId: principal.userId, payload: { umbrellaId, organizationId, by: principal.userId } });
        return manager.findOneByOrFail(UmbrellaMemberEntity, { umbrellaId, organizationId });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw IdentityErrors.of('ALREADY_IN_UMBRELLA', `${organization.name} is already a member of ${umbrella.name}.`);
      throw error;
    }
  }
}
