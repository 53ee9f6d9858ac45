// The public catalogue, no account needed: words in English or French, facets with counts as
// checkbox groups (each "any of"), an order, and "load more" with the search's cursor. Each result
// opens the credential's public page.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import type { CatalogueFilter, CatalogueSort } from '../../graphql/generated/graphql';
import { ApiErrorNotice } from '../trust/trust-ui';
import { useRegions } from '../marketplace/shared/marketplace-documents';
import { CATALOGUE_SEARCH, type CatalogueFacet, type CatalogueHit } from './documents';
import { useEntryFacts } from './catalogue-ui';

/** The facets offered as filters, in the order shown; each maps to one filter field. */
const FACETS = [
  { name: 'REGION', field: 'regions' },
  { name: 'HOURS_BAND', field: 'hoursBands' },
  { name: 'DELIVERY_MODE', field: 'deliveryModes' },
  { name: 'LANGUAGE', field: 'languages' },
  { name: 'PRICE_BAND', field: 'priceBands' },
  { name: 'CREDIT', field: 'credit' },
  { name: 'TRANSCRIPTABLE', field: 'transcriptable' },
  { name: 'ISSUER_SIZE', field: 'issuerSizes' },
  { name: 'ENDORSER_SECTOR', field: 'endorserSectors' },
  { name: 'SPONSOR', field: 'sponsorIds' },
] as const;
type FacetName = (typeof FACETS)[number]['name'];
type Chosen = Partial<Record<FacetName, string[]>>;

/** The chosen values as the API's filter; a yes/no facet filters only when exactly one is chosen. */
function toFilter(chosen: Chosen): CatalogueFilter {
  const filter: Record<string, unknown> = {};
  for (const { name, field } of FACETS) {
    const values = chosen[name] ?? [];
    if (values.length === 0) continue;
    if (field === 'credit' || field === 'transcriptable') {
      if (values.length === 1) filter[field] = values[0] === 'true';
    } else filter[field] = values;
  }
  return filter as CatalogueFilter;
}

