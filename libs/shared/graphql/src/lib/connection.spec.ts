import { decodeCursor, encodeCursor, pageRequest, toConnection } from './connection';

describe('connections', () => {
  it('round-trips cursors and rejects foreign ones', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01', 'abc']))).toEqual(['2026-01-01', 'abc']);
    expect(() => decodeCursor('not-a-cursor')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(/cursor/);
  });

  it('bounds page sizes', () => {
    expect(pageRequest(undefined, undefined).limit).toBe(20);
    expect(() => pageRequest(0, null)).toThrow(/between 1 and 100/);
    expect(() => pageRequest(101, null)).toThrow(/between 1 and 100/);
  });

  it('uses the extra row to say there is a next page', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id${n}`, n }));
    const connection = toConnection(
      rows,
      { limit: 2, after: null },
      (r) => [r.n, r.id],
      (r) => r.id,
    );
    expect(connection.edges.map((e) => e.node)).toEqual(['id1', 'id2']);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(connection.pageInfo.endCursor!)).toEqual([2, 'id2']);
  });
});
