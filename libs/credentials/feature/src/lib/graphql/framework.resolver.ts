import { UseGuards } from '@nestjs/common';
import { Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthGuard } from '@lattice/shared-auth';
import { FrameworkEntity } from '@lattice/credentials-data-access';

@ObjectType('Framework', { description: 'A versioned set of rules a credential design is checked against.' })
export class FrameworkModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field() version: string;
  @Field() publisher: string;
  @Field() description: string;
}

@Resolver(() => FrameworkModel)
@UseGuards(AuthGuard)
export class FrameworkResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => [FrameworkModel])
  async frameworks(): Promise<FrameworkModel[]> {
    const rows = await this.dataSource.getRepository(FrameworkEntity).find({ order: { key: 'ASC', createdAt: 'DESC' } });
    return rows.map(({ id, key, name, version, publisher, description }) => ({ id, key, name, version, publisher, description }));
  }
}
