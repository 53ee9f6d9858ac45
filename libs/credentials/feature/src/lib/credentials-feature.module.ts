import { Module } from '@nestjs/common';
import { FrameworkResolver } from './graphql/framework.resolver';

@Module({ providers: [FrameworkResolver] })
export class CredentialsFeatureModule {}
