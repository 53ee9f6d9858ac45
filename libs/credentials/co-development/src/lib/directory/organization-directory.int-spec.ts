// The directory of organizations (ADR 0011) on credentials' real tables and migrations: identity's
// events applied once, whatever their order or repetition, and the one fallback — a lookup to a
// stand-in identity over real HTTP — for an organization or umbrella membership the events have
// not brought yet, stored so the next read needs no lookup.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { DomainEvent, DomainEventType } from '@lattice/shared-contracts';
import { openDataSource } from '@lattice/shared-data-access';
import {
  OrganizationDirectoryConsumer,
  type OrganizationReadModel,
} from '@lattice/shared-organization-directory';
import { testDatabaseUrl } from '@lattice/shared-testing';
import { credentialsDataSource } from '@lattice/credentials-data-access';
import type { Principal } from '@lattice/shared-auth';
import { CopiedOrganizationDirectory, CREDENTIALS_DIRECTORY_TABLES } from '../shared/organization-directory';

function event<T extends DomainEventType>(
  type: T,
  payload: DomainEvent<T>['payload'],
  occurredAt: string,
): DomainEvent<T> {
  return {
    id: randomUUID(),
    type,
    source: 'identity',
    occurredAt,
    actorId: 'actor',
    payload,
  } as DomainEvent<T>;
}
const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
const created = (organizationId: string, name: string, second: number) =>
  event(
    'identity.organization.created',
    {
      organizationId,
      name,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
      sector: null,
      createdBy: 'actor',
    },
    at(second),
  );

/** A stand-in for identity's GET /internal/organizations/:id: what it knows, and how often it was asked. */
function identityStub() {
  const known = new Map<string, { name: string; kind: string; verified: boolean; umbrellaIds: string[] }>();
  const asked: string[] = [];
  const server: Server = createServer((request, response) => {
    const id = decodeURIComponent(request.url!.split('/').pop()!);
    asked.push(id);
    if (request.headers.authorization !== 'Bearer caller-token') return void response.writeHead(401).end();
    const organization = known.get(id);
    if (!organization) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id, size: 'LARGE', region: null, sector: '611', ...organization }));
  });
  return { known, asked, server };
}

