// /insights — what the exchange has learned, for the organization the user works as (operators:
// everything; umbrellas: their members; institutions and employers: their own). Each table has a
// bar chart (decorative; the table beside it carries the same figures), a CSV download, and
// suppressed cells shown as suppressed — never as 0. Operators also see the framework survey.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { InsightsGroupBy } from '../../graphql/generated/graphql';
import { ApiErrorNotice, useWorkingAs } from '../trust/trust-ui';
import { FRAMEWORK_ELEMENT_INSIGHTS, INSIGHTS, type InsightsTableData } from './documents';
import './evidence.css';

const TABLES = [
  'credentials',
  'assessmentMix',
  'stageTimes',
  'partnerships',
  'awards',
  'feedback',
  'outcomes',
  'equityReach',
] as const;
const YEARS = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i);

function useNumber() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (value: number) => format.format(value);
}

function Cell({ value, suppressed }: { value: number | null | undefined; suppressed: boolean }) {
  const { t } = useTranslation('evidence');
  const number = useNumber();
  if (suppressed)
    return (
      <span className="cell-suppressed" data-suppressed="true">
        {t('insights.suppressed')}
      </span>
    );
  return <>{value == null ? '—' : number(value)}</>;
}

/** A row's label in the reader's language where it is a code (a stage, a method, a mode, a career stage). */
function useRowLabel(table: InsightsTableData, groupBy: InsightsGroupBy) {
  const { t } = useTranslation('evidence');
  const namespace =
    table.name === 'stageTimes'
      ? 'codev:stages'
      : table.name === 'assessmentMix' || groupBy === InsightsGroupBy.AssessmentMethod
        ? 'codev:methods'
        : groupBy === InsightsGroupBy.DeliveryMode
          ? 'codev:deliveryModes'
          : groupBy === InsightsGroupBy.CareerStage
            ? 'codev:careerStages'
            : null;
  return (row: { key: string; label: string }) => {
    if (row.key === 'all' || row.key === 'unknown') return t(`insights.${row.key}`);
    return namespace ? t(`${namespace}.${row.key}`, { defaultValue: row.label }) : row.label;
  };
}

