// Where the design stands: its stage and whom it waits on (always shown), each party's
// sign-off, and only the actions the current organization can take now — submit for review
// (with a due date), request changes, approve, publish, add a partner.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { useConfirm } from '../../ui/Confirm';
import type { Membership } from '../../app/current-organization';
import {
  ADD_PARTNER,
  APPROVE,
  COMPLIANCE,
  DESIGN,
  DESIGNS,
  ORGANIZATION_DIRECTORY,
  PUBLISH,
  REQUEST_CHANGES,
  SUBMIT,
  type DesignDetail,
} from './documents';
import { duration, names } from './format';
import { TextAction } from './fields';
import { ErrorNotice } from './ErrorNotice';

const refetch = { refetchQueries: [DESIGN, COMPLIANCE, DESIGNS], awaitRefetchQueries: true };

export function WorkflowPanel({ design, membership }: { design: DesignDetail; membership: Membership }) {
  const { t, i18n } = useTranslation('codev');
  const org = membership.organization;
  const admin = membership.role !== 'MEMBER';
  const isIssuer = design.issuer.id === org.id;
  const isParty = isIssuer || design.partners.some((p) => p.id === org.id);
  const [submit, submitting] = useMutation(SUBMIT, refetch);
  const [approve, approving] = useMutation(APPROVE, refetch);
  const [publish, publishing] = useMutation(PUBLISH, refetch);
  const [done, setDone] = useState('');
  const { confirm, dialog } = useConfirm();
  const compliance = useQuery(COMPLIANCE, { variables: { id: design.id, frameworkId: design.framework.id } });
  const compliant = compliance.data?.credentialDesign?.compliance.passed ?? false;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const error = submitting.error ?? approving.error ?? publishing.error;
  const busy = submitting.loading || approving.loading || publishing.loading;
  const approvedBy = new Set(
    design.approvals.filter((a) => a.version === design.version).map((a) => a.organization.id),
  );
  const parties = [design.issuer, ...design.partners];

  const canSubmit = isIssuer && admin && (design.stage === 'DRAFT' || design.stage === 'CHANGES_REQUESTED');
  const canRequestChanges = isParty && admin && design.stage === 'IN_REVIEW';
  const canApprove =
    admin && design.stage === 'IN_REVIEW' && design.pendingApprovals.some((p) => p.id === org.id);
  const canPublish = isIssuer && admin && design.stage === 'APPROVED';
  const act = (run: () => Promise<unknown>, message: string) => {
    setDone('');
    void run()
      .then(() => setDone(message))
      .catch(() => undefined);
  };

  return (
    <section className="panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t('workflow.title')}</h2>
      <p data-testid="design-stage">
        {t('workflow.stage')} <span className="stage">{t(`stages.${design.stage}`)}</span>
      </p>
      <p data-testid="waiting-on">
        {design.waitingOn.length > 0
          ? t('workflow.waitingOn', { names: names(design.waitingOn) })
          : t('workflow.waitingOnNobody')}
      </p>
      {design.reviewDueAt && (design.stage === 'IN_REVIEW' || design.stage === 'CHANGES_REQUESTED') && (
        <p className={design.reviewOverdue ? 'status-fail' : undefined}>
          {t(design.reviewOverdue ? 'workflow.overdue' : 'workflow.due', {
            date: dateFormat.format(new Date(design.reviewDueAt)),
          })}
        </p>
      )}
      <h3>{t('workflow.signOff', { version: design.version })}</h3>
      <ul aria-label={t('workflow.signOff', { version: design.version })}>
        {parties.map((p) => (
          <li key={p.id}>
            {p.name}: {approvedBy.has(p.id) ? t('workflow.approved') : t('workflow.notYet')}
          </li>
        ))}
      </ul>
      {design.timeInStages.length > 0 && (
        <p className="description">
          {t('workflow.timeInStages')}{' '}
          {design.timeInStages.map((s) => `${t(`stages.${s.stage}`)} ${duration(t, s.totalMs)}`).join(' · ')}
        </p>
      )}
      {done && (
        <p role="status" className="notice notice-success">
          {done}
        </p>
      )}
      <ErrorNotice error={error} />
      {dialog}
      <div className="workflow-actions">
        {canSubmit && (
          <SubmitForReview
            busy={busy}
            onSubmit={(reviewDueAt) =>
              act(() => submit({ variables: { id: design.id, reviewDueAt } }), t('workflow.submitted'))
            }
          />
        )}
        {canApprove && (
          <Button
            isDisabled={busy}
            onPress={() =>
              act(
                () => approve({ variables: { id: design.id, organizationId: org.id } }),
                t('workflow.approvedNow', { organization: org.name }),
              )
            }
          >
            {t('workflow.approve', { organization: org.name })}
          </Button>
        )}
        {canRequestChanges && (
          <RequestChanges
            designId={design.id}
            organizationId={org.id}
            onDone={() => setDone(t('workflow.changesRequested'))}
          />
        )}
        {canPublish && (
          <>
            {!compliant && <p className="status-fail">{t('workflow.notCompliant')}</p>}
            <Button
              isDisabled={busy || !compliant}
              onPress={() =>
                void confirm({
                  title: t('workflow.confirmPublish.title', { title: design.title }),
                  body: <p>{t('workflow.confirmPublish.body', { version: design.version })}</p>,
                  confirmLabel: t('workflow.confirmPublish.confirm'),
                }).then(
                  (yes) =>
                    yes &&
                    act(() => publish({ variables: { designId: design.id } }), t('workflow.published')),
                )
              }
            >
              {t('workflow.publish')}
            </Button>
          </>
        )}
        {design.stage === 'PUBLISHED' && (
          <>
            <p className="status-pass">{t('workflow.isPublished')}</p>
            {design.credential && (
              // The published design leads to its credential, and its issuer's admins straight to issuing it.
              <p className="toolbar">
                <Link to={`/catalogue/${design.credential.id}`}>{t('workflow.openCredential')}</Link>
                {isIssuer && admin && (
                  <Link className="button button-primary" to={`/issuing?credential=${design.credential.id}`}>
                    {t('workflow.issueNow')}
                  </Link>
                )}
              </p>
            )}
          </>
        )}
        {!isParty && <p>{t('workflow.notAParty')}</p>}
      </div>
      {isIssuer && admin && design.stage !== 'PUBLISHED' && design.stage !== 'RETIRED' && (
        <AddPartner design={design} />
      )}
    </section>
  );
}

