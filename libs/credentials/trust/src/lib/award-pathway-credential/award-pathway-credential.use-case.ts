// Completing a pathway lets the issuer of the credential it leads to award that larger
// credential: the learner's progress is checked from their standing awards, and the new
// credential carries each contributing award as evidence (its public URL), so a verifier sees
// what it was earned from. The award itself is the ordinary one (mastery, attempts, signing).
import { Injectable } from '@nestjs/common';
import { type AwardEntity, PathwayRepository } from '@lattice/credentials-data-access';
import { CredentialsErrors, pathwayProgress } from '@lattice/credentials-domain';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import {
  AwardCredentialUseCase,
  type AwardCredentialCommand,
} from '../award-credential/award-credential.use-case';
import { IssuerTrust } from '../shared/issuer-trust';

export interface AwardPathwayCredentialCommand extends Omit<AwardCredentialCommand, 'credentialId'> {
  readonly pathwayId: string;
}

@Injectable()
export class AwardPathwayCredentialUseCase {
  constructor(
    private readonly pathways: PathwayRepository,
    private readonly trust: IssuerTrust,
    private readonly award: AwardCredentialUseCase,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, command: AwardPathwayCredentialCommand): Promise<AwardEntity> {
    // First who may issue: otherwise "not complete yet" would tell anyone how far a person got.
    await this.authorizer.requireRole(principal, command.issuerId, 'ADMIN');
    const [pathway] = await this.pathways.byIds([command.pathwayId]);
    if (!pathway)
      throw CredentialsErrors.of('PATHWAY_NOT_FOUND', 'No such pathway.', { pathwayId: command.pathwayId });
    if (!pathway.targetCredentialId) {
      throw CredentialsErrors.of(
        'INVALID_PATHWAY',
        'This pathway leads to a program outside Lattice: there is no credential to award.',
        { field: 'pathwayId' },
      );
    }
    const lookup = this.trust.recipientLookup(command.recipient.email);
    const stepIds = (await this.pathways.membersOf([pathway.id])).map((member) => member.credentialId);
    const targetCommand = { ...command, credentialId: pathway.targetCredentialId };
    // Completion is checked inside the award's transaction, with the learner's standing awards of
    // the steps share-locked: a revocation racing this award either commits first (and the
    // pathway is then incomplete) or waits until the larger credential is issued.
    // The ordinary award checks who may issue the target (its issuer's admins, or an adopter's).
    return this.award.execute(principal, targetCommand, async ({ manager }) => {
      await this.pathways.lockStandingAwards(manager, lookup, stepIds);
      const [held] = await this.pathways.holdings(lookup, { manager, pathwayId: pathway.id });
      const progress = held ? pathwayProgress(held.pathway, held.members) : null;
      if (!progress?.complete) {
        throw CredentialsErrors.of('PATHWAY_INCOMPLETE', 'This learner has not completed the pathway yet.', {
          pathwayId: pathway.id,
          earned: progress?.earned ?? 0,
          required: pathway.requiredCount,
        });
      }
      const earnedIds = progress.members
        .filter((member) => member.status === 'EARNED')
        .map((member) => member.credentialId);
      const contributing = await this.pathways.standingAwards(lookup, earnedIds, manager);
      const evidence = [
        ...contributing.map((award) => ({
          url: this.trust.awardUrl(award.id),
          narrative: `Pathway step completed: ${award.title}`,
        })),
        ...(command.evidence ?? []),
      ];
      return { ...targetCommand, evidence };
    });
  }
}
