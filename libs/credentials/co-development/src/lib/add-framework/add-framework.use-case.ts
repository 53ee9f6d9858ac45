// Operators add a framework, or a new version of one, as data: no deploy.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { isUniqueViolation } from '@lattice/shared-data-access';
import { type FrameworkEntity, getFramework, insertFramework } from '@lattice/credentials-data-access';
import { CredentialsErrors, parseFrameworkRules } from '@lattice/credentials-domain';

export interface AddFrameworkCommand {
  readonly key: string;
  readonly name: string;
  readonly version: string;
  readonly publisher: string;
  readonly description: string;
  readonly rules: unknown;
}

@Injectable()
export class AddFrameworkUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(principal: Principal, command: AddFrameworkCommand): Promise<FrameworkEntity> {
    await this.authorizer.requireOperator(principal);
    const rules = parseFrameworkRules(command.rules);
    const id = randomUUID();
    try {
      await insertFramework(this.dataSource.manager, {
        id,
        key: command.key,
        name: command.name.trim(),
        version: command.version.trim(),
        publisher: command.publisher.trim(),
        description: command.description.trim(),
        rules,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw CredentialsErrors.of(
          'FRAMEWORK_VERSION_EXISTS',
          `${command.key} already has a version ${command.version}; versions are immutable, add a new one.`,
          { field: 'version' },
        );
      }
      throw error;
    }
    return getFramework(this.dataSource.manager, id);
  }
}
