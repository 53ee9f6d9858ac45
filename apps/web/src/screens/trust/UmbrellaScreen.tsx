// An umbrella's view: its members and the requests to join (UmbrellaMembers), their demand in aggregate (a simple table with bars; the full
// demand map is its own screen), the credentials it sponsors with their adoptions and
// contributions, and the other published credentials it could sponsor.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { CREDENTIALS } from './documents';
import { UmbrellaMembers } from './UmbrellaMembers';
import { DEMAND_MAP } from '../../graphql/documents';
import { Contributions } from './Contributions';
import { ApiErrorNotice, useWorkingAs } from './trust-ui';
import { DemandGrouping } from '../../graphql/generated/graphql';

// Members' demand by skill, region or sector (skill groups are on the demand map).
const GROUPINGS = [DemandGrouping.Skill, DemandGrouping.Region, DemandGrouping.Sector];

export function Component() {
  const { t } = useTranslation('trust');
  const { organization, kind, isAdmin, loading } = useWorkingAs();
  if (loading) return <Page title={t('umbrella.title')}>{t('common:loading')}</Page>;
  if (!organization || kind !== 'UMBRELLA') {
    return (
      <Page title={t('umbrella.title')}>
        <p>{t('umbrella.umbrellasOnly')}</p>
        <p>
          <Link to="/catalogue">{t('umbrella.browse')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('umbrella.titleFor', { organization: organization.name })}>
      <UmbrellaMembers umbrellaId={organization.id} umbrella={organization.name} isAdmin={isAdmin} />
      <Demand umbrellaId={organization.id} />
      <Sponsored umbrellaId={organization.id} />
    </Page>
  );
}

function Demand({ umbrellaId }: { umbrellaId: string }) {
  const { t } = useTranslation('trust');
  const [groupBy, setGroupBy] = useState<DemandGrouping>(DemandGrouping.Skill);
  const { data, loading, error } = useQuery(DEMAND_MAP, {
    variables: { groupBy, filter: { umbrellaId }, first: 20 },
  });
  const cells = data?.demandMap ?? [];
  const most = Math.max(1, ...cells.map((c) => c.learners));
  return (
    <section aria-labelledby="demand-title">
      <h2 id="demand-title">{t('umbrella.demand')}</h2>
      <div className="field narrow">
        <label htmlFor="demand-group">{t('umbrella.groupBy')}</label>
        <select
          id="demand-group"
          value={groupBy}
          onChange={(event) => setGroupBy(event.target.value as typeof groupBy)}
        >
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`umbrella.grouping.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <ApiErrorNotice error={error} />
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : cells.length === 0 ? (
        <p>{t('umbrella.noDemand')}</p>
      ) : (
        <table className="table" data-testid="umbrella-demand">
          <caption className="visually-hidden">{t('umbrella.demand')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`umbrella.grouping.${groupBy}`)}</th>
              <th scope="col">{t('umbrella.needs')}</th>
              <th scope="col">{t('umbrella.learners')}</th>
              <th scope="col">{t('umbrella.supply')}</th>
              <th scope="col">{t('umbrella.gap')}</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr key={cell.key}>
                <th scope="row">{cell.label}</th>
                <td>{cell.needs}</td>
                <td>
                  <span
                    className="bar"
                    style={{ width: `${(cell.learners / most) * 8}rem` }}
                    aria-hidden="true"
                  />
                  {cell.learners}
                </td>
                <td>{cell.supply}</td>
                <td>{cell.gap}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Sponsored({ umbrellaId }: { umbrellaId: string }) {
  const { t } = useTranslation('trust');
  const { data, loading } = useQuery(CREDENTIALS, { variables: {} });
  const all = data?.credentials.edges.map((e) => e.node) ?? [];
  const sponsored = all.filter((c) => c.sponsorships.some((s) => s.umbrella.id === umbrellaId));
  const others = all.filter((c) => !c.sponsorships.some((s) => s.umbrella.id === umbrellaId));
  return (
    <>
      <section aria-labelledby="sponsored-title">
        <h2 id="sponsored-title">{t('umbrella.sponsored')}</h2>
        {loading && !data ? (
          <p>{t('common:loading')}</p>
        ) : sponsored.length === 0 ? (
          <p>{t('umbrella.noSponsored')}</p>
        ) : (
          sponsored.map((c) => (
            <article key={c.id} className="card" aria-labelledby={`sponsored-${c.id}`}>
              <h3 id={`sponsored-${c.id}`}>
                <Link to={`/catalogue/${c.id}`}>{c.title}</Link>
              </h3>
              <p>{t('umbrella.issuedBy', { issuer: c.issuer.name })}</p>
              <p data-testid="adoptions">
                {c.adoptions.length
                  ? t('umbrella.adoptedBy', { names: c.adoptions.map((a) => a.institution.name).join(', ') })
                  : t('umbrella.notAdopted')}
              </p>
              {/* Sponsored by this umbrella: a sponsor may read them. */}
              <Contributions credentialId={c.id} visible headingLevel={3} />
            </article>
          ))
        )}
      </section>
      <section aria-labelledby="sponsorable-title">
        <h2 id="sponsorable-title">{t('umbrella.sponsorable')}</h2>
        {others.length === 0 ? (
          <p>{t('umbrella.noSponsorable')}</p>
        ) : (
          <ul>
            {others.map((c) => (
              <li key={c.id}>
                <Link to={`/catalogue/${c.id}`}>{c.title}</Link>{' '}
                <span className="meta">({c.issuer.name})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