function FacetGroup({
  facet,
  values,
  chosen,
  label,
  onToggle,
}: {
  facet: FacetName;
  values: CatalogueFacet['values'];
  chosen: readonly string[];
  label: (value: string) => string;
  onToggle: (value: string, on: boolean) => void;
}) {
  const { t } = useTranslation('catalogue');
  // Chosen values stay listed (with no credentials left) so they can be unticked.
  const shown = [
    ...values,
    ...chosen.filter((value) => !values.some((v) => v.value === value)).map((value) => ({ value, count: 0 })),
  ];
  if (shown.length === 0) return null;
  return (
    <fieldset className="fieldset facet" data-testid={`facet-${facet}`}>
      <legend>{t(`facets.${facet}`)}</legend>
      {shown.map(({ value, count }) => (
        <label key={value} className="facet-option">
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(event) => onToggle(value, event.target.checked)}
          />
          <span>
            {label(value)} <span className="meta">({count})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function Result({ hit }: { hit: CatalogueHit }) {
  const facts = useEntryFacts(hit);
  return (
    <li className="card catalogue-result" data-testid="catalogue-result">
      <h2>
        <Link to={`/public/catalogue/${hit.credential.id}`}>{hit.credential.title}</Link>
      </h2>
      <p className="meta">{facts.join(' · ')}</p>
      {hit.description && <p>{hit.description}</p>}
    </li>
  );
}

export function Component() {
  const { t } = useTranslation('catalogue');
  const client = useApolloClient();
  const regions = useRegions();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen>({});
  // Skills come from a link (a skill need's "credentials that already teach this"): ?skill=…&skill=…
  const [params, setParams] = useSearchParams();
  const skillIds = params
    .getAll('skill')
    .filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    .slice(0, 50);
  const [sort, setSort] = useState<CatalogueSort | ''>('');
  const [more, setMore] = useState<{
    hits: CatalogueHit[];
    endCursor: string | null;
    hasNextPage: boolean;
  } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const variables = {
    query,
    filter: { ...toFilter(chosen), ...(skillIds.length > 0 ? { skillIds } : {}) },
    sort: sort || null,
  };
  const { data, loading, error } = useQuery(CATALOGUE_SEARCH, { variables });
  const result = data?.searchCredentials;
  const hits = [...(result?.edges.map((e) => e.node) ?? []), ...(more?.hits ?? [])];
  const pageInfo = more ?? result?.pageInfo;

  const restart = () => {
    setMore(null);
    setMoreError(null);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    restart();
    const words = text.trim() || null;
    setQuery(words);
    if (!words && sort === 'RELEVANCE') setSort('');
  };
  const toggle = (facet: FacetName, value: string, on: boolean) => {
    restart();
    setChosen((current) => {
      const values = current[facet] ?? [];
      return { ...current, [facet]: on ? [...values, value] : values.filter((v) => v !== value) };
    });
  };
  const loadMore = async () => {
    if (!pageInfo?.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await client.query({
        query: CATALOGUE_SEARCH,
        variables: { ...variables, sort: result?.sort ?? null, after: pageInfo.endCursor },
        fetchPolicy: 'network-only',
      });
      const page = next.data?.searchCredentials;
      if (page)
        setMore({
          hits: [...(more?.hits ?? []), ...page.edges.map((e) => e.node)],
          endCursor: page.pageInfo.endCursor ?? null,
          hasNextPage: page.pageInfo.hasNextPage,
        });
    } catch (failure) {
      setMoreError(failure);
    } finally {
      setLoadingMore(false);
    }
  };

  const labelOf = (facet: FacetName) => (value: string) => {
    if (facet === 'REGION') return regions.name(value);
    if (facet === 'CREDIT' || facet === 'TRANSCRIPTABLE') return t(`yesNo.${value}`);
    if (facet === 'ENDORSER_SECTOR') return t('sector', { code: value });
    // Umbrellas by the name the catalogue recorded when they sponsored (their id is not for people).
    if (facet === 'SPONSOR')
      return result?.facetOrganizationNames.find((o) => o.id === value)?.name ?? t('unnamedSponsor');
    return t(`values.${facet}.${value}`, { defaultValue: value });
  };
  const facetValues = (name: FacetName) => result?.facets.find((f) => f.name === name)?.values ?? [];

  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      <form role="search" className="catalogue-search" onSubmit={search} aria-label={t('searchLabel')}>
        <div className="field">
          <label htmlFor="catalogue-words">{t('words')}</label>
          <input
            id="catalogue-words"
            type="search"
            value={text}
            maxLength={200}
            aria-describedby="catalogue-words-hint"
            onChange={(event) => setText(event.target.value)}
          />
          <span id="catalogue-words-hint" className="description">
            {t('wordsHint')}
          </span>
        </div>
        <Button type="submit" variant="primary">
          {t('search')}
        </Button>
      </form>
      <div className="catalogue-layout">
        <div className="catalogue-filters" role="group" aria-label={t('filters')}>
          <div className="field">
            <label htmlFor="catalogue-sort">{t('sort')}</label>
            <select
              id="catalogue-sort"
              value={sort}
              onChange={(event) => {
                restart();
                setSort(event.target.value as CatalogueSort | '');
              }}
            >
              <option value="">{t(query ? 'sorts.RELEVANCE' : 'sorts.NEWEST')}</option>
              {query && <option value="NEWEST">{t('sorts.NEWEST')}</option>}
              <option value="MOST_ENDORSED">{t('sorts.MOST_ENDORSED')}</option>
            </select>
          </div>
          {skillIds.length > 0 && (
            <fieldset className="fieldset facet" data-testid="facet-SKILLS">
              <legend>{t('teaching.skillFilter', { count: skillIds.length })}</legend>
              <Button
                variant="link"
                onPress={() => {
                  restart();
                  setParams({});
                }}
              >
                {t('teaching.clearSkills')}
              </Button>
            </fieldset>
          )}
          {FACETS.map(({ name }) => (
            <FacetGroup
              key={name}
              facet={name}
              values={facetValues(name)}
              chosen={chosen[name] ?? []}
              label={labelOf(name)}
              onToggle={(value, on) => toggle(name, value, on)}
            />
          ))}
        </div>
        <div className="catalogue-results">
          <ApiErrorNotice error={error ?? moreError} />
          <p role="status" data-testid="catalogue-count">
            {result ? t('found', { count: result.totalCount ?? 0 }) : loading ? t('common:loading') : ''}
          </p>
          {hits.length > 0 && (
            <ul className="catalogue-list">
              {hits.map((hit) => (
                <Result key={hit.credential.id} hit={hit} />
              ))}
            </ul>
          )}
          {pageInfo?.hasNextPage && (
            <Button variant="secondary" onPress={() => void loadMore()} isDisabled={loadingMore}>
              {t('loadMore')}
            </Button>
          )}
        </div>
      </div>
    </Page>
  );
}