function SubmitForReview({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (reviewDueAt: string | null) => void;
}) {
  const { t } = useTranslation('codev');
  const id = useId();
  const [due, setDue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="field">
      <label htmlFor={id}>{t('workflow.dueDate')}</label>
      <input
        id={id}
        type="date"
        min={today}
        value={due}
        onChange={(event) => setDue(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
      />
      <span id={`${id}-hint`} className="description">
        {t('workflow.dueHint')}
      </span>
      {invalid && (
        <span id={`${id}-error`} className="field-error">
          {t('validation.dueDate')}
        </span>
      )}
      <Button
        isDisabled={busy}
        onPress={() => {
          // End of the chosen day, local time; blank leaves the API's two-week default.
          const reviewDueAt = due ? new Date(`${due}T23:59:59`) : null;
          if (reviewDueAt && (Number.isNaN(reviewDueAt.getTime()) || reviewDueAt.getTime() <= Date.now())) {
            setInvalid(true);
            return;
          }
          setInvalid(false);
          onSubmit(reviewDueAt ? reviewDueAt.toISOString() : null);
        }}
      >
        {t('workflow.submit')}
      </Button>
    </div>
  );
}

function RequestChanges({
  designId,
  organizationId,
  onDone,
}: {
  designId: string;
  organizationId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('codev');
  const [request, requesting] = useMutation(REQUEST_CHANGES, refetch);
  return (
    <div className="field">
      <TextAction
        label={t('workflow.changesComment')}
        action={t('workflow.requestChanges')}
        blankMessage={t('validation.changesComment')}
        busy={requesting.loading}
        variant="secondary"
        onSend={(comment) => request({ variables: { id: designId, comment, organizationId } }).then(onDone)}
      />
      <ErrorNotice error={requesting.error} />
    </div>
  );
}

function AddPartner({ design }: { design: DesignDetail }) {
  const { t } = useTranslation('codev');
  const id = useId();
  const [search, setSearch] = useState('');
  const found = useQuery(ORGANIZATION_DIRECTORY, {
    variables: { search: search.trim() },
    skip: search.trim().length < 2,
  });
  const [add, adding] = useMutation(ADD_PARTNER, refetch);
  const taken = new Set([design.issuer.id, ...design.partners.map((p) => p.id)]);
  const options = (found.data?.organizations.edges.map((e) => e.node) ?? []).filter(
    (o) => !taken.has(o.id) && o.kind !== 'OPERATOR',
  );
  return (
    <>
      <h3>{t('partners.title')}</h3>
      <div className="field">
        <label htmlFor={id}>{t('partners.search')}</label>
        <input id={id} type="text" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      {search.trim().length >= 2 && !found.loading && options.length === 0 && <p>{t('partners.none')}</p>}
      {options.length > 0 && (
        <ul className="link-list" aria-label={t('partners.results')}>
          {options.map((o) => (
            <li key={o.id}>
              {o.name} ({t(`orgKinds.${o.kind}`, { defaultValue: o.kind })}){' '}
              <Button
                variant="link"
                isDisabled={adding.loading}
                onPress={() =>
                  void add({ variables: { designId: design.id, organizationId: o.id } })
                    .then(() => setSearch(''))
                    .catch(() => undefined)
                }
              >
                {t('partners.add', { name: o.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNotice error={adding.error} />
    </>
  );
}
