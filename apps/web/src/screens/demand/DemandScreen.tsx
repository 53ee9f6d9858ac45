// The demand map: open needs and the learners they ask for against supply (institutions able to
// serve) and the gap (learners beyond their capacity), by region, sector, skill or skill group,
// as bars with the same numbers in a table beside them. Choosing a bar or a row lists the needs
// behind it.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql/generated';
import { useQuery } from '@apollo/client/react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { skillLabel } from '../../ui/SkillPicker';
import { errorText } from '../../graphql/errors';
import { DEMAND_MAP, type DemandCell } from '../../graphql/documents';
import {
  DemandGrouping,
  NeedStatus,
  type DemandFilter,
  type DemandGroupSkillsQuery,
} from '../../graphql/generated/graphql';
import { useCurrentOrganization } from '../../app/current-organization';
import { useRegions } from '../marketplace/shared/marketplace-documents';
import '../marketplace/shared/marketplace.css';

// skillNeeds cannot filter by skill group: for a group, its skills come from the group's
// narrower concepts (three levels reach the skills under a top group) and the needs are
// filtered here.
const GROUP_SKILLS = graphql(`
  query DemandGroupSkills($id: ID!) {
    skill(id: $id) {
      id
      narrower {
        id
        narrower {
          id
          narrower {
            id
          }
        }
      }
    }
  }
`);
type Descendant = { id: string; narrower?: Descendant[] };
type Narrower = NonNullable<DemandGroupSkillsQuery['skill']>['narrower'];
const NEEDS_BEHIND = graphql(`
  query DemandNeeds($filter: SkillNeedFilter) {
    skillNeeds(filter: $filter, first: 50) {
      edges {
        node {
          ...NeedSummaryFields
        }
      }
    }
  }
`);

const descendants = (nodes: Narrower | Descendant[] = []): string[] =>
  nodes.flatMap((n) => [n.id, ...descendants(n.narrower)]);
