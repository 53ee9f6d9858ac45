// Queries the shell and several screens share. A screen's own operations live beside it.
import { graphql } from './generated';
import type { DemandMapQuery, MeQuery } from './generated/graphql';

export type Me = MeQuery['me'];

export const ME = graphql(`
  query Me {
    me {
      id
      name
      email
      emailVerified
      locale
      memberships {
        role
        organization {
          id
          name
          kind
        }
      }
    }
  }
`);

export const UNREAD_COUNT = graphql(`
  query UnreadCount {
    unreadNotificationCount
  }
`);

export const REFRESH_TOKEN = graphql(`
  mutation RefreshToken {
    refreshToken {
      token
    }
  }
`);

// The demand map: the demand screen and the umbrella's members' demand both read it.
export type DemandCell = DemandMapQuery['demandMap'][number];
export const DEMAND_MAP = graphql(`
  query DemandMap($groupBy: DemandGrouping!, $filter: DemandFilter, $first: Int!) {
    demandMap(groupBy: $groupBy, filter: $filter, first: $first) {
      key
      label
      labelFr
      needs
      learners
      supply
      gap
    }
  }
`);

/** An umbrella's admin accepts or declines a request to join (the home page and the umbrella page). */
export const RESPOND_TO_JOIN_REQUEST = graphql(`
  mutation RespondToUmbrellaJoinRequest($id: ID!, $accept: Boolean!) {
    respondToUmbrellaJoinRequest(id: $id, accept: $accept) {
      id
      state
    }
  }
`);
