// Anyone verifies a credential (GraphQL or POST /verify): schema, dates, issuer key, proof and
// status, each reported. Other issuers' keys and status lists resolve over HTTP when the service
// enables it (VERIFY_REMOTE_ISSUERS); otherwise their key check fails, saying so.
import { Injectable } from '@nestjs/common';
import { IssuerTrust } from '../shared/issuer-trust';

export interface VerificationOutcome {
  readonly verified: boolean;
  readonly checks: readonly {
    readonly name: string;
    readonly passed: boolean;
    /** In English; `code` and `params` say it as data (see VerificationCheck in credentials-openbadges). */
    readonly detail: string | null;
    /** Only on a check that failed or was skipped (a passed check has neither). */
    readonly code?: string;
    readonly params?: Readonly<Record<string, unknown>>;
  }[];
}

@Injectable()
export class VerifyCredentialUseCase {
  constructor(private readonly trust: IssuerTrust) {}

  async execute(credential: unknown): Promise<VerificationOutcome> {
    const report = await this.trust.verifier.verify(credential);
    return {
      verified: report.verified,
      checks: report.checks.map((check) => ({
        name: check.check,
        // A skipped check (e.g. schema for a non-badge credential) did not fail; its detail says why.
        passed: check.status !== 'failed',
        detail:
          check.status === 'skipped' ? `Skipped: ${check.message ?? ''}`.trim() : (check.message ?? null),
        ...(check.code ? { code: check.code, params: check.params ?? {} } : {}),
      })),
    };
  }
}
