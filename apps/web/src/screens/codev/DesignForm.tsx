// The design form: every element of the six-element framework and the assessment plan, with
// comments next to the field they are about. Saves a new version with expectedVersion; a stale
// save (CONFLICT) shows what changed and offers to reload.
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { Form } from '../../ui/Form';
import { SkillSearch } from '../../ui/SkillPicker';
import { SelectField, TextField } from '../../ui/fields';
import { hasCode, setServerErrors } from '../../graphql/errors';
import { changedFields, type FieldChange } from '../../graphql/conflict';
import { COMPLIANCE, DESIGN, FRAMEWORKS, SKILL, UPDATE_DESIGN, type DesignDetail } from './documents';
import { AssessmentMethod, CareerStage, DeliveryMode, OutcomeKind } from '../../graphql/generated/graphql';
import { toInput, toValues, parseNumber, type DesignValues } from './design-values';
import { CheckboxesField, YesNoField } from './fields';
import { SkillName } from './SkillName';
import { FieldThreads } from './Comments';
import { basicsSchema, fieldLabel, showValue } from './format';

/** The assessment plan's fields: flat in the form, under `assessment.` in the design. */
const ASSESSMENT_NAMES = [
  'methods',
  'masteryThreshold',
  'attemptsAllowed',
  'authentic',
  'evidenceVisibleToEmployers',
  'evidenceRequirements',
] as const satisfies ReadonlyArray<keyof DesignValues>;
const FIELD_NAMES = [
  'title',
  'description',
  'frameworkId',
  'competencies',
  'outcomes',
  ...ASSESSMENT_NAMES,
  'hours',
  'weeks',
  'deliveryMode',
  'credit',
  'transcriptable',
  'stackableInto',
  'careerStage',
  'price',
  'language',
  'level',
  'qualityAssurance',
  'evidenceOfNeed',
  'annualReview',
] as const satisfies ReadonlyArray<keyof DesignValues>;

/** Where a form field lives in the design (the path comments and diffs use). */
const PATHS: Record<string, string> = Object.fromEntries(
  FIELD_NAMES.map((name) => [
    name,
    (ASSESSMENT_NAMES as readonly string[]).includes(name) ? `assessment.${name}` : name,
  ]),
);

interface SimpleField {
  readonly name: Exclude<keyof DesignValues, 'competencies' | 'outcomes' | 'methods'>;
  readonly kind: 'text' | 'lines' | 'yesNo' | 'choice';
  /** For 'choice': the values and the i18n group naming them. */
  readonly choices?: readonly [readonly string[], string];
  /** An i18n key for the field's description. */
  readonly hint?: string;
}
const BASIC_FIELDS: readonly SimpleField[] = [
  { name: 'title', kind: 'text' },
  { name: 'description', kind: 'lines' },
];
const ASSESSMENT_FIELDS: readonly SimpleField[] = [
  { name: 'masteryThreshold', kind: 'text', hint: 'form.thresholdHint' },
  { name: 'attemptsAllowed', kind: 'text' },
  { name: 'authentic', kind: 'yesNo' },
  { name: 'evidenceVisibleToEmployers', kind: 'yesNo' },
  { name: 'evidenceRequirements', kind: 'lines' },
];
const SIZE_FIELDS: readonly SimpleField[] = [
  { name: 'hours', kind: 'text' },
  { name: 'weeks', kind: 'text' },
];
const DELIVERY_FIELDS: readonly SimpleField[] = [
  { name: 'deliveryMode', kind: 'choice', choices: [Object.values(DeliveryMode), 'deliveryModes'] },
  { name: 'careerStage', kind: 'choice', choices: [Object.values(CareerStage), 'careerStages'] },
  { name: 'price', kind: 'text' },
];
const RECOGNITION_FIELDS: readonly SimpleField[] = [
  { name: 'credit', kind: 'yesNo' },
  { name: 'transcriptable', kind: 'yesNo' },
  { name: 'stackableInto', kind: 'lines', hint: 'form.stackableHint' },
  { name: 'level', kind: 'text', hint: 'form.levelHint' },
  { name: 'qualityAssurance', kind: 'lines' },
  { name: 'evidenceOfNeed', kind: 'lines' },
  { name: 'annualReview', kind: 'yesNo' },
];

