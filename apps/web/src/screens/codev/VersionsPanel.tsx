// Version history, and a side-by-side diff of any two versions (designVersionDiff).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';

import { VERSION_DIFF, type DesignDetail } from './documents';
import { fieldLabel, showValue } from './format';
import { SkillName } from './SkillName';
import { ErrorNotice } from './ErrorNotice';

export function VersionsPanel({ design }: { design: DesignDetail }) {
  const { t, i18n } = useTranslation('codev');
  const ids = { from: useId(), to: useId() };
  const latest = design.version;
  // Unchosen, the diff shows what the latest version changed.
  const [chosen, setChosen] = useState<{ from?: number; to?: number }>({});
  const to = chosen.to ?? latest;
  const from = chosen.from ?? Math.max(1, to - 1);
  const diff = useQuery(VERSION_DIFF, { variables: { designId: design.id, from, to }, skip: from === to });
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const versions = [...design.versions].reverse();
  // A list that went from empty to itemised shows up per item too; its empty → absent row says nothing.
  const blank = (value: unknown) =>
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  const changes = (diff.data?.designVersionDiff ?? []).filter((c) => !(blank(c.before) && blank(c.after)));
  const picker = (which: 'from' | 'to', value: number) => (
    <div className="field">
      <label htmlFor={ids[which]}>{t(`versions.${which}`)}</label>
      <select
        id={ids[which]}
        value={value}
        onChange={(event) => setChosen({ from, to, [which]: Number(event.target.value) })}
      >
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {t('versions.option', { version: v.version })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      <ol reversed className="link-list" aria-label={t('versions.list')}>
        {versions.map((v) => (
          <li key={v.version}>
            {t('versions.entry', {
              version: v.version,
              summary: t(`versions.summaries.${v.summary.replace(/\s+/g, '_')}`, { defaultValue: v.summary }),
              author: v.author.name,
            })}{' '}
            · <time dateTime={v.createdAt}>{format.format(new Date(v.createdAt))}</time>
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <>
          <h3>{t('versions.compare')}</h3>
          <div className="row">
            {picker('from', from)}
            {picker('to', to)}
          </div>
          <ErrorNotice error={diff.error} />
          {from === to ? (
            <p>{t('versions.same')}</p>
          ) : diff.loading && !diff.data ? (
            <p>{t('common:loading')}</p>
          ) : changes.length === 0 ? (
            <p>{t('versions.noChanges')}</p>
          ) : (
            <table className="table diff" aria-label={t('versions.diffLabel', { from, to })}>
              <thead>
                <tr>
                  <th scope="col">{t('versions.field')}</th>
                  <th scope="col">{t('versions.option', { version: from })}</th>
                  <th scope="col">{t('versions.option', { version: to })}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{fieldLabel(t, c.field)}</th>
                    <td>
                      <del>
                        <DiffValue field={c.field} value={c.before} />
                      </del>
                    </td>
                    <td>
                      <ins>
                        <DiffValue field={c.field} value={c.after} />
                      </ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

/** Enumerated values in words (the i18n group a field's values belong to). */
const VALUE_GROUPS: Array<[RegExp, string]> = [
  [/^outcomes\.\d+\.kind$/, 'outcomeKinds'],
  [/^assessment\.methods(\.\d+)?$/, 'methods'],
  [/^deliveryMode$/, 'deliveryModes'],
  [/^careerStage$/, 'careerStages'],
  [/^language$/, 'languages'],
];

/** A diff cell: skills by name, enumerations in words, the rest as text. */
function DiffValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation('codev');
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  if (
    /^(competencies\.\d+\.skillId|outcomes\.\d+\.skillIds(\.\d+)?)$/.test(field) &&
    values.length > 0 &&
    values.every((v) => typeof v === 'string')
  ) {
    return (
      <>
        {(values as string[]).map((id, i) => (
          <span key={id}>
            {i > 0 && ', '}
            <SkillName id={id} />
          </span>
        ))}
      </>
    );
  }
  const group = VALUE_GROUPS.find(([pattern]) => pattern.test(field))?.[1];
  if (group && values.every((v) => typeof v === 'string'))
    return <>{(values as string[]).map((v) => t(`${group}.${v}`, { defaultValue: v })).join(', ')}</>;
  return <>{showValue(t, value)}</>;
}
