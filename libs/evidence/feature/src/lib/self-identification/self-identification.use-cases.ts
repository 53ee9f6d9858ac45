// Voluntary self-identification: the learner alone reads, changes or deletes it; it is sealed at
// rest and only ever counted in groups of at least k (insights), never returned per person.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import { equityRollup, EVIDENCE_SCHEMA, EvidenceRepository } from '@lattice/evidence-data-access';
import { normalizeSelfIdentification, type SelfIdentification } from '@lattice/evidence-domain';
import { LearnerKeys } from '../shared/evidence.options';

@Injectable()
export class SelfIdentificationUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    @Inject(LearnerKeys) private readonly keys: LearnerKeys,
  ) {}

  /** The caller's own answers (null when they gave none). */
  async mine(principal: Principal): Promise<{ answers: SelfIdentification; updatedAt: Date } | null> {
    const row = await this.repository.selfIdentification(this.keys.learnerOf(principal));
    return row
      ? { answers: JSON.parse(this.keys.open(row.sealed)) as SelfIdentification, updatedAt: row.updated_at }
      : null;
  }

  async save(
    principal: Principal,
    answers: ReadonlyArray<{ group: string; answer: string }>,
  ): Promise<{ answers: SelfIdentification; updatedAt: Date } | null> {
    const lookup = this.keys.learnerOf(principal);
    const normalized = normalizeSelfIdentification(answers);
    if (Object.keys(normalized).length === 0) {
      await this.deleteOf(lookup);
      return null;
    }
    // Equity counts follow in the same transaction (the learner's part out, the answers in, back).
    await inTransaction(this.dataSource, EVIDENCE_SCHEMA, ({ manager }) =>
      equityRollup.around(manager, [lookup], this.keys.equityBits, () =>
        this.repository.saveSelfIdentification(lookup, this.keys.seal(JSON.stringify(normalized)), manager),
      ),
    );
    return this.mine(principal);
  }

  async delete(principal: Principal): Promise<boolean> {
    return this.deleteOf(this.keys.learnerOf(principal));
  }

  private deleteOf(lookup: string): Promise<boolean> {
    return inTransaction(this.dataSource, EVIDENCE_SCHEMA, ({ manager }) =>
      equityRollup.around(manager, [lookup], this.keys.equityBits, () =>
        this.repository.deleteSelfIdentification(lookup, manager),
      ),
    );
  }
}
