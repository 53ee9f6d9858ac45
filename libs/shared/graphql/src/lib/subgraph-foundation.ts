// The modules every subgraph starts from: its database, auth, the Federation 2 GraphQL server
// and health endpoints. An app adds its feature module.
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, type AuthModuleOptions } from '@lattice/shared-auth';
import { serviceDataSourceOptions, type ServiceDataSourceOptions } from '@lattice/shared-data-access';
import { GraphQLErrorsModule } from './errors.filter';
import { DatabaseReadiness, HealthModule } from './health';
import { subgraphGraphQLModule } from './subgraph';

export function subgraphFoundation(options: { dataSource: ServiceDataSourceOptions; auth: AuthModuleOptions }): DynamicModule[] {
  return [
    TypeOrmModule.forRoot(serviceDataSourceOptions(options.dataSource)),
    AuthModule.forRoot(options.auth),
    subgraphGraphQLModule(),
    HealthModule.register([DatabaseReadiness]),
    { module: GraphQLErrorsModule },
  ];
}
