// Keeps notifications' directory of people, organizations and memberships current from
// identity's events, and tells people about the identity events that concern them.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType } from '@lattice/shared-contracts';
import type { JobHandlerDeclaration } from '@lattice/shared-worker';
import {
  claimEvent,
  DirectoryMembershipEntity,
  DirectoryOrganizationEntity,
  DirectoryUserEntity,
  NotificationEntity,
} from '@lattice/notifications-data-access';
import { messageFor } from '../inbox/messages';

type Handler<T extends DomainEventType> = (manager: EntityManager, event: DomainEvent<T>) => Promise<void>;
type HandlerTable = { [T in DomainEventType as T extends `identity.${string}` ? T : never]: Handler<T> };


const CONSUMER = 'notifications.identity-directory';

@Injectable()
export class IdentityDirectoryHandlers {
  constructor(private readonly dataSource: DataSource) {}

  private readonly table: HandlerTable = {
    'identity.user.signed_up': async (manager, { payload }) => {
      await manager.upsert(DirectoryUserEntity, { id: payload.userId, email: payload.email, name: payload.name, locale: payload.locale }, ['id']);
    },
    'identity.organization.created': async (manager, { payload }) => {
      await manager.upsert(DirectoryOrganizationEntity, { id: payload.organizationId, name: payload.name, kind: payload.kind }, ['id']);
    },
    'identity.membership.created': async (manager, { payload }) => {
      await manager.upsert(DirectoryMembershipEntity, { userId: payload.userId, organizationId: payload.organizationId, role: payload.role }, ['userId', 'organizationId']);
    },
    'identity.invitation.accepted': async () => {
      // The membership.created event that accompanies it updates the directory.
    },
    'identity.umbrella.joined': async (manager, event) => {
      const admins = await adminsOf(manager, event.payload.umbrellaId);
      const organization = await manager.findOneBy(DirectoryOrganizationEntity, { id: event.payload.organizationId });
      await notify(manager, event, admins, (locale) => messageFor('identity.umbrella.joined', locale, { organization: organization?.name ?? '—' }));
    },
    'identity.organization.verified': async (manager, event) => {
      if (!event.payload.verified) return;
      const admins = await adminsOf(manager, event.payload.organizationId);
      const organization = await manager.findOneBy(DirectoryOrganizationEntity, { id: event.payload.organizationId });
      await notify(manager, event, admins, (locale) => messageFor('identity.organization.verified', locale, { organization: organization?.name ?? '—' }));
    },
    'identity.invitation.created': async (manager, event) => {
      const invitee = await manager
        .createQueryBuilder(DirectoryUserEntity, 'u')
        .where('lower(u.email) = lower(:email)', { email: event.payload.email })
        .getOne();
      if (!invitee) return; // people without an account hear of it by e-mail (notifications issue)
      await notify(manager, event, [invitee], (locale) =>
        messageFor('identity.invitation.created', locale, { organization: event.payload.organizationName, role: event.payload.role }),
      );
    },
  };

  declarations(): JobHandlerDeclaration[] {
    return (Object.keys(this.table) as Array<keyof HandlerTable>).map((type) => ({
      queue: 'notifications-events',
      name: type,
      owner: IdentityDirectoryHandlers.name,
      handle: (data: unknown) => this.apply(data as DomainEvent),
    }));
  }

  /** Applies an event once: a repeated delivery finds its claim and does nothing. */
  async apply(event: DomainEvent): Promise<void> {
    const handler = this.table[event.type as keyof HandlerTable] as Handler<DomainEventType> | undefined;
    if (!handler) throw new Error(`no directory handler for ${event.type}`);
    await this.dataSource.transaction(async (manager) => {
      if (!(await claimEvent(manager, event.id, CONSUMER))) return;
      await handler(manager, event);
    });
  }
}

async function adminsOf(manager: EntityManager, organizationId: string): Promise<DirectoryUserEntity[]> {
  return manager
    .createQueryBuilder(DirectoryUserEntity, 'u')
    .innerJoin(DirectoryMembershipEntity, 'm', 'm.user_id = u.id')
    .where('m.organization_id = :organizationId AND m.role IN (:...roles)', { organizationId, roles: ['OWNER', 'ADMIN'] })
    .getMany();
}

async function notify(
  manager: EntityManager,
  event: DomainEvent,
  recipients: DirectoryUserEntity[],
  message: (locale: string) => { title: string; body: string; link: string | null },
): Promise<void> {
  if (recipients.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(NotificationEntity)
    .values(recipients.map((user) => ({ id: randomUUID(), userId: user.id, eventId: event.id, type: event.type, ...message(user.locale), readAt: null })))
    .orIgnore()
    .execute();
}
