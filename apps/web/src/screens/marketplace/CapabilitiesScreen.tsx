// An institution's capability profile (skills with levels, regions served, delivery modes,
// annual capacity) and the open needs ranked for it, from which it proposes partnerships.
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useMutation, useQuery } from '@apollo/client/react';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { SkillPicker, skillInputs, skillLabel, type SkillWithLevel } from '../../ui/SkillPicker';
import { setServerErrors, errorText } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';
import { PARTNERSHIPS, useRegions } from './shared/marketplace-documents';
import { DeliveryMode, type ProfileFieldsFragment } from '../../graphql/generated/graphql';
import { CheckboxesField, InputField, MultiSelectField } from './shared/form-fields';
import { RankedMatch } from './shared/MatchReasons';
import './shared/marketplace.css';

graphql(`
  fragment ProfileFields on CapabilityProfile {
    regions
    deliveryModes
    annualCapacity
    version
    skills {
      level
      skill {
        ...PickedSkill
      }
    }
  }
`);
const PROFILE = graphql(`
  query CapabilityProfile($organizationId: ID!) {
    capabilityProfile(organizationId: $organizationId) {
      ...ProfileFields
    }
  }
`);
const UPSERT = graphql(`
  mutation UpsertCapabilityProfile($input: CapabilityProfileInput!) {
    upsertCapabilityProfile(input: $input) {
      ...ProfileFields
    }
  }
`);
const NEED_MATCHES = graphql(`
  query NeedMatches($institutionId: ID!) {
    needMatches(institutionId: $institutionId, first: 10) {
      score
      reasons {
        kind
        weight
        detail
        code
        params
      }
      need {
        ...NeedSummaryFields
      }
    }
  }
`);

function profileSchema(t: TFunction) {
  return z.object({
    skills: z
      .array(z.custom<SkillWithLevel>())
      .min(1, t('validation.skills'))
      .max(30, t('validation.tooManySkills')),
    regions: z.array(z.string()).min(1, t('validation.regions')),
    deliveryModes: z.array(z.enum(DeliveryMode)).min(1, t('validation.deliveryModes')),
    annualCapacity: z.string().trim().regex(/^\d+$/, t('validation.annualCapacity')),
  });
}
type Values = z.input<ReturnType<typeof profileSchema>>;
const valuesOf = (profile: ProfileFieldsFragment): Values => ({
  skills: profile.skills.map((s) => ({ skill: s.skill, level: s.level })),
  regions: profile.regions,
  deliveryModes: profile.deliveryModes,
  annualCapacity: String(profile.annualCapacity),
});

