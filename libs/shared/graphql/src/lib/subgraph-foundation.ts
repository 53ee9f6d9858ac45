// The modules every subgraph starts from: its database, auth, the Federation 2 GraphQL server
// health endpoints, and read replicas when configured. An app adds its feature module.
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, type AuthModuleOptions } from '@lattice/shared-auth';
import { serviceDataSourceOptions, type ServiceDataSourceOptions } from '@lattice/shared-data-access';
import { GraphQLErrorsModule } from './errors.filter';
import { DatabaseReadiness, HealthModule } from './health';
import { ReadRoutingModule, type ReadReplicaSettings } from './read-routing';
import { subgraphGraphQLModule } from './subgraph';

export function subgraphFoundation(options: {
  dataSource: ServiceDataSourceOptions;
  auth: AuthModuleOptions;
  /** Read replicas (`readReplicasFrom(config, service)`); undefined: every read on the primary. */
  readReplicas?: ReadReplicaSettings;
}): DynamicModule[] {
  return [
    TypeOrmModule.forRoot(serviceDataSourceOptions(options.dataSource)),
    ReadRoutingModule.forRoot(options.readReplicas, options.dataSource.poolSize),
    AuthModule.forRoot(options.auth),
    subgraphGraphQLModule(),
    HealthModule.register([DatabaseReadiness]),
    { module: GraphQLErrorsModule },
  ];
}
