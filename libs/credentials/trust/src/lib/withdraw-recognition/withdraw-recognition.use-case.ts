// The recognizing institution withdraws a recognition: the credential no longer counts there. The
// row stays (who withdrew it, when) for the record; withdrawing twice is a CONFLICT. Only admins of
// the recognizing institution may withdraw (recognitions are public, so NOT_FOUND for an unknown id
// tells nobody anything new).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { CREDENTIALS_SCHEMA, PathwayRepository, type RecognitionRow } from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';

@Injectable()
export class WithdrawRecognitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly pathways: PathwayRepository,
  ) {}

  async execute(
    principal: Principal,
    recognitionId: string,
  ): Promise<RecognitionRow & { withdrawnAt: Date }> {
    const id = recognitionId.toLowerCase();
    return inTransaction(this.dataSource, CREDENTIALS_SCHEMA, async ({ manager, emit }) => {
      const recognition = await this.pathways.recognitionForUpdate(manager, id);
      if (!recognition)
        throw CredentialsErrors.of('RECOGNITION_NOT_FOUND', 'No such recognition.', { recognitionId: id });
      await this.authorizer.requireRole(principal, recognition.institutionId, 'ADMIN');
      if (recognition.withdrawnAt)
        throw CredentialsErrors.of('RECOGNITION_WITHDRAWN', 'This recognition is already withdrawn.', {
          recognitionId: id,
        });
      const withdrawnAt = new Date();
      await this.pathways.withdrawRecognition(manager, id, withdrawnAt, principal.userId);
      emit({
        type: 'credentials.recognition.withdrawn',
        actorId: principal.userId,
        payload: {
          recognitionId: id,
          institutionId: recognition.institutionId,
          credentialId: recognition.credentialId,
          pathwayId: recognition.pathwayId,
        },
      });
      return { ...recognition, withdrawnAt };
    });
  }
}
