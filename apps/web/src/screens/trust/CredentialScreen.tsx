// One published credential for signed-in people: its endorsements by sector (both claims and the
// comment), sponsorships and adoptions, its contributions when the viewer may see them, and what
// the current organization can do: an employer or umbrella endorses (or withdraws), an umbrella
// sponsors, a member institution of a sponsoring umbrella adopts.
import { useMemo, useState } from 'react';
import { useForm, useController, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Checkbox } from 'react-aria-components';
import { Button } from '../../ui/Button';
import { useConfirm } from '../../ui/Confirm';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';
import {
  ADOPT,
  CONTRIBUTIONS,
  CREDENTIAL,
  CREDENTIALS,
  ENDORSE,
  ORGANIZATION_UMBRELLAS,
  SPONSOR,
  WITHDRAW_ENDORSEMENT,
  type CredentialDetail,
  type Endorsement,
} from './documents';
import { Contributions } from './Contributions';
import { ApiErrorNotice, FRESH, useDate, useWorkingAs } from './trust-ui';

export function Component() {
  const { t } = useTranslation('trust');
  const { id = '' } = useParams();
  const date = useDate();
  const { data, loading, error } = useQuery(CREDENTIAL, { variables: { id }, context: FRESH });
  const credential = data?.credential;
  if (loading && !data) return <Page title={t('credential.title')}>{t('common:loading')}</Page>;
  if (!credential) {
    return (
      <Page title={t('credential.notFound')}>
        <ApiErrorNotice error={error} />
        <Link to="/catalogue">{t('credential.back')}</Link>
      </Page>
    );
  }
  return (
    <Page title={credential.title} actions={<Link to="/catalogue">{t('credential.back')}</Link>}>
      <dl className="facts">
        <div>
          <dt>{t('credential.issuer')}</dt>
          <dd>{credential.issuer.name}</dd>
        </div>
        <div>
          <dt>{t('credential.published')}</dt>
          <dd>{date(credential.publishedAt)}</dd>
        </div>
        <div>
          <dt>{t('credential.framework')}</dt>
          <dd>
            {credential.framework.name} {credential.framework.version}
          </dd>
        </div>
      </dl>
      <Actions credential={credential} />
      <h2>{t('credential.endorsements')}</h2>
      {credential.endorsementsBySector.length === 0 ? (
        <p>{t('credential.noEndorsements')}</p>
      ) : (
        credential.endorsementsBySector.map((group) => (
          <section key={group.sector ?? 'none'} aria-labelledby={`sector-${group.sector ?? 'none'}`}>
            <h3 id={`sector-${group.sector ?? 'none'}`}>
              {group.sector
                ? t('credential.sector', { name: group.name, code: group.sector })
                : t('credential.noSector')}
            </h3>
            <ul className="endorsements">
              {group.endorsements.map((e) => (
                <EndorsementItem key={e.id} endorsement={e} />
              ))}
            </ul>
          </section>
        ))
      )}
      {credential.endorsements.some((e) => e.withdrawnAt) && (
        <>
          <h3>{t('credential.withdrawn')}</h3>
          <ul className="endorsements">
            {credential.endorsements
              .filter((e) => e.withdrawnAt)
              .map((e) => (
                <li key={e.id}>
                  {t('credential.withdrawnOn', { name: e.organization.name, date: date(e.withdrawnAt) })}
                </li>
              ))}
          </ul>
        </>
      )}
      <h2>{t('credential.sharing')}</h2>
      <p>
        {credential.sponsorships.length
          ? t('credential.sponsoredBy', {
              names: credential.sponsorships.map((s) => s.umbrella.name).join(', '),
            })
          : t('credential.notShared')}
      </p>
      {credential.adoptions.length > 0 && (
        <ul aria-label={t('credential.adoptions')}>
          {credential.adoptions.map((a) => (
            <li key={a.id}>
              {t('credential.adoptedBy', { institution: a.institution.name, umbrella: a.umbrella.name })}
            </li>
          ))}
        </ul>
      )}
      <Contributions credentialId={credential.id} visible={credential.contributionsVisible} />
    </Page>
  );
}