describe('the directory of organizations (credentials copy)', () => {
  let dataSource: DataSource;
  let consumer: OrganizationDirectoryConsumer;
  let directory: CopiedOrganizationDirectory;
  const identity = identityStub();
  const caller = {
    userId: randomUUID(),
    email: 'a@example.org',
    memberships: [],
    token: 'caller-token',
  } as Principal;

  beforeAll(async () => {
    dataSource = await openDataSource(credentialsDataSource(testDatabaseUrl('int'), 4));
    consumer = new OrganizationDirectoryConsumer(dataSource, {
      queue: 'credentials-events',
      consumer: 'test.directory',
      tables: CREDENTIALS_DIRECTORY_TABLES,
    });
    await new Promise<void>((resolve) => identity.server.listen(0, '127.0.0.1', resolve));
    directory = new CopiedOrganizationDirectory(
      dataSource,
      `http://127.0.0.1:${(identity.server.address() as AddressInfo).port}`,
    );
  });
  afterAll(async () => {
    await new Promise((resolve) => identity.server.close(resolve));
    await dataSource.destroy();
  });
  beforeEach(() => {
    identity.asked.length = 0;
  });

  const row = async (id: string) =>
    (
      await dataSource.query(
        `SELECT "name", "kind", "verified" FROM "credentials"."directory_organizations" WHERE "id" = $1`,
        [id],
      )
    )[0] as { name: string | null; kind: string | null; verified: boolean } | undefined;
  const known = (id: string) => directory.directory.known([id]).then((found) => found.get(id) ?? null);

  it('applies a creation once, however often it is delivered, and answers from the copy without asking identity', async () => {
    const id = randomUUID();
    const creation = created(id, 'Northern College', 1);
    await consumer.applyAll([creation, creation]);
    await consumer.applyAll([creation]);
    expect(await known(id)).toEqual({
      id,
      name: 'Northern College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
      sector: null,
      verified: false,
    });
    expect(await directory.find(caller, id)).toMatchObject({
      id,
      kind: 'INSTITUTION',
      name: 'Northern College',
    });
    expect(identity.asked).toEqual([]);
  });

  it('keeps the newest statement when events arrive late or out of order', async () => {
    const id = randomUUID();
    const verified = event(
      'identity.organization.verified',
      { organizationId: id, verified: true, by: 'operator' },
      at(5),
    );
    const unverified = event(
      'identity.organization.verified',
      { organizationId: id, verified: false, by: 'operator' },
      at(9),
    );
    // The flag before the creation: a stub the copy does not count as known, and no lookup is made for it.
    await consumer.applyAll([verified]);
    expect(await row(id)).toEqual({ name: null, kind: null, verified: true });
    expect(await known(id)).toBeNull();
    // The creation completes the stub and keeps the flag; the later withdrawal wins over an earlier flag delivered after it.
    await consumer.applyAll([created(id, 'Late College', 1)]);
    await consumer.applyAll([unverified]);
    await consumer.applyAll([
      event('identity.organization.verified', { organizationId: id, verified: true, by: 'operator' }, at(7)),
    ]);
    expect(await row(id)).toEqual({ name: 'Late College', kind: 'INSTITUTION', verified: false });
  });

  it('applies a batch in one statement per kind of write, the newest statement about each row winning whatever the order', async () => {
    const id = randomUUID();
    const umbrellaId = randomUUID();
    const batch = [
      event('identity.organization.verified', { organizationId: id, verified: true, by: 'operator' }, at(6)),
      created(id, 'Renamed College', 3),
      event('identity.umbrella.member_removed', { umbrellaId, organizationId: id, by: 'admin' }, at(8)),
      created(id, 'First College', 2),
      event('identity.umbrella.joined', { umbrellaId, organizationId: id, by: 'actor' }, at(7)),
      event('identity.organization.verified', { organizationId: id, verified: false, by: 'operator' }, at(5)),
    ];
    const statements: string[] = [];
    const recorder = { query: async (sql: string) => void statements.push(sql) } as unknown as Parameters<
      OrganizationReadModel['apply']
    >[0];
    await directory.directory.readModel.apply(recorder, batch);
    expect(statements).toHaveLength(3);
    await consumer.applyAll(batch);
    expect(await row(id)).toEqual({ name: 'Renamed College', kind: 'INSTITUTION', verified: true });
    expect(await directory.directory.readModel.umbrellasOf(dataSource, id)).toEqual([]);
  });

  it('keeps a removal when the join it undoes arrives after it, and a later join brings the member back', async () => {
    const umbrellaId = randomUUID();
    const organizationId = randomUUID();
    await consumer.applyAll([created(organizationId, 'Member College', 1)]);
    const joined = event('identity.umbrella.joined', { umbrellaId, organizationId, by: 'actor' }, at(2));
    const removed = event(
      'identity.umbrella.member_removed',
      { umbrellaId, organizationId, by: 'admin' },
      at(3),
    );
    await consumer.applyAll([removed]);
    await consumer.applyAll([joined]);
    expect(await directory.directory.readModel.umbrellasOf(dataSource, organizationId)).toEqual([]);
    await consumer.applyAll([
      event('identity.umbrella.joined', { umbrellaId, organizationId, by: 'actor' }, at(4)),
    ]);
    expect(await directory.umbrellasOf(caller, organizationId, [umbrellaId])).toEqual([umbrellaId]);
    expect(identity.asked).toEqual([]);
  });

  it('asks identity once for an organization created a moment ago, stores the answer, and the late event changes nothing', async () => {
    const id = randomUUID();
    const umbrellaId = randomUUID();
    identity.known.set(id, {
      name: 'Just Created',
      kind: 'EMPLOYER',
      verified: false,
      umbrellaIds: [umbrellaId],
    });
    expect(await directory.find(caller, id)).toMatchObject({
      id,
      kind: 'EMPLOYER',
      name: 'Just Created',
      size: 'LARGE',
      sector: '611',
    });
    expect(await directory.find(caller, id)).toMatchObject({ id, kind: 'EMPLOYER' });
    expect(await directory.umbrellasOf(caller, id, [umbrellaId])).toEqual([umbrellaId]);
    expect(identity.asked).toEqual([id]);
    // The creation event, stated before the lookup, arrives after it: the lookup's newer answer stands.
    await consumer.applyAll([
      event(
        'identity.organization.created',
        {
          organizationId: id,
          name: 'Old Name',
          kind: 'EMPLOYER',
          size: 'SMALL',
          region: null,
          sector: null,
          createdBy: 'actor',
        },
        at(1),
      ),
    ]);
    expect(await known(id)).toMatchObject({ name: 'Just Created', size: 'LARGE' });
  });

  it('confirms a missing umbrella membership with identity before refusing, and answers null for an organization identity does not have', async () => {
    const id = randomUUID();
    const umbrellaId = randomUUID();
    await consumer.applyAll([created(id, 'Joining College', 1)]);
    identity.known.set(id, {
      name: 'Joining College',
      kind: 'INSTITUTION',
      verified: false,
      umbrellaIds: [umbrellaId],
    });
    expect(await directory.umbrellasOf(caller, id, [umbrellaId])).toEqual([umbrellaId]);
    expect(await directory.directory.readModel.umbrellasOf(dataSource, id)).toEqual([umbrellaId]);
    const unknown = randomUUID();
    expect(await directory.find(caller, unknown)).toBeNull();
    expect(identity.asked).toEqual([id, unknown]);
  });

  it('refuses, rather than guesses, when identity cannot be asked', async () => {
    const offline = new CopiedOrganizationDirectory(dataSource, 'http://127.0.0.1:9');
    const own = randomUUID();
    const member = {
      ...caller,
      memberships: [{ organizationId: own, role: 'ADMIN', kind: 'INSTITUTION' }],
    } as Principal;
    await expect(offline.find(member, own)).resolves.toMatchObject({ id: own, kind: 'INSTITUTION' });
    await expect(offline.find(caller, randomUUID())).rejects.toMatchObject({ code: 'COMMON.FORBIDDEN' });
    await expect(offline.umbrellasOf(caller, randomUUID(), [randomUUID()])).rejects.toMatchObject({
      code: 'COMMON.FORBIDDEN',
    });
  });
});
