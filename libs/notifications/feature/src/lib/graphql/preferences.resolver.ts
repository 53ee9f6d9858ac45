import { UseGuards } from '@nestjs/common';
import {
  Args,
  Field,
  InputType,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { PreferencesService, type EffectivePreference } from '../preferences/preferences.service';

export enum EmailModeEnum {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  OFF = 'OFF',
}
registerEnumType(EmailModeEnum, {
  name: 'EmailMode',
  description: 'How e-mail arrives: at once, in one daily digest, or not at all.',
});

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInput {
  @Field({
    description:
      'An event type (e.g. identity.umbrella.joined), or "*" for every type without its own preference.',
  })
  eventType: string;
  @Field({ description: 'IN_APP or EMAIL (webhooks are set per organization).' }) channel: string;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => EmailModeEnum, { nullable: true, description: 'EMAIL only.' })
  emailMode?: EmailModeEnum | null;
}

@ObjectType('NotificationPreference')
export class NotificationPreferenceModel {
  @Field() eventType: string;
  @Field() channel: string;
  @Field() enabled: boolean;
  @Field(() => EmailModeEnum, { nullable: true }) emailMode: EmailModeEnum | null;
  @Field({ description: 'False when this is the default.' }) custom: boolean;
}

const toModel = (pref: EffectivePreference): NotificationPreferenceModel => ({
  eventType: pref.eventType,
  channel: pref.channel,
  enabled: pref.enabled,
  emailMode: pref.emailMode as EmailModeEnum | null,
  custom: pref.custom,
});

@Resolver(() => NotificationPreferenceModel)
@UseGuards(AuthGuard)
export class PreferencesResolver {
  constructor(private readonly preferences: PreferencesService) {}

  @Query(() => [NotificationPreferenceModel], {
    description: 'What you hear of, on which channel: your choices and the defaults.',
  })
  async notificationPreferences(
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationPreferenceModel[]> {
    return (await this.preferences.list(principal.userId)).map(toModel);
  }

  @Mutation(() => [NotificationPreferenceModel], {
    description: 'Sets your preferences; any bad entry refuses the whole request.',
  })
  async updateNotificationPreferences(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { type: () => [NotificationPreferenceInput] }) input: NotificationPreferenceInput[],
  ): Promise<NotificationPreferenceModel[]> {
    return (await this.preferences.update(principal.userId, input)).map(toModel);
  }
}
