import { UseGuards } from '@nestjs/common';
import { Args, Field, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { ParseIdPipe } from '@lattice/shared-graphql';
import { RotateIssuerKeyUseCase } from '../rotate-issuer-key/rotate-issuer-key.use-case';

@ObjectType('IssuerKey', {
  description:
    "An issuer's Ed25519 signing key (a Multikey published in its profile at GET /issuers/:orgId).",
})
export class IssuerKeyModel {
  @Field(() => ID, { description: 'The verification method URL credentials name in their proof.' })
  id: string;
  @Field(() => Int) sequence: number;
  @Field() publicKeyMultibase: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => ID, {
    description: 'The key it replaced, retired: still published, so what it signed still verifies.',
  })
  previousKeyId: string;
}

@Resolver(() => IssuerKeyModel)
@UseGuards(AuthGuard)
export class IssuerKeyResolver {
  constructor(private readonly rotate: RotateIssuerKeyUseCase) {}

  @Mutation(() => IssuerKeyModel, {
    description:
      "Retires the organization's signing key and starts a new one (owners and admins). Credentials already issued keep verifying.",
  })
  async rotateIssuerKey(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<IssuerKeyModel> {
    const { previous, next } = await this.rotate.execute(principal, organizationId);
    return {
      id: next.id,
      sequence: next.sequence,
      publicKeyMultibase: next.publicKeyMultibase,
      createdAt: new Date(next.createdAt),
      previousKeyId: previous.id,
    };
  }
}
