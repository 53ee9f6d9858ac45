// What a signed credential says, in words: issuer, dates, result, skills (with their framework),
// evidence and endorsements. Shared by the credential page and the verify page.
import { useTranslation } from 'react-i18next';
import { badgeSrc, type CredentialView } from './credential-document';

export function CredentialDetails({ view }: { view: CredentialView }) {
  const { t, i18n } = useTranslation('public');
  const date = (value: string | null) =>
    value ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(value)) : '—';
  const frameworkName = (uri: string) =>
    /esco/i.test(uri)
      ? 'ESCO'
      : /skills.?for.?success|sfs/i.test(uri)
        ? t('credential.skillsForSuccess')
        : uri;
  const badge = badgeSrc(view.image);
  return (
    <div className="credential-details">
      {badge && (
        <img
          className="badge-image"
          data-testid="badge-image"
          src={badge}
          alt={t('credential.badgeAlt', { name: view.name })}
          width={160}
          height={160}
        />
      )}
      <dl className="facts">
        <div>
          <dt>{t('credential.issuer')}</dt>
          <dd data-testid="credential-issuer">{view.issuerName || '—'}</dd>
        </div>
        <div>
          <dt>{t('credential.issued')}</dt>
          <dd>{date(view.validFrom)}</dd>
        </div>
        {view.validUntil && (
          <div>
            <dt>{t('credential.expires')}</dt>
            <dd>{date(view.validUntil)}</dd>
          </div>
        )}
        {view.score && (
          <div>
            <dt>{t('credential.result')}</dt>
            <dd>
              {view.requiredScore
                ? t('credential.scoreOf', { score: view.score, required: view.requiredScore })
                : view.score}
            </dd>
          </div>
        )}
      </dl>
      {view.description && <p>{view.description}</p>}
      <h2>{t('credential.skills')}</h2>
      {view.skills.length ? (
        <ul>
          {view.skills.map((skill) => (
            <li key={skill.url || skill.name}>
              {skill.url ? <a href={skill.url}>{skill.name || skill.url}</a> : skill.name}
              {skill.framework && <span className="meta"> ({frameworkName(skill.framework)})</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('credential.none')}</p>
      )}
      <h2>{t('credential.evidence')}</h2>
      {view.evidence.length ? (
        <ul>
          {view.evidence.map((evidence, index) => (
            <li key={index}>
              {evidence.narrative}
              {evidence.url && (
                <>
                  {evidence.narrative && ' '}
                  <a href={evidence.url}>{t('credential.evidenceLink')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('credential.none')}</p>
      )}
      <h2>{t('credential.endorsements')}</h2>
      {view.endorsements.length ? (
        <ul data-testid="credential-endorsements">
          {view.endorsements.map((endorsement, index) => (
            <li key={index}>
              <strong>{endorsement.endorser}</strong>
              {endorsement.comment && <p className="endorsement-comment">{endorsement.comment}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('credential.noEndorsements')}</p>
      )}
    </div>
  );
}
