// Queries the shell and several screens share. A screen's own operations live beside it.
import { gql, type TypedDocumentNode } from '@apollo/client';

export interface MeData {
  me: {
    id: string;
    name: string;
    email: string;
    emailVerified: boolean;
    locale: string;
    memberships: Array<{ role: 'OWNER' | 'ADMIN' | 'MEMBER'; organization: { id: string; name: string; kind: OrgKind } }>;
  };
}
export type OrgKind = 'EMPLOYER' | 'INSTITUTION' | 'UMBRELLA' | 'COMMUNITY' | 'OPERATOR';

export const ME: TypedDocumentNode<MeData> = gql`
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
`;

export const UNREAD_COUNT: TypedDocumentNode<{ unreadNotificationCount: number }> = gql`
  query UnreadCount {
    unreadNotificationCount
  }
`;

export const REFRESH_TOKEN: TypedDocumentNode<{ refreshToken: { token: string } }> = gql`
  mutation RefreshToken {
    refreshToken {
      token
    }
  }
`;

// The demand map: the demand screen and the umbrella's members' demand both read it.
export type DemandGrouping = 'REGION' | 'SECTOR' | 'SKILL' | 'SKILL_GROUP';
export interface DemandCell {
  key: string;
  label: string;
  needs: number;
  learners: number;
  supply: number;
  gap: number;
}
export interface DemandFilter {
  region?: string;
  sector?: string;
  from?: string;
  to?: string;
  umbrellaId?: string;
}
export const DEMAND_MAP: TypedDocumentNode<{ demandMap: DemandCell[] }, { groupBy: DemandGrouping; filter: DemandFilter; first: number }> = gql`
  query DemandMap($groupBy: DemandGrouping!, $filter: DemandFilter, $first: Int!) {
    demandMap(groupBy: $groupBy, filter: $filter, first: $first) {
      key
      label
      needs
      learners
      supply
      gap
    }
  }
`;
