// Post a skill need (/needs/new) or edit one (/needs/:id): title, description, skills with
// levels (the skill picker), region, delivery modes, learners, career stage, date. An edit sends
// the version it loaded; a stale one (CONFLICT) shows what changed and offers the server's copy.
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { FormError, SelectField, TextField } from '../../ui/fields';
import { SkillPicker, skillInputs, skillsText, type SkillWithLevel } from '../../ui/SkillPicker';
import { hasCode, setServerErrors, errorText } from '../../graphql/errors';
import { changedFields, type FieldChange } from '../../graphql/conflict';
import { useCurrentOrganization } from '../../app/current-organization';
import { SKILL_NEED, useRegions, type SkillNeed } from './shared/marketplace-documents';
import { TeachingCredentials } from '../catalogue/TeachingCredentials';
import { CareerStage, DeliveryMode } from '../../graphql/generated/graphql';
import { CheckboxesField, InputField } from './shared/form-fields';
import { ORGANIZATION_NEEDS } from './NeedsScreen';
import './shared/marketplace.css';

const POST = graphql(`
  mutation PostSkillNeed($input: PostSkillNeedInput!) {
    postSkillNeed(input: $input) {
      ...NeedFields
    }
  }
`);
const UPDATE = graphql(`
  mutation UpdateSkillNeed($id: ID!, $input: UpdateSkillNeedInput!, $expectedVersion: Int) {
    updateSkillNeed(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...NeedFields
    }
  }
`);
const CLOSE = graphql(`
  mutation CloseSkillNeed($id: ID!) {
    closeSkillNeed(id: $id) {
      id
      status
      version
    }
  }
`);

const FIELDS = [
  'title',
  'description',
  'skills',
  'region',
  'deliveryModes',
  'learnerCount',
  'careerStage',
  'neededBy',
] as const;

function needSchema(t: TFunction, stored?: string | null) {
  return z.object({
    title: z.string().trim().min(3, t('validation.title')).max(200, t('validation.title')),
    description: z.string().max(5000, t('validation.description')),
    skills: z
      .array(z.custom<SkillWithLevel>())
      .min(1, t('validation.skills'))
      .max(30, t('validation.tooManySkills')),
    region: z.string().min(1, t('validation.region')),
    deliveryModes: z.array(z.enum(DeliveryMode)).min(1, t('validation.deliveryModes')),
    // The format here; the upper bound is the server's (its error lands on this field).
    learnerCount: z
      .string()
      .trim()
      .regex(/^\d+$/, t('validation.learnerCount'))
      .refine((v) => Number(v) >= 1, t('validation.learnerCount')),
    careerStage: z.enum(CareerStage, t('validation.careerStage')),
    neededBy: z
      .string()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, t('validation.neededBy'))
      // Not before today (here); a stored date that has passed may stay while other fields change.
      .refine((v) => !v || v === stored || v >= localToday(), t('validation.neededByPast')),
  });
}

/** Today's date where the browser is (YYYY-MM-DD). */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
type Values = z.input<ReturnType<typeof needSchema>>;

const EMPTY: Values = {
  title: '',
  description: '',
  skills: [],
  region: '',
  deliveryModes: [],
  learnerCount: '',
  careerStage: '' as Values['careerStage'],
  neededBy: '',
};
const valuesOf = (need: SkillNeed): Values => ({
  title: need.title,
  description: need.description ?? '',
  skills: need.skills.map((s) => ({ skill: s.skill, level: s.level })),
  region: need.region,
  deliveryModes: need.deliveryModes,
  learnerCount: String(need.learnerCount),
  careerStage: need.careerStage,
  neededBy: need.neededBy ?? '',
});
const inputOf = (values: Values) => ({
  title: values.title.trim(),
  description: values.description.trim() || null,
  skills: skillInputs(values.skills),
  region: values.region,
  deliveryModes: values.deliveryModes,
  learnerCount: Number(values.learnerCount),
  careerStage: values.careerStage,
  neededBy: values.neededBy || null,
});

/** /needs/new, or /needs/:id once the need is loaded. */
export function Component() {
  const { t } = useTranslation('marketplace');
  const { id } = useParams();
  const loaded = useQuery(SKILL_NEED, {
    variables: { id: id ?? '' },
    skip: !id,
    fetchPolicy: 'network-only',
  });
  const need = loaded.data?.skillNeed ?? undefined;
  if (!id) return <NeedForm />;
  if (loaded.loading && !need) return <p>{t('common:loading')}</p>;
  if (!need)
    return (
      <Page title={t('needForm.editTitle')}>
        <FormError>{loaded.error ? errorText(t, loaded.error) : t('needForm.notFound')}</FormError>
      </Page>
    );
  return <NeedForm key={need.id} need={need} onClosed={() => void loaded.refetch()} />;
}

