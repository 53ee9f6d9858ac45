// Facts credentials needs about organizations it does not own — does it exist, what kind is it,
// which umbrellas is it in — from the one directory of organizations (ADR 0011,
// libs/shared/organization-directory): credentials' copy, fed by identity's events in the
// worker, with identity asked directly (and the copy filled) when the copy does not know an
// organization or an umbrella membership yet. This names credentials' tables and turns
// "identity did not answer" into credentials' refusal.
import type { DataSource } from 'typeorm';
import type { Principal } from '@lattice/shared-auth';
import type { OrgKind } from '@lattice/shared-contracts';
import { CommonErrors } from '@lattice/shared-util-errors';
import { CREDENTIALS_SCHEMA } from '@lattice/credentials-data-access';
import {
  directoryTables,
  DirectoryUnavailableError,
  OrganizationDirectory as SharedDirectory,
} from '@lattice/shared-organization-directory';

export interface DirectoryOrganization {
  readonly id: string;
  readonly kind: OrgKind;
  readonly name: string;
  /** NAICS code (employers state one; others may not); absent when unknown. */
  readonly sector?: string | null;
  /** A region code such as ON-Toronto; absent when unknown. */
  readonly region?: string | null;
  /** SMALL, MEDIUM or LARGE; absent when unknown. */
  readonly size?: string | null;
}

export abstract class OrganizationDirectory {
  /** The organization, or null when identity has none with that id. */
  abstract find(principal: Principal, id: string): Promise<DirectoryOrganization | null>;
  /**
   * The umbrella organizations it is a member of (identity's umbrella membership); `hoped`, the
   * umbrellas the caller is checking for, lets a membership a moment old be confirmed.
   */
  abstract umbrellasOf(principal: Principal, id: string, hoped?: readonly string[]): Promise<string[]>;
}

/** Credentials' copy of the directory: its own tables in the credentials schema. */
export const CREDENTIALS_DIRECTORY_TABLES = directoryTables(CREDENTIALS_SCHEMA);

export class CopiedOrganizationDirectory extends OrganizationDirectory {
  readonly directory: SharedDirectory;

  constructor(dataSource: DataSource, identityUrl: string) {
    super();
    this.directory = new SharedDirectory(dataSource, CREDENTIALS_DIRECTORY_TABLES, { identityUrl });
  }

  async find(principal: Principal, id: string): Promise<DirectoryOrganization | null> {
    try {
      return await this.directory.find(principal, id);
    } catch (error) {
      if (!(error instanceof DirectoryUnavailableError)) throw error;
      // Identity unreachable: the caller's own organizations are still known from the token.
      const own = principal.memberships.find((m) => m.organizationId === id);
      if (own) return { id, kind: own.kind, name: '' };
      throw CommonErrors.of('FORBIDDEN', 'That organization could not be confirmed right now; try again.');
    }
  }

  async umbrellasOf(principal: Principal, id: string, hoped?: readonly string[]): Promise<string[]> {
    try {
      return await this.directory.umbrellasOf(principal, id, hoped);
    } catch (error) {
      // Membership decides what the caller may do: never assume it when identity cannot say.
      if (error instanceof DirectoryUnavailableError)
        throw CommonErrors.of(
          'FORBIDDEN',
          'Umbrella membership could not be confirmed right now; try again.',
        );
      throw error;
    }
  }
}
