// Issuing, for an institution's admins: pick a credential the institution issues or adopted,
// award one learner (threshold and attempt refusals shown on their fields), award a CSV of
// learners (checked row by row in the browser, then sent as one batch and followed until done),
// and list the awards with their status, revoking one with a reason.
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../../ui/Button';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';
import { AwardStatus } from '../../graphql/generated/graphql';
import {
  AWARD,
  AWARD_BATCH,
  AWARD_BATCH_START,
  AWARDS,
  CREDENTIALS,
  REVOKE,
  type Award,
  type AwardBatch,
  type CredentialSummary,
} from './documents';
import { LEARNER_CSV_TEMPLATE, parseLearnerCsv, type ParsedLearners } from './learner-csv';
import { attemptOf, learnerProblems, scoreOf, type AwardRules, type LearnerProblem } from './award-rules';
import { ApiErrorNotice, FRESH, FileField, reasonDetails, useDate, useWorkingAs } from './trust-ui';

const publicPath = (awardId: string) => `/public/credentials/${awardId}`;

export function Component() {
  const { t } = useTranslation('trust');
  const { organization, kind, isAdmin, loading } = useWorkingAs();
  const [params, setParams] = useSearchParams();
  // Its own credentials, and those it adopted (found among the newest: the API filters by issuer only).
  const own = useQuery(CREDENTIALS, { variables: { issuerId: organization?.id }, skip: !organization });
  const { data } = useQuery(CREDENTIALS, { variables: {}, skip: !organization });
  const awardable = useMemo(() => {
    const adopted = (data?.credentials.edges.map((e) => e.node) ?? []).filter(
      (c) => organization && c.adoptions.some((a) => a.institution.id === organization.id),
    );
    const mine = own.data?.credentials.edges.map((e) => e.node) ?? [];
    return [...mine, ...adopted.filter((c) => !mine.some((m) => m.id === c.id))];
  }, [data, own.data, organization]);
  const credentialId = params.get('credential') ?? awardable[0]?.id ?? '';
  const credential = awardable.find((c) => c.id === credentialId);

  if (loading) return <Page title={t('issuing.title')}>{t('common:loading')}</Page>;
  if (!organization || kind !== 'INSTITUTION') {
    return (
      <Page title={t('issuing.title')}>
        <p>{t('issuing.institutionsOnly')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('issuing.title')}>
      <p>{t('issuing.intro', { organization: organization.name })}</p>
      {!isAdmin && <p className="notice notice-warning">{t('issuing.adminsOnly')}</p>}
      {data && awardable.length === 0 ? (
        <p>{t('issuing.nothingToAward')}</p>
      ) : (
        <div className="field">
          <label htmlFor="issuing-credential">{t('issuing.credential')}</label>
          <select
            id="issuing-credential"
            value={credentialId}
            onChange={(event) => setParams({ credential: event.target.value })}
          >
            {awardable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.issuer.id === organization.id
                  ? c.title
                  : t('issuing.adoptedTitle', { title: c.title, issuer: c.issuer.name })}
              </option>
            ))}
          </select>
        </div>
      )}
      {credential && (
        <>
          <AwardOne credential={credential} issuerId={organization.id} />
          <AwardBatchUpload credential={credential} issuerId={organization.id} />
          <AwardsList credential={credential} issuerId={organization.id} />
        </>
      )}
    </Page>
  );
}

/** A learner's problem in the form's words (the CSV batch says the same in its own: batch.problem.*). */
function problemMessage(
  t: TFunction,
  problem: LearnerProblem,
  values: { score: string },
  rules: AwardRules,
): string {
  if (problem === 'belowThreshold')
    return t('award.belowThreshold', { score: scoreOf(values.score), threshold: rules.masteryThreshold });
  if (problem === 'attemptsExceeded')
    return t('award.attemptsExceeded', { count: rules.attemptsAllowed ?? 0 });
  return t(`award.validation.${VALIDATION_KEY[problem]}`);
}
const VALIDATION_KEY: Record<Exclude<LearnerProblem, 'belowThreshold' | 'attemptsExceeded'>, string> = {
  nameMissing: 'name',
  emailInvalid: 'email',
  scoreInvalid: 'score',
  attemptInvalid: 'attempt',
  evidenceUrlInvalid: 'evidenceUrl',
};