const startOfDay = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : undefined);
const endOfDay = (date: string) =>
  date ? new Date(new Date(`${date}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined;

function NeedsBehind({
  groupBy,
  cell,
  filter,
}: {
  groupBy: DemandGrouping;
  cell: DemandCell;
  filter: DemandFilter;
}) {
  const { t, i18n } = useTranslation('demand');
  const regions = useRegions();
  const heading = useRef<HTMLHeadingElement>(null);
  // Choosing a cell takes keyboard and screen-reader users to what it shows.
  useEffect(() => heading.current?.focus(), []);
  const byCell =
    // A region cell counts the needs posted for exactly its region (not those within it): list those.
    groupBy === 'REGION'
      ? { region: cell.key, exactRegion: true }
      : groupBy === 'SECTOR'
        ? { sector: cell.key }
        : groupBy === 'SKILL'
          ? { skillId: cell.key }
          : {};
  const variables = {
    filter: {
      status: NeedStatus.Open,
      region: filter.region,
      sector: filter.sector,
      umbrellaId: filter.umbrellaId,
      postedAfter: filter.from,
      postedBefore: filter.to,
      ...byCell,
    },
  };
  const { data, loading, error } = useQuery(NEEDS_BEHIND, { variables });
  const group = useQuery(GROUP_SKILLS, { variables: { id: cell.key }, skip: groupBy !== 'SKILL_GROUP' });
  const inGroup = new Set([cell.key, ...descendants(group.data?.skill?.narrower)]);
  const all = data?.skillNeeds.edges.map((e) => e.node) ?? [];
  const needs =
    groupBy === 'SKILL_GROUP' ? all.filter((n) => n.skills.some((s) => inGroup.has(s.skill.id))) : all;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section aria-labelledby="needs-behind" className="drill">
      <h2 id="needs-behind" tabIndex={-1} ref={heading}>
        {t('drill.title', { label: cell.label })}
      </h2>
      <FormError>{(error ?? group.error) && errorText(t, error ?? group.error)}</FormError>
      {(loading && !data) || group.loading ? (
        <p>{t('common:loading')}</p>
      ) : needs.length === 0 ? (
        <p>{t('drill.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('drill.title', { label: cell.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('drill.need')}</th>
              <th scope="col">{t('drill.employer')}</th>
              <th scope="col">{t('drill.region')}</th>
              <th scope="col">{t('drill.learners')}</th>
              <th scope="col">{t('drill.neededBy')}</th>
              <th scope="col">{t('drill.skills')}</th>
            </tr>
          </thead>
          <tbody>
            {needs.map((need) => (
              <tr key={need.id}>
                <th scope="row">{need.title}</th>
                <td>{need.organization.name}</td>
                <td>{regions.name(need.region)}</td>
                <td>{need.learnerCount}</td>
                <td>{need.neededBy ? date.format(new Date(`${need.neededBy}T12:00:00`)) : '—'}</td>
                <td>{need.skills.map((s) => skillLabel(s.skill, i18n.language)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Component() {
  const { t, i18n } = useTranslation('demand');
  const regions = useRegions();
  const { me } = useCurrentOrganization();
  const umbrellas = (me?.memberships ?? [])
    .filter((m) => m.organization.kind === 'UMBRELLA')
    .map((m) => m.organization);
  const [groupBy, setGroupBy] = useState<DemandGrouping>(DemandGrouping.Region);
  const [region, setRegion] = useState('');
  const [sector, setSector] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [umbrellaId, setUmbrellaId] = useState('');
  const [selected, setSelected] = useState<DemandCell | undefined>();
  const sectorValid = /^(\d{2,6})?$/.test(sector.trim());
  const filter: DemandFilter = {
    region: region || undefined,
    sector: sectorValid ? sector.trim() || undefined : undefined,
    from: startOfDay(from),
    to: endOfDay(to),
    umbrellaId: umbrellaId || undefined,
  };
  const { data, loading, error } = useQuery(DEMAND_MAP, { variables: { groupBy, filter, first: 30 } });
  // Cells carry their code (`key`): a region's name and a sector's in the reader's language; skills
  // and groups in ESCO's French label when the reader reads French and ESCO has one.
  const cells = (data?.demandMap ?? []).map((cell) => ({
    ...cell,
    label:
      groupBy === DemandGrouping.Region && regions.name(cell.key) !== cell.key
        ? regions.name(cell.key)
        : groupBy === DemandGrouping.Sector && /^NAICS \d+$/.test(cell.label)
          ? t('sectorLabel', { code: cell.key })
          : skillLabel(cell, i18n.language),
  }));
  const ids = {
    groupBy: useId(),
    region: useId(),
    sector: useId(),
    from: useId(),
    to: useId(),
    umbrella: useId(),
  };
  const change = (set: (value: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value);
    setSelected(undefined);
  };
  const number = (n: number) => n.toLocaleString();

  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      <form className="filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.groupBy}>{t('groupBy')}</label>
          <select id={ids.groupBy} value={groupBy} onChange={change((v) => setGroupBy(v as DemandGrouping))}>
            {Object.values(DemandGrouping).map((g) => (
              <option key={g} value={g}>
                {t(`groupings.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.region}>{t('region')}</label>
          <select id={ids.region} value={region} onChange={change(setRegion)}>
            <option value="">{t('allRegions')}</option>
            {regions.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.sector}>{t('sector')}</label>
          <input
            id={ids.sector}
            type="text"
            inputMode="numeric"
            value={sector}
            onChange={change(setSector)}
            aria-invalid={sectorValid ? undefined : true}
            aria-describedby={`${ids.sector}-hint`}
            className="input-number"
          />
          <span id={`${ids.sector}-hint`} className={sectorValid ? 'description' : 'field-error'}>
            {sectorValid ? t('sectorHint') : t('sectorInvalid')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('from')}</label>
          <input id={ids.from} type="date" value={from} onChange={change(setFrom)} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('to')}</label>
          <input id={ids.to} type="date" value={to} onChange={change(setTo)} />
        </div>
        {umbrellas.length > 0 && (
          <div className="field">
            <label htmlFor={ids.umbrella}>{t('umbrella')}</label>
            <select id={ids.umbrella} value={umbrellaId} onChange={change(setUmbrellaId)}>
              <option value="">{t('allMembers')}</option>
              {umbrellas.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <FormError>{error && errorText(t, error)}</FormError>
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : cells.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="demand-layout">
          <figure className="demand-chart">
            <figcaption>{t('chartCaption', { grouping: t(`groupings.${groupBy}`) })}</figcaption>
            <div aria-hidden="true">
              <ResponsiveContainer width="100%" height={Math.max(240, cells.length * 44)}>
                <BarChart
                  data={cells}
                  layout="vertical"
                  margin={{ left: 8, right: 16 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Legend />
                  <Bar
                    dataKey="learners"
                    name={t('columns.learners')}
                    fill="#1d4ed8"
                    cursor="pointer"
                    onClick={(_, index) => setSelected(cells[index])}
                  />
                  <Bar
                    dataKey="gap"
                    name={t('columns.gap')}
                    fill="#b42318"
                    cursor="pointer"
                    onClick={(_, index) => setSelected(cells[index])}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
          <table className="table demand-table">
            <caption>{t('tableCaption', { grouping: t(`groupings.${groupBy}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`groupings.${groupBy}`)}</th>
                <th scope="col">{t('columns.needs')}</th>
                <th scope="col">{t('columns.learners')}</th>
                <th scope="col">{t('columns.supply')}</th>
                <th scope="col">{t('columns.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((cell) => (
                <tr key={cell.key} aria-current={selected?.key === cell.key ? true : undefined}>
                  <th scope="row">
                    <Button
                      variant="link"
                      onPress={() => setSelected(cell)}
                      aria-label={t('drill.open', { label: cell.label })}
                    >
                      {cell.label}
                    </Button>
                  </th>
                  <td>{number(cell.needs)}</td>
                  <td>{number(cell.learners)}</td>
                  <td>{number(cell.supply)}</td>
                  <td className={cell.gap > 0 ? 'gap' : undefined}>{number(cell.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <NeedsBehind key={`${groupBy}-${selected.key}`} groupBy={groupBy} cell={selected} filter={filter} />
      )}
    </Page>
  );
}
