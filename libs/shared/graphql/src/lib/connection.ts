// Relay connections with keyset cursors: a cursor is the sort key and id of the last row seen,
// so paging stays fast and stable while rows are added.
import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { CommonErrors } from '@lattice/shared-util-errors';

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount?: number;
}

export function Connection<T>(node: Type<T>, name: string = node.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { nullable: true, description: 'Rows matching the filter, when counted.' })
    totalCount?: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  readonly limit: number;
  readonly after: Cursor | null;
}
export type Cursor = readonly [sortKey: string | number, id: string];

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw CommonErrors.of('INVALID_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}.`, {
      field: 'first',
    });
  }
  return { limit, after: after ? decodeCursor(after) : null };
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      ['string', 'number'].includes(typeof value[0]) &&
      typeof value[1] === 'string'
    ) {
      return value as unknown as Cursor;
    }
  } catch {
    // fall through
  }
  throw CommonErrors.of('INVALID_INPUT', 'after is not a cursor this API issued.', { field: 'after' });
}

/** Builds a connection from rows fetched with limit + 1 (the extra row says there is more). */
export function toConnection<Row, Node>(
  rows: readonly Row[],
  request: PageRequest,
  cursorOf: (row: Row) => Cursor,
  toNode: (row: Row) => Node,
  totalCount?: number,
): ConnectionShape<Node> {
  const page = rows.slice(0, request.limit);
  const edges = page.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.limit,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