function AwardOne({ credential, issuerId }: { credential: CredentialSummary; issuerId: string }) {
  const { t } = useTranslation('trust');
  const [award] = useMutation(AWARD, { refetchQueries: [AWARDS] });
  const [awarded, setAwarded] = useState<Award | null>(null);
  // The single-learner form and the CSV batch check a learner with the same rules (award-rules).
  const schema = useMemo(
    () =>
      z
        .object({
          name: z.string(),
          email: z.string(),
          score: z.string(),
          attempt: z.string(),
          evidenceUrl: z.string(),
          evidenceNarrative: z.string().max(2000),
        })
        .superRefine((values, context) => {
          for (const { field, problem } of learnerProblems(values, credential.assessment)) {
            context.addIssue({
              code: 'custom',
              path: [field],
              message: problemMessage(t, problem, values, credential.assessment),
            });
          }
        }),
    [t, credential.assessment],
  );
  type Values = z.infer<typeof schema>;
  const empty: Values = {
    name: '',
    email: '',
    score: '',
    attempt: '1',
    evidenceUrl: '',
    evidenceNarrative: '',
  };
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: empty });

  const onSubmit = form.handleSubmit(async (values) => {
    setAwarded(null);
    const evidence =
      values.evidenceUrl || values.evidenceNarrative
        ? [{ url: values.evidenceUrl.trim() || null, narrative: values.evidenceNarrative || null }]
        : undefined;
    try {
      const { data } = await award({
        variables: {
          input: {
            credentialId: credential.id,
            issuerId,
            recipient: { email: values.email.trim(), name: values.name.trim() },
            result: { score: scoreOf(values.score), attempt: attemptOf(values.attempt) },
            evidence,
          },
        },
      });
      if (data) setAwarded(data.awardCredential);
      form.reset(empty);
    } catch (error) {
      setServerErrors(
        error,
        form.setError,
        t,
        ['name', 'email', 'score', 'attempt', 'evidenceUrl', 'evidenceNarrative'],
        {
          'CREDENTIALS.BELOW_MASTERY_THRESHOLD': 'score',
          'CREDENTIALS.ATTEMPTS_EXCEEDED': 'attempt',
          'CREDENTIALS.ALREADY_AWARDED': 'email',
          url: 'evidenceUrl',
          narrative: 'evidenceNarrative',
        },
      );
      // In words, with the numbers the API gives.
      const below = reasonDetails(error, 'CREDENTIALS.BELOW_MASTERY_THRESHOLD');
      if (below)
        form.setError('score', {
          type: 'server',
          message: t('award.belowThreshold', { score: below['score'], threshold: below['masteryThreshold'] }),
        });
      const beyond = reasonDetails(error, 'CREDENTIALS.ATTEMPTS_EXCEEDED');
      if (beyond)
        form.setError('attempt', {
          type: 'server',
          message: t('award.attemptsExceeded', { count: Number(beyond['attemptsAllowed']) }),
        });
    }
  });

  return (
    <section aria-labelledby="award-one-title">
      <h2 id="award-one-title">{t('award.title')}</h2>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('award.submit')}
      >
        <TextField control={form.control} name="name" label={t('award.name')} autoComplete="off" />
        <TextField
          control={form.control}
          name="email"
          type="email"
          label={t('award.email')}
          description={t('award.emailHint')}
          autoComplete="off"
        />
        <TextField
          control={form.control}
          name="score"
          label={t('award.score')}
          description={t('award.scoreHint')}
        />
        <TextField control={form.control} name="attempt" label={t('award.attempt')} />
        <TextField
          control={form.control}
          name="evidenceUrl"
          type="url"
          label={t('award.evidenceUrl')}
          description={t('award.evidenceUrlHint')}
        />
        <TextField
          multiline
          control={form.control}
          name="evidenceNarrative"
          label={t('award.evidenceNarrative')}
        />
      </Form>
      {awarded && (
        <div role="status" className="notice notice-success">
          <p>{t('award.awarded', { name: awarded.recipientName })}</p>
          <p>
            <Link to={publicPath(awarded.id)}>{t('award.openPublicPage')}</Link>
          </p>
        </div>
      )}
    </section>
  );
}

