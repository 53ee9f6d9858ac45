// Types and operations the marketplace screens (needs, matches, capabilities, partnerships) share.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import { PICKED_SKILL_FIELDS, type SkillWithLevel } from '../../../ui/SkillPicker';

export const DELIVERY_MODES = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const CAREER_STAGES = ['ENTRY', 'MID_CAREER', 'SENIOR', 'NEW_TO_SECTOR'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];
export type MatchReasonKind = 'SKILL_OVERLAP' | 'RELATED_SKILL' | 'REGION' | 'DELIVERY_MODE' | 'CAPACITY' | 'TIMELINE' | 'SMALL_INSTITUTION';
export type PartnershipState = 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';

export interface MatchReason {
  kind: MatchReasonKind;
  weight: number;
  detail: string;
}
export interface OrganizationSummary {
  id: string;
  name: string;
  size: 'SMALL' | 'MEDIUM' | 'LARGE';
  region: string | null;
}
export interface SkillNeed {
  id: string;
  title: string;
  description: string | null;
  status: 'OPEN' | 'CLOSED';
  region: string;
  sector: string | null;
  deliveryModes: DeliveryMode[];
  learnerCount: number;
  careerStage: CareerStage;
  neededBy: string | null;
  version: number;
  createdAt: string;
  organization: OrganizationSummary;
  skills: SkillWithLevel[];
}

/** A need's own fields, without its skills (each query chooses how much of a skill it needs). */
const NEED_BASE_FIELDS = gql`
  fragment NeedBaseFields on SkillNeed {
    id
    title
    description
    status
    region
    sector
    deliveryModes
    learnerCount
    careerStage
    neededBy
    version
    createdAt
    organization {
      id
      name
      size
      region
    }
  }
`;

/** A need as the form edits it: its skills as the skill picker shows them. */
export const NEED_FIELDS = gql`
  fragment NeedFields on SkillNeed {
    ...NeedBaseFields
    skills {
      level
      skill {
        ...PickedSkill
      }
    }
  }
  ${NEED_BASE_FIELDS}
  ${PICKED_SKILL_FIELDS}
`;

/**
 * A need as lists show it: skills by name only. The gateway prices a query by its list sizes
 * (skills × broader × page), so lists leave out the skill hierarchy the picker shows.
 */
export interface NeedSummary extends Omit<SkillNeed, 'skills'> {
  skills: Array<{ level: number; skill: { id: string; label: string; labelFr: string | null } }>;
}
export const NEED_SUMMARY_FIELDS = gql`
  fragment NeedSummaryFields on SkillNeed {
    ...NeedBaseFields
    skills {
      level
      skill {
        id
        label
        labelFr
      }
    }
  }
  ${NEED_BASE_FIELDS}
`;

export const SKILL_NEED: TypedDocumentNode<{ skillNeed: SkillNeed | null }, { id: string }> = gql`
  query SkillNeed($id: ID!) {
    skillNeed(id: $id) {
      ...NeedFields
    }
  }
  ${NEED_FIELDS}
`;

export interface Partnership {
  id: string;
  state: PartnershipState;
  message: string | null;
  responseMessage: string | null;
  createdAt: string;
  respondedAt: string | null;
  institution: OrganizationSummary;
  employer: OrganizationSummary;
  proposedBy: { id: string; name: string };
  need: { id: string; title: string; region: string; learnerCount: number; status: 'OPEN' | 'CLOSED' };
}
export const PARTNERSHIP_FIELDS = gql`
  fragment PartnershipFields on Partnership {
    id
    state
    message
    responseMessage
    createdAt
    respondedAt
    institution {
      id
      name
      size
      region
    }
    employer {
      id
      name
      size
      region
    }
    proposedBy {
      id
      name
    }
    need {
      id
      title
      region
      learnerCount
      status
    }
  }
`;
export type PartnershipDirection = 'PROPOSED_BY_US' | 'PROPOSED_TO_US';
export const PARTNERSHIPS: TypedDocumentNode<
  { partnerships: { totalCount: number | null; edges: Array<{ node: Partnership }> } },
  { organizationId: string; filter: { state?: PartnershipState | null; direction?: PartnershipDirection | null } }
> = gql`
  query Partnerships($organizationId: ID!, $filter: PartnershipFilter) {
    partnerships(organizationId: $organizationId, filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          ...PartnershipFields
        }
      }
    }
  }
  ${PARTNERSHIP_FIELDS}
`;

export const PROPOSE: TypedDocumentNode<{ proposePartnership: Partnership }, { input: { needId: string; institutionId: string; message?: string } }> = gql`
  mutation ProposePartnership($input: ProposePartnershipInput!) {
    proposePartnership(input: $input) {
      ...PartnershipFields
    }
  }
  ${PARTNERSHIP_FIELDS}
`;

export interface Region {
  code: string;
  kind: 'PROVINCE' | 'CMA' | 'ECONOMIC_REGION';
  nameEn: string;
  nameFr: string;
}
const REGIONS: TypedDocumentNode<{ regions: Region[] }> = gql`
  query MarketplaceRegions {
    regions {
      code
      kind
      nameEn
      nameFr
    }
  }
`;

/** The regions as select options in the interface's language, and a code → name lookup. */
export function useRegions(): { options: Array<{ value: string; label: string }>; name: (code: string | null | undefined) => string } {
  const { t, i18n } = useTranslation('marketplace');
  const { data } = useQuery(REGIONS);
  const regions = data?.regions ?? [];
  const nameOf = (r: Region) => (i18n.language === 'fr' ? r.nameFr : r.nameEn);
  const byCode = new Map(regions.map((r) => [r.code, nameOf(r)]));
  return {
    options: regions.map((r) => ({ value: r.code, label: `${nameOf(r)} (${t(`regionKinds.${r.kind}`)})` })),
    name: (code) => (code ? (byCode.get(code) ?? code) : '—'),
  };
}
