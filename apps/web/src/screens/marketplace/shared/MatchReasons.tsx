// A ranked match explained: its score, and each weighted reason as a labelled bar (the bar is
// decoration; the number and the sentence say it), plus the form that proposes a partnership.
import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import { TextArea, TextField as AriaTextField, Label } from 'react-aria-components';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { errorText } from '../../../graphql/errors';
import { PROPOSE, type MatchReason, type Partnership } from './marketplace-documents';
import { Respond, Withdraw } from './PartnershipActions';
import { matchReasonText } from './reason-text';

/** The largest weight one reason can carry (skill overlap's), so bars compare across reasons. */
const MAX_WEIGHT = 0.45;

function Score({ score }: { score: number }) {
  const { t, i18n } = useTranslation('marketplace');
  return (
    <span className="score">
      {t('matches.score', {
        score: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(score * 100),
      })}
    </span>
  );
}

function MatchReasons({ reasons, label }: { reasons: MatchReason[]; label: string }) {
  const { t, i18n } = useTranslation('marketplace');
  const weight = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, signDisplay: 'always' });
  return (
    <ul className="reasons" aria-label={label}>
      {reasons.map((reason) => (
        <li key={reason.kind} className="reason">
          <span className="reason-kind">{t(`reasons.${reason.kind}`)}</span>
          <span className="reason-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, Math.max(2, (reason.weight / MAX_WEIGHT) * 100))}%` }} />
          </span>
          <span className="reason-weight">
            {t('matches.weight', { weight: weight.format(reason.weight * 100) })}
          </span>
          <span className="reason-detail">{matchReasonText(t, reason, i18n.language)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * One ranked match, as a list item: rank, name, the small-institution tag, score, what
 * `children` says about it, its reasons, and either the open or accepted partnership between the
 * two (`already`, seen from `organizationId`: who proposed, and the answer or withdrawal that is
 * the viewer's to give) or the form to propose.
 */
export function RankedMatch({
  id,
  rank,
  title,
  heading: Heading,
  small,
  score,
  reasons,
  reasonsLabel,
  already,
  organizationId,
  proposal,
  children,
}: {
  id: string;
  rank: number;
  title: string;
  heading: 'h2' | 'h3';
  small?: boolean;
  score: number;
  reasons: MatchReason[];
  reasonsLabel: string;
  already?: Partnership;
  /** The organization the viewer works as (one side of `already`). */
  organizationId: string;
  proposal: { needId: string; institutionId: string; partnerName: string; onProposed: () => void };
  children: ReactNode;
}) {
  const { t } = useTranslation('marketplace');
  // After proposing, the form is gone: focus moves to the sentence that replaced it.
  const [proposed, setProposed] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (proposed && already) status.current?.focus();
  }, [proposed, already]);
  return (
    <li className="card" aria-labelledby={`ranked-${id}`}>
      <div className="card-heading">
        <Heading id={`ranked-${id}`}>
          <span className="rank">{t('matches.rank', { rank })}</span> {title}
        </Heading>
        {small && <span className="tag tag-small">{t('matches.small')}</span>}
        <Score score={score} />
      </div>
      {children}
      <MatchReasons reasons={reasons} label={reasonsLabel} />
      {already ? (
        <Already partnership={already} organizationId={organizationId} statusRef={status} />
      ) : (
        <ProposeForm
          {...proposal}
          onProposed={() => {
            setProposed(true);
            proposal.onProposed();
          }}
        />
      )}
    </li>
  );
}

/** The partnership between the two: accepted, or proposed by us (withdraw) or to us (accept or decline, right here). */
function Already({
  partnership: p,
  organizationId,
  statusRef,
}: {
  partnership: Partnership;
  organizationId: string;
  statusRef: Ref<HTMLParagraphElement>;
}) {
  const { t } = useTranslation('marketplace');
  const counterpart = p.employer.id === organizationId ? p.institution.name : p.employer.name;
  const ours = p.proposedBy.id === organizationId;
  const key = p.state === 'ACCEPTED' ? 'ACCEPTED' : ours ? 'PROPOSED_BY_US' : 'PROPOSED_TO_US';
  return (
    <>
      <p
        role="status"
        className={`notice ${key === 'PROPOSED_TO_US' ? 'notice-warning' : 'notice-success'}`}
        tabIndex={-1}
        ref={statusRef}
        id={`partnership-${p.id}`}
      >
        {t(`matches.already.${key}`, { name: counterpart })}
      </p>
      {p.message && !ours && (
        <blockquote className="message">
          <p>{p.message}</p>
        </blockquote>
      )}
      {p.state === 'PROPOSED' &&
        (ours ? (
          <Withdraw partnership={p} counterpart={counterpart} />
        ) : (
          <Respond partnership={p} counterpart={counterpart} />
        ))}
    </>
  );
}

/** "Propose a partnership" with an optional message; `onProposed` after the server accepted it. */
function ProposeForm({
  needId,
  institutionId,
  partnerName,
  onProposed,
}: {
  needId: string;
  institutionId: string;
  partnerName: string;
  onProposed: () => void;
}) {
  const { t } = useTranslation('marketplace');
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [propose, { loading, error }] = useMutation(PROPOSE);
  const formId = useId();
  if (!open)
    return (
      <Button
        variant="secondary"
        onPress={() => setOpen(true)}
        aria-label={t('propose.openFor', { name: partnerName })}
      >
        {t('propose.open')}
      </Button>
    );
  const send = async () => {
    try {
      await propose({
        variables: { input: { needId, institutionId, message: message.trim() || undefined } },
      });
      setOpen(false);
      onProposed();
    } catch {
      // shown below from `error`
    }
  };
  return (
    <form
      id={formId}
      className="propose-form"
      aria-label={t('propose.formFor', { name: partnerName })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <AriaTextField className="field" value={message} onChange={setMessage}>
        <Label>{t('propose.message')}</Label>
        <TextArea rows={3} />
      </AriaTextField>
      <FormError>{error && errorText(t, error)}</FormError>
      <div className="toolbar">
        <Button type="submit" isDisabled={loading}>
          {t('propose.send')}
        </Button>
        <Button variant="secondary" onPress={() => setOpen(false)}>
          {t('propose.cancel')}
        </Button>
      </div>
    </form>
  );
}
