// Types and operations the marketplace screens (needs, matches, capabilities, partnerships) share.
import { graphql } from '../../../graphql/generated';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import type {
  MarketplaceRegionsQuery,
  NeedFieldsFragment,
  NeedMatchesQuery,
  NeedSummaryFieldsFragment,
  PartnershipFieldsFragment,
} from '../../../graphql/generated/graphql';

export type SkillNeed = NeedFieldsFragment;
/** A need as lists show it: skills by name only (see NeedSummaryFields). */
export type NeedSummary = NeedSummaryFieldsFragment;
export type Partnership = PartnershipFieldsFragment;
export type MatchReason = NeedMatchesQuery['needMatches'][number]['reasons'][number];

/** A need's own fields, without its skills (each query chooses how much of a skill it needs). */
graphql(`
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
`);

/** A need as the form edits it: its skills as the skill picker shows them. */
graphql(`
  fragment NeedFields on SkillNeed {
    ...NeedBaseFields
    skills {
      level
      skill {
        ...PickedSkill
      }
    }
  }
`);

/**
 * A need as lists show it: skills by name only. The gateway prices a query by its list sizes
 * (skills × broader × page), so lists leave out the skill hierarchy the picker shows.
 */
graphql(`
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
`);

export const SKILL_NEED = graphql(`
  query SkillNeed($id: ID!) {
    skillNeed(id: $id) {
      ...NeedFields
    }
  }
`);

graphql(`
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
`);
export const PARTNERSHIPS = graphql(`
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
`);

export const PROPOSE = graphql(`
  mutation ProposePartnership($input: ProposePartnershipInput!) {
    proposePartnership(input: $input) {
      ...PartnershipFields
    }
  }
`);

type Region = MarketplaceRegionsQuery['regions'][number];
const REGIONS = graphql(`
  query MarketplaceRegions {
    regions {
      code
      kind
      nameEn
      nameFr
    }
  }
`);

/** The regions as select options in the interface's language, and a code → name lookup. */
export function useRegions(): {
  options: Array<{ value: string; label: string }>;
  name: (code: string | null | undefined) => string;
} {
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