function NeedForm({ need, onClosed }: { need?: SkillNeed; onClosed?: () => void }) {
  const { t, i18n } = useTranslation('marketplace');
  const id = need?.id;
  const editing = Boolean(need);
  const navigate = useNavigate();
  const client = useApolloClient();
  const { current } = useCurrentOrganization();
  const regions = useRegions();
  const [post] = useMutation(POST, { refetchQueries: [ORGANIZATION_NEEDS] });
  const [update] = useMutation(UPDATE);
  const [close, closing] = useMutation(CLOSE);
  const schema = useMemo(() => needSchema(t, need?.neededBy), [t, need?.neededBy]);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: need ? valuesOf(need) : EMPTY,
  });
  // The copy the form started from, and its version: what a stale save is compared with.
  const [base, setBase] = useState<{ values: Values; version: number } | undefined>(() =>
    need ? { values: valuesOf(need), version: need.version } : undefined,
  );
  const [conflict, setConflict] = useState<{ changes: FieldChange[]; latest: SkillNeed } | undefined>();
  const [saved, setSaved] = useState(false);
  const { reset } = form;

  const comparable = (values: Values) => ({
    ...values,
    skills: skillsText(values.skills, i18n.language),
    deliveryModes: values.deliveryModes.map((m) => t(`deliveryModes.${m}`)).join(', '),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const fieldFor = { skillId: 'skills', level: 'skills' } as const;
    try {
      if (!editing) {
        const organizationId = current?.organization.id ?? '';
        const { data } = await post({ variables: { input: { organizationId, ...inputOf(values) } } });
        if (data) await navigate(`/needs/${data.postSkillNeed.id}/matches`);
        return;
      }
      const { data } = await update({
        variables: { id: id!, input: inputOf(values), expectedVersion: base!.version },
      });
      if (data) {
        const values = valuesOf(data.updateSkillNeed);
        setBase({ values, version: data.updateSkillNeed.version });
        reset(values);
        setSaved(true);
      }
    } catch (error) {
      if (editing && hasCode(error, 'CONFLICT')) {
        const { data } = await client.query({
          query: SKILL_NEED,
          variables: { id: id! },
          fetchPolicy: 'network-only',
        });
        const latest = data?.skillNeed;
        if (latest && base) {
          setConflict({
            changes: changedFields(comparable(base.values), comparable(valuesOf(latest)), FIELDS),
            latest,
          });
          return;
        }
      }
      setServerErrors(error, form.setError, t, [...FIELDS], fieldFor);
    }
  });

  const reload = () => {
    if (!conflict) return;
    const values = valuesOf(conflict.latest);
    reset(values);
    setBase({ values, version: conflict.latest.version });
    setConflict(undefined);
  };

  const closeNeed = async () => {
    try {
      await close({ variables: { id: id! } });
      onClosed?.();
    } catch {
      // shown from closing.error
    }
  };

  const closed = need?.status === 'CLOSED';
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`fields.${f}`)]));

  return (
    <Page
      title={editing ? t('needForm.editTitle') : t('needForm.newTitle')}
      actions={
        need &&
        !closed && (
          <Link to={`/needs/${need.id}/matches`} className="secondary-link">
            {t('needs.matchesFor', { title: need.title })}
          </Link>
        )
      }
    >
      <p>
        <Link to="/needs">{t('needForm.back')}</Link>
      </p>
      {closed && <p className="notice notice-warning">{t('needForm.closed')}</p>}
      {conflict && <ConflictNotice changes={conflict.changes} labels={labels} onReload={reload} />}
      {saved && (
        <p role="status" className="notice notice-success">
          {t('needForm.saved')}
        </p>
      )}
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting || closed}
        submitLabel={editing ? t('needForm.save') : t('needForm.post')}
      >
        <TextField control={form.control} name="title" label={t('fields.title')} />
        <InputField
          control={form.control}
          name="description"
          label={t('fields.description')}
          description={t('fields.descriptionHint')}
        />
        <SkillPicker control={form.control} name="skills" label={t('fields.skills')} />
        <SelectField
          control={form.control}
          name="region"
          label={t('fields.region')}
          placeholder={t('choose')}
          options={regions.options}
        />
        <CheckboxesField
          control={form.control}
          name="deliveryModes"
          label={t('fields.deliveryModes')}
          options={Object.values(DeliveryMode).map((m) => ({ value: m, label: t(`deliveryModes.${m}`) }))}
        />
        <InputField
          control={form.control}
          name="learnerCount"
          kind="number"
          label={t('fields.learnerCount')}
        />
        <SelectField
          control={form.control}
          name="careerStage"
          label={t('fields.careerStage')}
          placeholder={t('choose')}
          options={Object.values(CareerStage).map((s) => ({ value: s, label: t(`careerStages.${s}`) }))}
        />
        <InputField
          control={form.control}
          name="neededBy"
          kind="date"
          label={t('fields.neededBy')}
          description={t('fields.neededByHint')}
        />
      </Form>
      {need && <TeachingCredentials skillIds={need.skills.map((s) => s.skill.id)} />}
      {need && !closed && (
        <section aria-labelledby="close-need" className="danger-zone">
          <h2 id="close-need">{t('needForm.closeHeading')}</h2>
          <p>{t('needForm.closeHint')}</p>
          <FormError>{closing.error && errorText(t, closing.error)}</FormError>
          <Button variant="secondary" isDisabled={closing.loading} onPress={() => void closeNeed()}>
            {t('needForm.close')}
          </Button>
        </section>
      )}
    </Page>
  );
}