function RankedNeeds({ institutionId, hasProfile }: { institutionId: string; hasProfile: boolean }) {
  const { t, i18n } = useTranslation('marketplace');
  const regions = useRegions();
  const matches = useQuery(NEED_MATCHES, {
    variables: { institutionId },
    skip: !hasProfile,
    fetchPolicy: 'cache-and-network',
  });
  const partnerships = useQuery(PARTNERSHIPS, {
    variables: { organizationId: institutionId, filter: {} },
    fetchPolicy: 'cache-and-network',
  });
  const taken = new Map(
    (partnerships.data?.partnerships.edges ?? [])
      .map((e) => e.node)
      .filter((p) => p.state === 'PROPOSED' || p.state === 'ACCEPTED')
      .map((p) => [p.need.id, p] as const),
  );
  const list = matches.data?.needMatches ?? [];
  return (
    <section aria-labelledby="ranked-needs">
      <h2 id="ranked-needs">{t('capabilities.rankedTitle')}</h2>
      <FormError>{matches.error && errorText(t, matches.error)}</FormError>
      {!hasProfile ? (
        <p>{t('capabilities.noProfileYet')}</p>
      ) : matches.loading && !matches.data ? (
        <p>{t('common:loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('capabilities.noMatches')}</p>
      ) : (
        <ol className="cards ranked" aria-label={t('capabilities.rankedTitle')}>
          {list.map((match, index) => (
            <RankedMatch
              key={match.need.id}
              id={match.need.id}
              rank={index + 1}
              title={match.need.title}
              heading="h3"
              score={match.score}
              reasons={match.reasons}
              reasonsLabel={t('matches.reasonsFor', { name: match.need.title })}
              already={taken.get(match.need.id)}
              organizationId={institutionId}
              proposal={{
                needId: match.need.id,
                institutionId,
                partnerName: match.need.organization.name,
                onProposed: () => void partnerships.refetch(),
              }}
            >
              <p className="meta">
                {t('capabilities.needMeta', {
                  employer: match.need.organization.name,
                  region: regions.name(match.need.region),
                  count: match.need.learnerCount,
                })}
              </p>
              <p className="meta">
                {match.need.skills
                  .map(
                    (s) =>
                      `${skillLabel(s.skill, i18n.language)} (${t(`common:skillPicker.levels.${s.level}`)})`,
                  )
                  .join(', ')}
              </p>
            </RankedMatch>
          ))}
        </ol>
      )}
    </section>
  );
}

export function Component() {
  const { t } = useTranslation('marketplace');
  const { current, loading: loadingOrg } = useCurrentOrganization();
  const organization = current?.organization;
  const isInstitution = organization?.kind === 'INSTITUTION';
  const organizationId = organization?.id ?? '';
  const regions = useRegions();
  const loaded = useQuery(PROFILE, {
    variables: { organizationId },
    skip: !isInstitution,
    fetchPolicy: 'network-only',
  });
  const [upsert] = useMutation(UPSERT, { refetchQueries: [NEED_MATCHES] });
  const schema = useMemo(() => profileSchema(t), [t]);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { skills: [], regions: [], deliveryModes: [], annualCapacity: '' },
  });
  const [saved, setSaved] = useState(false);
  const [savedOnce, setSavedOnce] = useState(false);
  const profile = loaded.data?.capabilityProfile;
  const hasProfile = Boolean(profile) || savedOnce;
  const { reset } = form;
  useEffect(() => {
    if (profile) reset(valuesOf(profile));
  }, [profile, reset]);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    try {
      const input = {
        organizationId,
        skills: skillInputs(values.skills),
        regions: values.regions,
        deliveryModes: values.deliveryModes,
        annualCapacity: Number(values.annualCapacity),
      };
      const { data } = await upsert({ variables: { input } });
      if (data) {
        reset(valuesOf(data.upsertCapabilityProfile));
        setSavedOnce(true);
        setSaved(true);
      }
    } catch (error) {
      setServerErrors(error, form.setError, t, ['skills', 'regions', 'deliveryModes', 'annualCapacity'], {
        skillId: 'skills',
        level: 'skills',
      });
    }
  });

  if (!loadingOrg && !isInstitution)
    return (
      <Page title={t('capabilities.title')}>
        <p>
          {organization?.kind === 'EMPLOYER'
            ? t('capabilities.forEmployers')
            : t('capabilities.institutionsOnly')}
        </p>
      </Page>
    );
  return (
    <Page
      title={t('capabilities.title')}
      actions={
        <Link to="/partnerships" className="secondary-link">
          {t('partnerships.link')}
        </Link>
      }
    >
      <p>{t('capabilities.intro', { organization: organization?.name ?? '' })}</p>
      {saved && (
        <p role="status" className="notice notice-success">
          {t('capabilities.saved')}
        </p>
      )}
      {loadingOrg || (loaded.loading && !loaded.data) ? (
        <p>{t('common:loading')}</p>
      ) : (
        <Form
          onSubmit={onSubmit}
          serverError={form.formState.errors.root?.['server']?.message}
          submitting={form.formState.isSubmitting}
          submitLabel={t('capabilities.save')}
        >
          <SkillPicker control={form.control} name="skills" label={t('capabilities.skills')} />
          <MultiSelectField
            control={form.control}
            name="regions"
            label={t('capabilities.regions')}
            description={t('capabilities.regionsHint')}
            options={regions.options}
            placeholder={t('choose')}
            addLabel={t('capabilities.addRegion')}
            removeLabel={(region) => t('capabilities.removeRegion', { region })}
          />
          <CheckboxesField
            control={form.control}
            name="deliveryModes"
            label={t('fields.deliveryModes')}
            options={Object.values(DeliveryMode).map((m) => ({ value: m, label: t(`deliveryModes.${m}`) }))}
          />
          <InputField
            control={form.control}
            name="annualCapacity"
            kind="number"
            label={t('capabilities.annualCapacity')}
            description={t('capabilities.annualCapacityHint')}
          />
        </Form>
      )}
      {organizationId && <RankedNeeds institutionId={organizationId} hasProfile={hasProfile} />}
    </Page>
  );
}