function EndorsementItem({ endorsement }: { endorsement: Endorsement }) {
  const { t } = useTranslation('trust');
  const date = useDate();
  return (
    <li data-testid="endorsement">
      <strong>{endorsement.organization.name}</strong>{' '}
      <span className="meta">({date(endorsement.createdAt)})</span>
      <ul className="claims">
        {endorsement.inDemand && <li>{t('endorse.inDemand')}</li>}
        {endorsement.assessmentReflectsJobPerformance && <li>{t('endorse.reflectsJob')}</li>}
      </ul>
      {endorsement.comment && <p className="endorsement-comment">{endorsement.comment}</p>}
    </li>
  );
}

function Actions({ credential }: { credential: CredentialDetail }) {
  const { t } = useTranslation('trust');
  const { organization, kind } = useWorkingAs();
  const umbrellas = useQuery(ORGANIZATION_UMBRELLAS, {
    variables: { id: organization?.id ?? '' },
    skip: kind !== 'INSTITUTION' || !organization,
  });
  const refetchQueries = [CREDENTIAL, CREDENTIALS, CONTRIBUTIONS];
  const [sponsor, sponsoring] = useMutation(SPONSOR, { refetchQueries, awaitRefetchQueries: true });
  const [adopt, adopting] = useMutation(ADOPT, { refetchQueries, awaitRefetchQueries: true });
  const [done, setDone] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  if (!organization) return null;

  const mine = credential.endorsements.find((e) => e.organization.id === organization.id && !e.withdrawnAt);
  const endorsedBefore = credential.endorsements.some((e) => e.organization.id === organization.id);
  const canEndorse = kind === 'EMPLOYER' || kind === 'UMBRELLA';
  const sponsored = credential.sponsorships.some((s) => s.umbrella.id === organization.id);
  const memberOf = new Set(umbrellas.data?.organization?.umbrellas.map((u) => u.id) ?? []);
  const adoptable =
    kind === 'INSTITUTION' &&
    credential.issuer.id !== organization.id &&
    credential.sponsorships.some((s) => memberOf.has(s.umbrella.id));
  const adopted = credential.adoptions.some((a) => a.institution.id === organization.id);
  const failure = sponsoring.error ?? adopting.error;
  const run = (mutation: Promise<unknown>, doneMessage: string) =>
    void mutation.then(
      () => setDone(doneMessage),
      () => undefined, // shown from the mutation's error
    );

  return (
    <section aria-labelledby="actions-title" className="actions">
      <h2 id="actions-title">{t('credential.actionsAs', { organization: organization.name })}</h2>
      {dialog}
      {canEndorse &&
        (mine ? (
          <Withdraw endorsementId={mine.id} />
        ) : endorsedBefore ? (
          <p>{t('endorse.alreadyWithdrawn')}</p>
        ) : (
          <EndorseForm credentialId={credential.id} organizationId={organization.id} />
        ))}
      {kind === 'UMBRELLA' &&
        (sponsored ? (
          <p>{t('sponsor.already', { organization: organization.name })}</p>
        ) : (
          <Button
            variant="secondary"
            isDisabled={sponsoring.loading}
            onPress={() =>
              void confirm({
                title: t('sponsor.confirm.title', { title: credential.title }),
                body: <p>{t('sponsor.confirm.body', { organization: organization.name })}</p>,
                confirmLabel: t('sponsor.confirm.action'),
              }).then(
                (yes) =>
                  yes &&
                  run(
                    sponsor({ variables: { credentialId: credential.id, umbrellaId: organization.id } }),
                    t('sponsor.done'),
                  ),
              )
            }
          >
            {t('sponsor.submit')}
          </Button>
        ))}
      {kind === 'INSTITUTION' &&
        (adopted ? (
          <p>
            {t('adopt.already')} <Link to={`/issuing?credential=${credential.id}`}>{t('adopt.issueIt')}</Link>
          </p>
        ) : adoptable ? (
          <Button
            variant="secondary"
            isDisabled={adopting.loading}
            onPress={() =>
              run(
                adopt({ variables: { credentialId: credential.id, institutionId: organization.id } }),
                t('adopt.done'),
              )
            }
          >
            {t('adopt.submit')}
          </Button>
        ) : credential.issuer.id === organization.id ? (
          <p>
            <Link to={`/issuing?credential=${credential.id}`}>{t('adopt.issueIt')}</Link>
          </p>
        ) : (
          <p>{t('adopt.notAvailable')}</p>
        ))}
      {kind !== 'INSTITUTION' && !canEndorse && <p>{t('credential.noActions')}</p>}
      {done && (
        <p role="status" className="notice notice-success">
          {done}
        </p>
      )}
      <ApiErrorNotice error={failure} />
    </section>
  );
}

