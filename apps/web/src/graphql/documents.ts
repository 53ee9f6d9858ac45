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