function AwardBatchUpload({ credential, issuerId }: { credential: CredentialSummary; issuerId: string }) {
  const { t } = useTranslation('trust');
  const [parsed, setParsed] = useState<(ParsedLearners & { fileName: string }) | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [start, starting] = useMutation(AWARD_BATCH_START);
  const progress = useQuery(AWARD_BATCH, {
    variables: { id: batchId ?? '' },
    skip: !batchId,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
  });
  const batch: AwardBatch | null | undefined =
    progress.data?.awardBatch ?? starting.data?.awardCredentialBatch;
  const done = batch?.status === 'DONE';
  const { startPolling, stopPolling } = progress;
  useEffect(() => {
    if (!batchId) return;
    if (done) {
      stopPolling();
      return;
    }
    startPolling(1000);
    return () => stopPolling();
  }, [batchId, done, startPolling, stopPolling]);

  const onFile = async (file: File | undefined) => {
    setBatchId(null);
    if (!file) return setParsed(null);
    setParsed({ ...parseLearnerCsv(await file.text(), credential.assessment), fileName: file.name });
  };
  const send = async () => {
    if (!parsed?.learners.length) return;
    const learners = parsed.learners.map(({ recipient, result, evidence }) => ({
      recipient,
      result,
      ...(evidence ? { evidence: [...evidence] } : {}),
    }));
    const { data } = await start({
      variables: { input: { credentialId: credential.id, issuerId, learners } },
    }).catch(() => ({ data: undefined }));
    if (data) setBatchId(data.awardCredentialBatch.id);
  };
  const fileError = parsed?.fileProblem
    ? t(`batch.fileProblem.${parsed.fileProblem}`, { columns: parsed.missingColumns?.join(', ') ?? '' })
    : parsed && parsed.rowErrors.length
      ? t('batch.rowsInvalid', { count: parsed.rowErrors.length })
      : null;
  const rowOf = (position: number) => parsed?.learners[position]?.row;

  return (
    <section aria-labelledby="award-batch-title">
      <h2 id="award-batch-title">{t('batch.title')}</h2>
      <p>
        {t('batch.intro')}{' '}
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(LEARNER_CSV_TEMPLATE)}`}
          download="learners.csv"
        >
          {t('batch.template')}
        </a>
      </p>
      <FileField
        label={t('batch.file')}
        hint={t('batch.fileHint')}
        error={fileError}
        accept=".csv,text/csv"
        onFile={(file) => void onFile(file)}
      />
      {parsed && parsed.rowErrors.length > 0 && (
        <div role="alert" className="notice notice-error">
          <p>{t('batch.fixRows', { file: parsed.fileName })}</p>
          <ul className="row-errors" aria-label={t('batch.rowErrors')}>
            {parsed.rowErrors.map((error) => (
              <li key={error.row} data-testid="row-error">
                {t('batch.row', { row: error.row })}
                {t('batch.separator')}
                {error.problems.map((p) => t(`batch.problem.${p}`)).join(' ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {parsed && parsed.learners.length > 0 && !batchId && (
        <div className="toolbar">
          <p>{t('batch.ready', { count: parsed.learners.length, file: parsed.fileName })}</p>
          <Button onPress={() => void send()} isDisabled={starting.loading}>
            {t('batch.send', { count: parsed.learners.length })}
          </Button>
        </div>
      )}
      <ApiErrorNotice error={starting.error} />
      {batch && (
        <div className="batch-progress">
          <p role="status" data-testid="batch-progress">
            {done
              ? t('batch.done', { succeeded: batch.succeeded, failed: batch.failed, total: batch.total })
              : t('batch.running', { processed: batch.succeeded + batch.failed, total: batch.total })}
          </p>
          <progress
            max={batch.total}
            value={batch.succeeded + batch.failed}
            aria-label={t('batch.progressLabel')}
          />
          <table className="table">
            <caption className="visually-hidden">{t('batch.results')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('batch.rowColumn')}</th>
                <th scope="col">{t('batch.learner')}</th>
                <th scope="col">{t('batch.score')}</th>
                <th scope="col">{t('batch.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {batch.items.map((item) => (
                <tr key={item.position} data-testid="batch-item">
                  <td>{rowOf(item.position) ?? item.position + 2}</td>
                  <td>{item.recipientName}</td>
                  <td>{item.score}</td>
                  <td>
                    {item.status === 'AWARDED' && item.awardId ? (
                      <Link to={publicPath(item.awardId)}>{t('batch.status.AWARDED')}</Link>
                    ) : item.status === 'FAILED' ? (
                      <>
                        {t('batch.status.FAILED')}
                        {t('batch.separator')}
                        {item.errorCode
                          ? t(`errors:reason.${item.errorCode}`, { defaultValue: item.errorMessage ?? '' })
                          : item.errorMessage}
                      </>
                    ) : (
                      t('batch.status.PENDING')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AwardsList({ credential, issuerId }: { credential: CredentialSummary; issuerId: string }) {
  const { t } = useTranslation('trust');
  const date = useDate();
  const [status, setStatus] = useState<'' | AwardStatus>('');
  const { data, loading, error } = useQuery(AWARDS, {
    variables: { filter: { issuerId, credentialId: credential.id, ...(status ? { status } : {}) } },
    context: FRESH,
  });
  const awards = data?.awards.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="awards-title">
      <h2 id="awards-title">{t('awards.title', { title: credential.title })}</h2>
      <div className="field narrow">
        <label htmlFor="awards-status">{t('awards.statusFilter')}</label>
        <select
          id="awards-status"
          value={status}
          onChange={(event) => setStatus(event.target.value as typeof status)}
        >
          <option value="">{t('awards.all')}</option>
          {Object.values(AwardStatus).map((value) => (
            <option key={value} value={value}>
              {t(`awards.status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <ApiErrorNotice error={error} />
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : awards.length === 0 ? (
        <p>{t('awards.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('awards.title', { title: credential.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('awards.learner')}</th>
              <th scope="col">{t('awards.score')}</th>
              <th scope="col">{t('awards.awardedAt')}</th>
              <th scope="col">{t('awards.statusColumn')}</th>
              <th scope="col">{t('awards.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {awards.map((award) => (
              <tr key={award.id} data-testid="award-row">
                <td>
                  <Link to={publicPath(award.id)}>{award.recipientName}</Link>
                </td>
                <td>{award.score}</td>
                <td>{date(award.awardedAt)}</td>
                <td>
                  {award.status === 'REVOKED'
                    ? t('awards.revokedBecause', { reason: award.revokedReason ?? '' })
                    : t('awards.status.ACTIVE')}
                </td>
                <td>{award.status === 'ACTIVE' && <RevokeDialog award={award} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RevokeDialog({ award }: { award: Award }) {
  const { t } = useTranslation('trust');
  const [revoke] = useMutation(REVOKE, { refetchQueries: [AWARDS] });
  const schema = useMemo(
    () =>
      z.object({
        reason: z.string().trim().min(3, t('revoke.reasonRequired')).max(500, t('revoke.reasonTooLong')),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  return (
    <DialogTrigger onOpenChange={(open) => open && form.reset({ reason: '' })}>
      <Button variant="secondary">
        {t('revoke.open')}
        <span className="visually-hidden">: {award.recipientName}</span>
      </Button>
      <ModalOverlay className="dialog-overlay" isDismissable>
        <Modal>
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t('revoke.title', { name: award.recipientName })}</Heading>
                <p>{t('revoke.explain')}</p>
                <Form
                  onSubmit={form.handleSubmit(async ({ reason }) => {
                    try {
                      await revoke({ variables: { id: award.id, reason: reason.trim() } });
                      close();
                    } catch (error) {
                      setServerErrors(error, form.setError, t, ['reason'], {
                        'CREDENTIALS.INVALID_REVOCATION_REASON': 'reason',
                      });
                    }
                  })}
                  serverError={form.formState.errors.root?.['server']?.message}
                  submitting={form.formState.isSubmitting}
                  submitLabel={t('revoke.confirm')}
                >
                  <TextField
                    multiline
                    control={form.control}
                    name="reason"
                    label={t('revoke.reason')}
                    description={t('revoke.reasonHint')}
                  />
                </Form>
                <Button variant="secondary" onPress={close}>
                  {t('revoke.cancel')}
                </Button>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