function ClaimCheckbox({
  control,
  name,
  label,
}: {
  control: Control<{ inDemand: boolean; reflectsJob: boolean; comment: string }>;
  name: 'inDemand' | 'reflectsJob';
  label: string;
}) {
  const {
    field: { value, onChange },
    fieldState,
  } = useController({ control, name });
  return (
    <div className="field">
      <Checkbox
        isSelected={value}
        onChange={onChange}
        className="checkbox"
        isInvalid={fieldState.invalid}
        aria-describedby={fieldState.error ? `${name}-error` : undefined}
      >
        <span className="checkbox-box" aria-hidden="true" />
        {label}
      </Checkbox>
      {fieldState.error && (
        <span id={`${name}-error`} className="field-error">
          {fieldState.error.message}
        </span>
      )}
    </div>
  );
}

function EndorseForm({ credentialId, organizationId }: { credentialId: string; organizationId: string }) {
  const { t } = useTranslation('trust');
  const [endorse] = useMutation(ENDORSE, {
    refetchQueries: [CREDENTIAL, CREDENTIALS, CONTRIBUTIONS],
    awaitRefetchQueries: true,
  });
  const schema = useMemo(
    () =>
      z.object({
        inDemand: z.boolean().refine((v) => v, t('endorse.claimRequired')),
        reflectsJob: z.boolean().refine((v) => v, t('endorse.claimRequired')),
        comment: z.string().max(2000, t('endorse.commentTooLong')),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { inDemand: false, reflectsJob: false, comment: '' },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await endorse({
        variables: {
          credentialId,
          organizationId,
          input: {
            inDemand: values.inDemand,
            assessmentReflectsJobPerformance: values.reflectsJob,
            comment: values.comment.trim() || null,
          },
        },
      });
    } catch (error) {
      setServerErrors(error, form.setError, t, ['inDemand', 'reflectsJob', 'comment'], {
        claims: 'inDemand',
      });
    }
  });
  return (
    <fieldset className="fieldset">
      <legend>{t('endorse.title')}</legend>
      <p>{t('endorse.intro')}</p>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('endorse.submit')}
      >
        <ClaimCheckbox control={form.control} name="inDemand" label={t('endorse.inDemand')} />
        <ClaimCheckbox control={form.control} name="reflectsJob" label={t('endorse.reflectsJob')} />
        <TextField
          multiline
          control={form.control}
          name="comment"
          label={t('endorse.comment')}
          description={t('endorse.commentHint')}
        />
      </Form>
    </fieldset>
  );
}

function Withdraw({ endorsementId }: { endorsementId: string }) {
  const { t } = useTranslation('trust');
  const [withdraw, { loading, error }] = useMutation(WITHDRAW_ENDORSEMENT, {
    variables: { id: endorsementId },
    refetchQueries: [CREDENTIAL, CREDENTIALS, CONTRIBUTIONS],
    awaitRefetchQueries: true,
  });
  return (
    <div>
      <p>{t('endorse.endorsed')}</p>
      <Button variant="secondary" isDisabled={loading} onPress={() => void withdraw().catch(() => undefined)}>
        {t('endorse.withdraw')}
      </Button>
      <ApiErrorNotice error={error} />
    </div>
  );
}
