// Marking read: only ever the caller's own notifications, all or nothing, at most 500 at once.
import type { DataSource, EntityManager } from 'typeorm';
import type { InboxRepository } from '@lattice/notifications-data-access';
import { InboxService } from './inbox.service';

function service(owned: string[]) {
  const manager = {} as EntityManager;
  const dataSource = {
    transaction: jest.fn(async (work: (m: EntityManager) => Promise<unknown>) => work(manager)),
  };
  const inbox = {
    lockOwned: jest.fn(async (_m: EntityManager, _userId: string, ids: readonly string[]) =>
      ids.filter((id) => owned.includes(id)),
    ),
    markRead: jest.fn(async (_m: EntityManager, ids: readonly string[]) => ids.length),
  };
  return {
    inbox,
    service: new InboxService(dataSource as unknown as DataSource, inbox as unknown as InboxRepository),
  };
}

describe('InboxService.markRead', () => {
  it('marks the caller’s notifications read, each id once', async () => {
    const { service: s, inbox } = service(['a', 'b']);
    await expect(s.markRead('me', ['a', 'b', 'a'])).resolves.toBe(2);
    expect(inbox.lockOwned).toHaveBeenCalledWith(expect.anything(), 'me', ['a', 'b']);
    expect(inbox.markRead).toHaveBeenCalledWith(expect.anything(), ['a', 'b']);
  });

  it('refuses the whole request when one id is not the caller’s, marking nothing', async () => {
    const { service: s, inbox } = service(['a']);
    await expect(s.markRead('me', ['a', 'theirs'])).rejects.toMatchObject({
      code: 'NOTIFICATIONS.NOT_YOURS',
    });
    expect(inbox.markRead).not.toHaveBeenCalled();
  });

  it('refuses more than 500 ids before reading anything', async () => {
    const { service: s, inbox } = service([]);
    await expect(
      s.markRead(
        'me',
        Array.from({ length: 501 }, (_, i) => `n-${i}`),
      ),
    ).rejects.toMatchObject({ code: 'NOTIFICATIONS.TOO_MANY_IDS' });
    expect(inbox.lockOwned).not.toHaveBeenCalled();
  });
});
