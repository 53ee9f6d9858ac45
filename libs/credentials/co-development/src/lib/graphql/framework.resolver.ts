import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Authorizer, AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { ParseIdPipe } from '@lattice/shared-graphql';
import { allFrameworks, CredentialDesignRepository } from '@lattice/credentials-data-access';
import { AddFrameworkUseCase } from '../add-framework/add-framework.use-case';
import { DetectOverdueReviewsUseCase } from '../detect-overdue-reviews/detect-overdue-reviews.use-case';
import { AddFrameworkInput } from './co-development.inputs';
import { FrameworkModel, toFrameworkModel } from './co-development.models';

@Resolver(() => FrameworkModel)
@UseGuards(AuthGuard)
export class FrameworkResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CredentialDesignRepository,
    private readonly authorizer: Authorizer,
    private readonly addFrameworkUseCase: AddFrameworkUseCase,
    private readonly detectOverdueReviewsUseCase: DetectOverdueReviewsUseCase,
  ) {}

  @Query(() => [FrameworkModel], {
    description:
      'Every framework version, newest version of each first; includes the six-element eCampusOntario framework.',
  })
  async frameworks(): Promise<FrameworkModel[]> {
    const rows = await allFrameworks(this.dataSource.manager);
    return rows.map(toFrameworkModel);
  }

  @Query(() => FrameworkModel, { nullable: true })
  async framework(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<FrameworkModel | null> {
    const framework = await this.repository.frameworkById(id);
    return framework ? toFrameworkModel(framework) : null;
  }

  @Mutation(() => FrameworkModel, {
    description:
      'Operators add a framework, or a new version of one (same key, new version), without a deploy.',
  })
  async addFramework(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AddFrameworkInput,
  ): Promise<FrameworkModel> {
    return toFrameworkModel(await this.addFrameworkUseCase.execute(principal, input));
  }

  @Mutation(() => [ID], {
    description:
      'Operators: announce designs in review past their due date (once per version); returns their ids. The worker runs the same on a schedule.',
  })
  async detectOverdueDesignReviews(@CurrentPrincipal() principal: Principal): Promise<string[]> {
    await this.authorizer.requireOperator(principal);
    return (await this.detectOverdueReviewsUseCase.execute()).map((d) => d.designId);
  }
}