/** One element of the form with its comment threads beside it; `locked` when the viewer cannot edit. */
function DesignField({ path, locked, children }: { path: string; locked: boolean; children: ReactNode }) {
  return (
    <div className="design-field">
      <fieldset className="locked" disabled={locked}>
        {children}
      </fieldset>
      <FieldThreads path={path} />
    </div>
  );
}

export function DesignForm({ design, canEdit }: { design: DesignDetail; canEdit: boolean }) {
  const { t } = useTranslation('codev');
  const client = useApolloClient();
  const frameworks = useQuery(FRAMEWORKS);
  const [update] = useMutation(UPDATE_DESIGN, { refetchQueries: [COMPLIANCE], awaitRefetchQueries: true });
  const locked = !canEdit || design.stage === 'PUBLISHED' || design.stage === 'RETIRED';
  // The copy the form started from: its version is the expectedVersion of the next save.
  const base = useRef(design);
  const [conflict, setConflict] = useState<{ changes: FieldChange[]; latest: DesignDetail } | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const number = (min: number, max: number, message: string, integer = false) =>
    z.string().refine((value) => {
      const n = parseNumber(value);
      return n === null || (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n)));
    }, message);
  const schema = useMemo(
    () =>
      z.object({
        ...basicsSchema(t),
        competencies: z.array(z.string()).max(100),
        outcomes: z
          .array(
            z.object({
              statement: z
                .string()
                .trim()
                .min(1, t('validation.statement'))
                .max(1000, t('validation.tooLong', { max: 1000 })),
              kind: z.enum(OutcomeKind, t('validation.kind')),
              skillIds: z.array(z.string()).min(1, t('validation.outcomeSkills')),
            }),
          )
          .max(100),
        methods: z.array(z.enum(AssessmentMethod)),
        masteryThreshold: number(0, 100, t('validation.threshold')),
        attemptsAllowed: number(1, 100, t('validation.attempts'), true),
        authentic: z.enum(['', 'yes', 'no']),
        evidenceVisibleToEmployers: z.enum(['', 'yes', 'no']),
        evidenceRequirements: z.string().max(5000, t('validation.tooLong', { max: 5000 })),
        hours: number(0.5, 10_000, t('validation.hours')),
        weeks: number(0.5, 520, t('validation.weeks')),
        deliveryMode: z.enum(['', ...Object.values(DeliveryMode)]),
        credit: z.enum(['', 'yes', 'no']),
        transcriptable: z.enum(['', 'yes', 'no']),
        stackableInto: z.string().refine((value) => {
          const lines = value.split('\n').filter((line) => line.trim());
          return lines.length <= 20 && lines.every((line) => line.trim().length <= 200);
        }, t('validation.stackable')),
        careerStage: z.enum(['', ...Object.values(CareerStage)]),
        price: number(0, 1_000_000, t('validation.price')),
        language: z.enum(['en', 'fr']),
        level: z.string().max(2000, t('validation.tooLong', { max: 2000 })),
        qualityAssurance: z.string().max(2000, t('validation.tooLong', { max: 2000 })),
        evidenceOfNeed: z.string().max(2000, t('validation.tooLong', { max: 2000 })),
        annualReview: z.enum(['', 'yes', 'no']),
      }) satisfies z.ZodType<DesignValues>,
    [t],
  );
  const form = useForm<DesignValues>({ resolver: zodResolver(schema), defaultValues: toValues(design) });
  const { isDirty } = form.formState;
  const outcomes = useFieldArray({ control: form.control, name: 'outcomes' });
  const competencies = useWatch({ control: form.control, name: 'competencies' });

  // Someone else's newer version arrives (a refetch after a comment, say): take it while the
  // form holds no edits of the user's; with edits, the next save answers CONFLICT instead.
  useEffect(() => {
    if (design.version !== base.current.version && !isDirty) {
      base.current = design;
      form.reset(toValues(design));
    }
  }, [design, isDirty, form]);

  const labels = Object.fromEntries(FIELD_NAMES.map((name) => [name, fieldLabel(t, PATHS[name] ?? name)]));

  // Built on each submit (not during render): it reads `base`, which only handlers may.
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.handleSubmit(async (values) => {
      setSaved(null);
      try {
        const { data } = await update({
          variables: { id: design.id, expectedVersion: base.current.version, input: toInput(values) },
        });
        if (!data) return;
        base.current = data.updateCredentialDesign;
        form.reset(toValues(data.updateCredentialDesign));
        setConflict(null);
        setSaved(data.updateCredentialDesign.version);
      } catch (error) {
        if (hasCode(error, 'CONFLICT')) {
          const { data } = await client.query({
            query: DESIGN,
            variables: { id: design.id },
            fetchPolicy: 'network-only',
          });
          const latest = data?.credentialDesign;
          if (latest) {
            const before = toValues(base.current);
            const after = toValues(latest);
            setConflict({
              changes: changedFields({ ...before }, { ...after }, FIELD_NAMES).map((c) => ({
                field: c.field,
                before: showValue(t, c.before),
                after: showValue(t, c.after),
              })),
              latest,
            });
            return;
          }
        }
        setServerErrors(error, form.setError, t, FIELD_NAMES);
      }
    })(event);

  const removeCompetency = (skillId: string) => {
    form.setValue(
      'competencies',
      competencies.filter((id) => id !== skillId),
      { shouldDirty: true },
    );
    // An outcome may only name the design's competencies: drop the removed one from each.
    form.getValues('outcomes').forEach((outcome, index) => {
      if (outcome.skillIds.includes(skillId)) {
        form.setValue(
          `outcomes.${index}.skillIds`,
          outcome.skillIds.filter((id) => id !== skillId),
          { shouldDirty: true },
        );
      }
    });
  };
  const { errors } = form.formState;
  const choose = (list: readonly string[], key: string) =>
    list.map((value) => ({ value, label: t(`${key}.${value}`) }));
  /** A field that is one input: text, several lines, yes / no / not stated, or one of a list. */
  const simpleField = ({ name, kind, choices, hint }: SimpleField) => {
    const props = { control: form.control, name, label: labels[name]!, description: hint && t(hint) };
    return (
      <DesignField key={name} path={PATHS[name] ?? name} locked={locked}>
        {kind === 'text' && <TextField {...props} />}
        {kind === 'lines' && <TextField {...props} multiline />}
        {kind === 'yesNo' && <YesNoField {...props} />}
        {kind === 'choice' && choices && (
          <SelectField {...props} placeholder={t('notStated')} options={choose(choices[0], choices[1])} />
        )}
      </DesignField>
    );
  };

  return (
    <Form
      onSubmit={onSubmit}
      serverError={errors.root?.['server']?.message}
      submitting={form.formState.isSubmitting || locked}
      submitLabel={t('form.save')}
    >
      {locked && (
        <p className="notice notice-warning">
          {canEdit
            ? t('form.frozen', { stage: t(`stages.${design.stage}`) })
            : t('form.readOnly', { issuer: design.issuer.name })}
        </p>
      )}
      {conflict && (
        <ConflictNotice
          changes={conflict.changes}
          labels={labels}
          onReload={() => {
            base.current = conflict.latest;
            form.reset(toValues(conflict.latest));
            setConflict(null);
          }}
        />
      )}
      {saved !== null && (
        <p role="status" className="notice notice-success">
          {t('form.saved', { version: saved })}
        </p>
      )}

      <fieldset className="design-section">
        <legend>{t('sections.basics')}</legend>
        {BASIC_FIELDS.map(simpleField)}
        <DesignField path="frameworkId" locked={locked}>
          <SelectField
            control={form.control}
            name="frameworkId"
            label={labels['frameworkId']!}
            options={(frameworks.data?.frameworks ?? [design.framework]).map((f) => ({
              value: f.id,
              label: `${f.name} (${f.version})`,
            }))}
          />
        </DesignField>
        <DesignField path="language" locked={locked}>
          <SelectField
            control={form.control}
            name="language"
            label={labels['language']!}
            options={choose(['en', 'fr'], 'languages')}
          />
        </DesignField>
      </fieldset>

      <fieldset className="design-section">
        <legend>{t('sections.competencies')}</legend>
        <DesignField path="competencies" locked={locked}>
          <p className="description">{t('form.competenciesHint')}</p>
          {competencies.length === 0 ? (
            <p>{t('form.noCompetencies')}</p>
          ) : (
            <ul className="chips" aria-label={labels['competencies']}>
              {competencies.map((id) => (
                <li key={id}>
                  <span>
                    <SkillName id={id} />
                  </span>
                  <Button variant="link" onPress={() => removeCompetency(id)}>
                    {t('form.remove')}
                    <span className="visually-hidden">
                      {' '}
                      <SkillName id={id} />
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <SkillSearch
            label={t('form.addCompetency')}
            description={t('skills.hint')}
            frameworkFilter={false}
            exclude={competencies}
            isDisabled={locked}
            onPick={(skill) => {
              // The picked skill is known: name its chip without asking the API again.
              client.writeQuery({ query: SKILL, variables: { id: skill.id }, data: { skill } });
              form.setValue('competencies', [...competencies, skill.id], { shouldDirty: true });
            }}
          />
          {errors.competencies?.message && <p className="field-error">{errors.competencies.message}</p>}
        </DesignField>
      </fieldset>

      <fieldset className="design-section">
        <legend>{t('sections.outcomes')}</legend>
        {outcomes.fields.length === 0 && <p>{t('form.noOutcomes')}</p>}
        {outcomes.fields.map((item, index) => (
          <DesignField key={item.id} path={`outcomes.${index}`} locked={locked}>
            <fieldset className="design-section">
              <legend>{t('fieldItems.outcomes', { n: index + 1 })}</legend>
              <TextField
                control={form.control}
                name={`outcomes.${index}.statement`}
                label={t('form.outcomeStatement', { n: index + 1 })}
              />
              <SelectField
                control={form.control}
                name={`outcomes.${index}.kind`}
                label={t('form.outcomeKind', { n: index + 1 })}
                options={choose(Object.values(OutcomeKind), 'outcomeKinds')}
              />
              <OutcomeSkills control={form.control} index={index} competencies={competencies} />
              <Button variant="secondary" onPress={() => outcomes.remove(index)}>
                {t('form.removeOutcome', { n: index + 1 })}
              </Button>
            </fieldset>
          </DesignField>
        ))}
        {errors.outcomes?.message && <p className="field-error">{errors.outcomes.message}</p>}
        <FieldThreads path="outcomes" exact />
        <fieldset className="locked" disabled={locked}>
          <Button
            variant="secondary"
            onPress={() => outcomes.append({ statement: '', kind: 'SKILL', skillIds: [] })}
          >
            {t('form.addOutcome')}
          </Button>
        </fieldset>
      </fieldset>

      <fieldset className="design-section">
        <legend>{t('sections.assessment')}</legend>
        <DesignField path="assessment.methods" locked={locked}>
          <CheckboxesField
            control={form.control}
            name="methods"
            label={labels['methods']!}
            options={choose(Object.values(AssessmentMethod), 'methods')}
          />
        </DesignField>
        {ASSESSMENT_FIELDS.map(simpleField)}
      </fieldset>

      <fieldset className="design-section">
        <legend>{t('sections.delivery')}</legend>
        <div className="row">{SIZE_FIELDS.map(simpleField)}</div>
        {DELIVERY_FIELDS.map(simpleField)}
      </fieldset>

      <fieldset className="design-section">
        <legend>{t('sections.recognition')}</legend>
        {RECOGNITION_FIELDS.map(simpleField)}
      </fieldset>
    </Form>
  );
}

/** Which of the design's competencies an outcome shows. */
function OutcomeSkills({
  control,
  index,
  competencies,
}: {
  control: Control<DesignValues>;
  index: number;
  competencies: string[];
}) {
  const { t } = useTranslation('codev');
  const options = competencies.map((id) => ({ value: id, label: id }));
  if (competencies.length === 0) return <p className="description">{t('form.outcomeNeedsCompetencies')}</p>;
  return (
    <CheckboxesField
      control={control}
      name={`outcomes.${index}.skillIds`}
      label={t('form.outcomeSkills', { n: index + 1 })}
      options={options}
      render={(id) => <SkillName id={id} />}
    />
  );
}
