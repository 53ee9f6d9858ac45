import type { DesignCommentEntity } from '@lattice/credentials-data-access';
import { toCommentThreads } from './co-development.models';

const comment = (
  id: string,
  parentId: string | null,
  minute: number,
  resolved = false,
): DesignCommentEntity => ({
  id,
  designId: 'd',
  parentId,
  field: parentId ? null : 'title',
  body: `comment ${id}`,
  designVersion: 1,
  authorId: `author-${id}`,
  resolvedAt: resolved ? new Date() : null,
  resolvedBy: resolved ? 'someone' : null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
});

describe('toCommentThreads', () => {
  it('nests replies under their thread, oldest first, and keeps resolution on the thread', () => {
    const threads = toCommentThreads([
      comment('a', null, 0, true),
      comment('b', null, 1),
      comment('a1', 'a', 2),
      comment('b1', 'b', 3),
      comment('a2', 'a', 4),
    ]);
    expect(threads.map((t) => [t.id, t.resolved, t.replies.map((r) => r.id)])).toEqual([
      ['a', true, ['a1', 'a2']],
      ['b', false, ['b1']],
    ]);
    expect(threads[0]!.author).toEqual({ id: 'author-a' });
  });
});
