// "Credentials that already teach this": on a skill need's page, the published credentials that
// teach any of its skills, so the need can be met by adopting what exists before designing anew.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { ApiErrorNotice } from '../trust/trust-ui';
import { CREDENTIALS_TEACHING, type CatalogueHit } from './documents';
import { useEntryFacts } from './catalogue-ui';

function Teaching({ hit }: { hit: CatalogueHit }) {
  const facts = useEntryFacts(hit);
  return (
    <li>
      <Link to={`/public/catalogue/${hit.credential.id}`}>{hit.credential.title}</Link>
      <div className="meta">{facts.join(' · ')}</div>
    </li>
  );
}

export function TeachingCredentials({ skillIds }: { skillIds: readonly string[] }) {
  const { t } = useTranslation('catalogue');
  const { data, error } = useQuery(CREDENTIALS_TEACHING, {
    variables: { skillIds: [...skillIds] },
    skip: skillIds.length === 0,
  });
  const result = data?.searchCredentials;
  const hits = result?.edges.map((e) => e.node) ?? [];
  const search = new URLSearchParams(skillIds.map((id) => ['skill', id]));
  return (
    <section aria-labelledby="teaching-title" data-testid="teaching-credentials">
      <h2 id="teaching-title">{t('teaching.title')}</h2>
      <p>{t('teaching.intro')}</p>
      <ApiErrorNotice error={error} />
      {result &&
        (hits.length === 0 ? (
          <p>{t('teaching.none')}</p>
        ) : (
          <>
            <ul className="link-list">
              {hits.map((hit) => (
                <Teaching key={hit.credential.id} hit={hit} />
              ))}
            </ul>
            <p>
              <Link to={`/public/catalogue?${search.toString()}`}>
                {t('teaching.all', { count: result.totalCount ?? hits.length })}
              </Link>
            </p>
          </>
        ))}
    </section>
  );
}
