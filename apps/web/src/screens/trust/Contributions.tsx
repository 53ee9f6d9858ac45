// Who designed, reviewed, endorsed, sponsored, adopted and issued a credential, with counts.
// Visible to its parties, sponsors and adopters; for anyone else the section stays out, and is not
// even asked for (`visible`: the server's contributionsVisible, or known from the screen), so the
// page never draws a FORBIDDEN for the umbrella or an institution that did not adopt it.
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import { CONTRIBUTIONS } from './documents';
import { FRESH } from './trust-ui';

export function Contributions({
  credentialId,
  visible,
  headingLevel = 2,
}: {
  credentialId: string;
  visible: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation('trust');
  const { data } = useQuery(CONTRIBUTIONS, {
    variables: { id: credentialId },
    skip: !visible,
    errorPolicy: 'none',
    context: FRESH,
  });
  const contributions = data?.credential?.contributions;
  if (!contributions) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const rows: Array<{ key: string; label: string; entries: string[] }> = [
    {
      key: 'designers',
      label: t('contributions.designers'),
      entries: contributions.designers.map((d) =>
        t('contributions.designer', { name: d.organization.name, count: d.versionsAuthored }),
      ),
    },
    {
      key: 'reviewers',
      label: t('contributions.reviewers'),
      entries: contributions.reviewers.map((r) =>
        t('contributions.reviewer', { name: r.organization.name, count: r.approvals }),
      ),
    },
    {
      key: 'endorsers',
      label: t('contributions.endorsers'),
      entries: contributions.endorsers.map((e) =>
        e.withdrawn
          ? t('contributions.endorserWithdrawn', { name: e.organization.name })
          : e.organization.name,
      ),
    },
    {
      key: 'sponsors',
      label: t('contributions.sponsors'),
      entries: contributions.sponsors.map((s) => s.organization.name),
    },
    {
      key: 'adopters',
      label: t('contributions.adopters'),
      entries: contributions.adopters.map((a) =>
        t('contributions.adopter', { name: a.organization.name, umbrella: a.umbrella.name }),
      ),
    },
    {
      key: 'issuers',
      label: t('contributions.issuers'),
      entries: contributions.issuers.map((i) =>
        t('contributions.issuer', { name: i.organization.name, active: i.active, revoked: i.revoked }),
      ),
    },
  ];
  return (
    <section aria-labelledby={`contributions-${credentialId}`}>
      <Heading id={`contributions-${credentialId}`}>{t('contributions.title')}</Heading>
      <dl className="contributions" data-testid="contributions">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>{row.entries.length ? row.entries.join('; ') : '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