function Chart({
  table,
  column,
  label,
}: {
  table: InsightsTableData;
  column: number;
  label: (row: { key: string; label: string }) => string;
}) {
  const { t } = useTranslation('evidence');
  const number = useNumber();
  const max = Math.max(1, ...table.rows.map((r) => (r.suppressed[column] ? 0 : (r.values[column] ?? 0))));
  // The chart repeats the table's figures: hidden from assistive technology, which reads the table.
  return (
    <ul className="chart" aria-hidden="true">
      {table.rows.map((row) => {
        const value = row.values[column];
        return (
          <li key={row.key}>
            <span className="chart-label">{label(row)}</span>
            <span className="bar-track">
              {row.suppressed[column] ? (
                <>
                  <span className="bar-suppressed" />
                  {t('insights.suppressed')}
                </>
              ) : (
                <>
                  <span className="bar" style={{ width: `${Math.round(((value ?? 0) / max) * 100)}%` }} />
                  {value == null ? '—' : number(value)}
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function InsightsTable({
  table,
  k,
  groupBy,
}: {
  table: InsightsTableData;
  k: number;
  groupBy: InsightsGroupBy;
}) {
  const { t } = useTranslation('evidence');
  const id = useId();
  const label = useRowLabel(table, groupBy);
  const column = (name: string) => t(`insights.column.${name}`, { defaultValue: name });
  const anySuppressed = [...table.rows, ...(table.total ? [table.total] : [])].some((r) =>
    r.suppressed.some(Boolean),
  );
  return (
    <section className="insights-table" aria-labelledby={`${id}-title`} data-table={table.name}>
      <h2 id={`${id}-title`}>{t(`insights.table.${table.name}`, { defaultValue: table.name })}</h2>
      {table.learnerDerived && <p className="meta">{t('insights.learnerDerived', { k })}</p>}
      {table.rows.length === 0 ? (
        <p>{t('insights.empty')}</p>
      ) : (
        <div className="insights-pair">
          <div>
            <p className="meta" aria-hidden="true">
              {t('insights.chartOf', { column: column(table.columns[0] ?? '') })}
            </p>
            <Chart table={table} column={0} label={label} />
          </div>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
            <table className="table">
              <caption className="visually-hidden">
                {t(`insights.table.${table.name}`, { defaultValue: table.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('insights.group')}</th>
                  {table.columns.map((c) => (
                    <th scope="col" key={c}>
                      {column(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{label(row)}</th>
                    {table.columns.map((c, i) => (
                      <td key={c}>
                        <Cell value={row.values[i]} suppressed={row.suppressed[i] ?? false} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {table.total && (
                <tfoot>
                  <tr>
                    <th scope="row">{t('insights.total')}</th>
                    {table.columns.map((c, i) => (
                      <td key={c}>
                        <Cell
                          value={table.total!.values[i]}
                          suppressed={table.total!.suppressed[i] ?? false}
                        />
                      </td>
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        </div>
      )}
      {anySuppressed && <p className="meta">{t('insights.suppressedNote', { k })}</p>}
      <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(table.csv)}`} download={`${table.name}.csv`}>
        {t('insights.csv', { name: t(`insights.table.${table.name}`, { defaultValue: table.name }) })}
      </a>
    </section>
  );
}

function FrameworkElements() {
  const { t, i18n } = useTranslation('evidence');
  const number = useNumber();
  const { data, error } = useQuery(FRAMEWORK_ELEMENT_INSIGHTS);
  const rows = data?.frameworkElementInsights ?? [];
  const percent = (share: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
  // The same CSV shape as the insights tables: column keys, one line per element, empty for none.
  const csv =
    ['element,mostImportant,leastImportant,responses,usefulBlueprint,reviews,failures,failureShare']
      .concat(
        rows.map((r) =>
          [
            r.element,
            r.mostImportant,
            r.leastImportant,
            r.responses,
            r.usefulBlueprint,
            r.reviews,
            r.failures,
            r.failureShare,
          ]
            .map((v) => (v == null ? '' : typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v))
            .join(','),
        ),
      )
      .join('\n') + '\n';
  return (
    <section
      className="insights-table"
      aria-labelledby="framework-elements-title"
      data-table="frameworkElements"
    >
      <h2 id="framework-elements-title">{t('insights.table.frameworkElements')}</h2>
      <ApiErrorNotice error={error} />
      {rows.length === 0 ? (
        <p>{t('insights.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="framework-elements-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('insights.element')}</th>
                <th scope="col">{t('insights.column.mostImportant')}</th>
                <th scope="col">{t('insights.column.leastImportant')}</th>
                <th scope="col">{t('insights.column.responses')}</th>
                <th scope="col">{t('insights.column.usefulBlueprint')}</th>
                <th scope="col">{t('insights.column.reviews')}</th>
                <th scope="col">{t('insights.column.failures')}</th>
                <th scope="col">{t('insights.column.failureShare')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.element}>
                  <th scope="row">
                    {t(`insights.frameworkElement.${r.element}`, { defaultValue: r.element })}
                  </th>
                  <td>{number(r.mostImportant)}</td>
                  <td>{number(r.leastImportant)}</td>
                  <td>{number(r.responses)}</td>
                  <td>{r.usefulBlueprint == null ? '—' : number(r.usefulBlueprint)}</td>
                  <td>{number(r.reviews)}</td>
                  <td>{number(r.failures)}</td>
                  <td>{r.failureShare == null ? '—' : percent(r.failureShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 0 && (
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`} download="frameworkElements.csv">
          {t('insights.csv', { name: t('insights.table.frameworkElements') })}
        </a>
      )}
    </section>
  );
}

export function Component() {
  const { t } = useTranslation('evidence');
  const { organization, kind, loading: loadingMe } = useWorkingAs();
  const [groupBy, setGroupBy] = useState<InsightsGroupBy>(InsightsGroupBy.None);
  const [year, setYear] = useState('');
  const operator = kind === 'OPERATOR';
  const scope = operator ? null : { organizationId: organization?.id ?? null };
  const { data, loading, error } = useQuery(INSIGHTS, {
    variables: { scope, groupBy, filter: year ? { year: Number(year) } : null },
    skip: loadingMe || !organization,
  });
  const insights = data?.insights;
  return (
    <Page title={t('insights.title')}>
      <p>
        {operator ? t('insights.introOperator') : t('insights.intro', { name: organization?.name ?? '' })}
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="insights-group">{t('insights.groupBy')}</label>
          <select
            id="insights-group"
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as InsightsGroupBy)}
          >
            {Object.values(InsightsGroupBy).map((g) => (
              <option key={g} value={g}>
                {t(`insights.groupByOption.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="insights-year">{t('insights.year')}</label>
          <select id="insights-year" value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t('insights.allYears')}</option>
            {YEARS.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ApiErrorNotice error={error} />
      {!organization && !loadingMe && <p>{t('insights.noOrganization')}</p>}
      {loading && !data ? <p>{t('common:loading')}</p> : null}
      {insights &&
        TABLES.map((name) => (
          <InsightsTable key={name} table={insights[name]} k={insights.k} groupBy={insights.groupBy} />
        ))}
      {operator && <FrameworkElements />}
    </Page>
  );
}
