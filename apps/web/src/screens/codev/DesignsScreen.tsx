// /designs: the current organization's credential designs, where each stands and whom it waits
// on, and (for an institution's admins) a form to start a new one.
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';
import { ACCEPTED_PARTNERSHIPS, CREATE_DESIGN, DESIGNS, FRAMEWORKS } from './documents';
import { DesignStage, type AcceptedPartnershipsQuery } from '../../graphql/generated/graphql';
import type { TFunction } from 'i18next';
import { basicsSchema, duration, names } from './format';
import './codev.css';
import { ErrorNotice } from './ErrorNotice';

export function Component() {
  const { t } = useTranslation('codev');
  const { current, loading } = useCurrentOrganization();
  // ?stage=IN_REVIEW (the home page's "reviews overdue" link) starts the list filtered.
  const [params] = useSearchParams();
  const [stage, setStage] = useState<DesignStage | ''>(() => {
    const asked = params.get('stage');
    return (Object.values(DesignStage) as string[]).includes(asked ?? '') ? (asked as DesignStage) : '';
  });
  const organizationId = current?.organization.id;
  const designs = useQuery(DESIGNS, {
    variables: { organizationId: organizationId ?? '', stage: stage || null },
    skip: !organizationId,
  });
  if (loading && !current) return <p>{t('common:loading')}</p>;
  if (!current) return <Page title={t('list.title')}>{t('list.noOrganization')}</Page>;
  const canCreate = current.organization.kind === 'INSTITUTION' && current.role !== 'MEMBER';
  const items = designs.data?.credentialDesigns.edges.map((e) => e.node) ?? [];
  const summary = (designs.data?.designStageSummary ?? []).filter((s) => s.current > 0);

  return (
    <Page title={t('list.title')}>
      <ErrorNotice error={designs.error} />
      {summary.length > 0 && (
        <section aria-labelledby="stage-summary">
          <h2 id="stage-summary">{t('list.summary')}</h2>
          <ul className="stage-summary">
            {summary.map((s) => (
              <li key={s.stage}>
                <strong>{t('list.stageLabel', { stage: t(`stages.${s.stage}`) })}</strong>{' '}
                {t('list.inStage', { count: s.current, time: duration(t, s.averageMs) })}
                {s.waitingOn.length > 0 && (
                  <>
                    {' '}
                    —{' '}
                    {t('list.waitingOn', {
                      names: s.waitingOn.map((w) => `${w.organization.name} (${w.designs})`).join(', '),
                    })}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="design-list">
        <h2 id="design-list">{t('list.designs')}</h2>
        <div className="toolbar">
          <label className="header-control">
            {t('list.stageFilter')}
            <select value={stage} onChange={(event) => setStage(event.target.value as DesignStage | '')}>
              <option value="">{t('list.allStages')}</option>
              {Object.values(DesignStage).map((s) => (
                <option key={s} value={s}>
                  {t(`stages.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {designs.loading && !designs.data ? (
          <p>{t('common:loading')}</p>
        ) : items.length === 0 ? (
          <p>{t('list.empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('list.columns.title')}</th>
                <th scope="col">{t('list.columns.stage')}</th>
                <th scope="col">{t('list.columns.waitingOn')}</th>
                <th scope="col">{t('list.columns.parties')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/designs/${d.id}`}>{d.title}</Link>
                  </td>
                  <td>
                    {t(`stages.${d.stage}`)}
                    {d.reviewOverdue && <> ({t('list.overdue')})</>}
                  </td>
                  <td>{names(d.waitingOn) || '—'}</td>
                  <td>{names([d.issuer, ...d.partners])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canCreate && <NewDesign issuerId={current.organization.id} />}
    </Page>
  );
}

type AcceptedPartnership = AcceptedPartnershipsQuery['partnerships']['edges'][number]['node'];

/** The need in the words of the design's language: the design's evidence of need. */
function needEvidence(
  t: TFunction,
  need: AcceptedPartnership['need'],
  employer: string,
  lng: 'en' | 'fr',
): string {
  const skills = need.skills
    .map((s) =>
      t('create.fromNeed.skill', {
        lng,
        skill: lng === 'fr' && s.skill.labelFr ? s.skill.labelFr : s.skill.label,
        level: s.level,
      }),
    )
    .join('; ');
  return t('create.fromNeed.evidence', {
    lng,
    employer,
    title: need.title,
    count: need.learnerCount,
    region: need.region,
    skills,
  }).slice(0, 2000);
}

function NewDesign({ issuerId }: { issuerId: string }) {
  const { t, i18n } = useTranslation('codev');
  const navigate = useNavigate();
  // /designs?partnership=<id> (an accepted partnership's "Start a design") starts from that partnership.
  const [params] = useSearchParams();
  const frameworks = useQuery(FRAMEWORKS);
  const partnerships = useQuery(ACCEPTED_PARTNERSHIPS, { variables: { organizationId: issuerId } });
  const [create] = useMutation(CREATE_DESIGN);
  const schema = useMemo(
    () =>
      z.object({
        ...basicsSchema(t),
        partnershipId: z.string(),
        language: z.enum(['en', 'fr']),
      }),
    [t],
  );
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      title: '',
      description: '',
      frameworkId: '',
      partnershipId: '',
      language: i18n.language === 'fr' ? 'fr' : 'en',
    },
  });
  const accepted = useMemo(
    () => partnerships.data?.partnerships.edges.map((e) => e.node) ?? [],
    [partnerships.data],
  );
  const asked = params.get('partnership');
  const { setValue, getValues } = form;
  useEffect(() => {
    const chosen = accepted.find((p) => p.id === asked);
    if (!chosen || getValues('partnershipId')) return;
    setValue('partnershipId', chosen.id);
    if (!getValues('title')) setValue('title', chosen.need.title);
    document.getElementById('new-design')?.scrollIntoView();
  }, [accepted, asked, setValue, getValues]);
  const partnershipId = useWatch({ control: form.control, name: 'partnershipId' });
  const chosen = accepted.find((p) => p.id === partnershipId);

  const onSubmit = form.handleSubmit(async (values) => {
    const partnership = accepted.find((p) => p.id === values.partnershipId);
    const need = partnership?.need;
    try {
      const { data } = await create({
        variables: {
          input: {
            issuerId,
            title: values.title.trim(),
            description: values.description.trim() || undefined,
            frameworkId: values.frameworkId,
            partnershipId: partnership?.id,
            partnerIds: partnership ? [partnership.employer.id] : undefined,
            language: values.language,
            // A design from a partnership starts from its need.
            competencies: need?.skills.map((s) => ({ skillId: s.skill.id })),
            deliveryMode: need?.deliveryModes[0],
            careerStage: need?.careerStage,
            evidenceOfNeed:
              need && partnership
                ? needEvidence(t, need, partnership.employer.name, values.language)
                : undefined,
          },
        },
      });
      if (data) await navigate(`/designs/${data.createCredentialDesign.id}`);
    } catch (error) {
      setServerErrors(
        error,
        form.setError,
        t,
        ['title', 'description', 'frameworkId', 'partnershipId', 'language'],
        { partnerIds: 'partnershipId', competencies: 'partnershipId' },
      );
    }
  });

  return (
    <section aria-labelledby="new-design">
      <h2 id="new-design">{t('create.title')}</h2>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('create.submit')}
      >
        <SelectField
          control={form.control}
          name="partnershipId"
          label={t('fields.partnershipId')}
          description={accepted.length === 0 ? t('create.noPartnerships') : t('create.partnershipHint')}
          placeholder={t('create.noPartnership')}
          options={accepted.map((p) => ({
            value: p.id,
            label: t('create.partnershipOption', { employer: p.employer.name, need: p.need.title }),
          }))}
        />
        {chosen && (
          <div className="notice" data-testid="from-need">
            <p>{t('create.fromNeed.intro', { employer: chosen.employer.name })}</p>
            <ul>
              <li>
                {t('create.fromNeed.skills', {
                  skills: chosen.need.skills
                    .map((s) =>
                      t('create.fromNeed.skill', {
                        skill: i18n.language === 'fr' && s.skill.labelFr ? s.skill.labelFr : s.skill.label,
                        level: s.level,
                      }),
                    )
                    .join('; '),
                })}
              </li>
              {chosen.need.deliveryModes[0] && (
                <li>
                  {t('create.fromNeed.delivery', {
                    mode: t(`deliveryModes.${chosen.need.deliveryModes[0]}`),
                  })}
                </li>
              )}
              <li>
                {t('create.fromNeed.careerStage', { stage: t(`careerStages.${chosen.need.careerStage}`) })}
              </li>
              <li>{t('create.fromNeed.partner', { employer: chosen.employer.name })}</li>
            </ul>
          </div>
        )}
        <TextField control={form.control} name="title" label={t('fields.title')} />
        <TextField control={form.control} name="description" label={t('fields.description')} />
        <SelectField
          control={form.control}
          name="frameworkId"
          label={t('fields.frameworkId')}
          placeholder={t('choose')}
          options={(frameworks.data?.frameworks ?? []).map((f) => ({
            value: f.id,
            label: `${f.name} (${f.version})`,
          }))}
        />
        <SelectField
          control={form.control}
          name="language"
          label={t('fields.language')}
          options={(['en', 'fr'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
      </Form>
    </section>
  );
}
