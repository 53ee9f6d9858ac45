// The skill picker skill needs, capability profiles (and designs) share: a combo box that
// searches ESCO and Skills for Success as the user types (the server matches labels and
// alternative labels, typos and word order), each option showing its framework and its group or
// broader skill; the chosen skills below it, each with a level from 1 to 4 and a remove button.
import { useEffect, useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql/generated';
import type { PickedSkillFragment, SearchSkillsQuery } from '../graphql/generated/graphql';
import { useQuery } from '@apollo/client/react';
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { Button } from './Button';

export type PickedSkill = PickedSkillFragment;
export interface SkillWithLevel {
  skill: PickedSkill;
  level: number;
}
export const SKILL_LEVELS = [1, 2, 3, 4] as const;

/** The fields a picked skill needs; spread `...PickedSkill` into any query that loads skills for the picker. */
graphql(`
  fragment PickedSkill on Skill {
    id
    label
    labelFr
    framework
    broader {
      id
      label
      labelFr
    }
  }
`);

type SearchResult = SearchSkillsQuery['skills']['edges'][number]['node'];
const SEARCH_SKILLS = graphql(`
  query SearchSkills($search: String, $framework: String) {
    skills(search: $search, framework: $framework, first: 12) {
      edges {
        node {
          ...PickedSkill
          altLabels
          altLabelsFr
        }
      }
    }
  }
`);

/**
 * When a search finds no skill (the bundled ESCO data lacks it): the skill groups the same words
 * find that hold skills; a group's skills are asked for when the user opens it (one query for both
 * would cost more than the gateway allows).
 */
const NEAREST_GROUPS = graphql(`
  query NearestSkillGroups($search: String) {
    skills(search: $search, includeGroups: true, first: 12) {
      edges {
        node {
          id
          label
          labelFr
          kind
          narrower {
            id
            kind
          }
        }
      }
    }
  }
`);
const GROUP_SKILLS = graphql(`
  query SkillGroupSkills($id: ID!) {
    skill(id: $id) {
      id
      narrower {
        ...PickedSkill
        kind
      }
    }
  }
`);
/** How many groups the notice offers. */
const NEAREST_GROUP_COUNT = 3;

/** The skills of an opened group, each with a button that adds it. */
function GroupSkills({
  groupId,
  name,
  exclude,
  onPick,
}: {
  groupId: string;
  name: string;
  exclude: readonly string[];
  onPick: (skill: PickedSkill) => void;
}) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(GROUP_SKILLS, { variables: { id: groupId } });
  if (loading && !data) return <p>{t('skillPicker.searching')}</p>;
  if (error || !data?.skill) return <p>{t('skillPicker.groupUnavailable')}</p>;
  const skills = data.skill.narrower
    .filter((s) => s.kind !== 'SKILL_GROUP' && !exclude.includes(s.id))
    .map(({ kind: _kind, ...skill }) => skill);
  return (
    <ul aria-label={t('skillPicker.groupSkills', { group: name })} className="skill-nearest-skills">
      {skills.map((skill) => (
        <li key={skill.id}>
          <Button variant="secondary" onPress={() => onPick(skill)}>
            {t('skillPicker.add', { skill: skillLabel(skill, i18n.language) })}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Says plainly that no skill matched the search, and offers the nearest skill groups: opening one
 * lists its skills, each with a button to add it.
 */
function NearestGroups({
  search,
  exclude,
  onPick,
}: {
  search: string;
  exclude: readonly string[];
  onPick: (skill: PickedSkill) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState<string | null>(null);
  const { data, loading, error } = useQuery(NEAREST_GROUPS, { variables: { search } });
  // Groups with skills of their own to offer (not only sub-groups).
  const groups = (data?.skills.edges.map((e) => e.node) ?? [])
    .filter((g) => g.kind === 'SKILL_GROUP' && g.narrower.some((s) => s.kind !== 'SKILL_GROUP'))
    .slice(0, NEAREST_GROUP_COUNT);
  return (
    <div role="status" className="notice notice-warning skill-nearest">
      <p>{t('skillPicker.noSkill', { search })}</p>
      {loading && !data ? null : error ? (
        <p>{t('skillPicker.groupUnavailable')}</p>
      ) : groups.length === 0 ? (
        <p>{t('skillPicker.noGroup')}</p>
      ) : (
        <>
          <p>{t('skillPicker.nearestGroups')}</p>
          <ul className="skill-nearest-groups">
            {groups.map((group) => {
              const name = skillLabel(group, lang);
              const expanded = open === group.id;
              return (
                <li key={group.id}>
                  <Button
                    variant="link"
                    aria-expanded={expanded}
                    onPress={() => setOpen(expanded ? null : group.id)}
                  >
                    {t('skillPicker.showGroup', { group: name })}
                  </Button>
                  {expanded && (
                    <GroupSkills groupId={group.id} name={name} exclude={exclude} onPick={onPick} />
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

/** The label in the interface's language (ESCO has French labels for most skills). */
export function skillLabel(skill: { label: string; labelFr: string | null }, language: string): string {
  return language === 'fr' && skill.labelFr ? skill.labelFr : skill.label;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The alternative label the search matched, when the preferred label does not show why. */
function matchedAltLabel(skill: SearchResult, search: string, language: string): string | undefined {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shows = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  if (shows(skillLabel(skill, language))) return undefined;
  return [...(language === 'fr' ? skill.altLabelsFr : []), ...skill.altLabels].find(shows);
}

/**
 * The search half of the picker on its own: the combo box (and, unless `frameworkFilter` is
 * false, the framework filter) that offers skills as the user types and hands the chosen one to
 * `onPick`. For forms that keep their own list of chosen skills, e.g. a design's competencies.
 */
export function SkillSearch({
  label,
  description,
  exclude,
  onPick,
  isDisabled,
  frameworkFilter = true,
  errorMessage,
  inputRef,
}: {
  label: string;
  description?: string;
  /** Ids of skills already chosen: not offered again. */
  exclude: readonly string[];
  onPick: (skill: PickedSkill) => void;
  isDisabled?: boolean;
  frameworkFilter?: boolean;
  errorMessage?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [input, setInput] = useState('');
  const [framework, setFramework] = useState('');
  const search = useDebounced(input.trim(), 250);
  const { data, loading } = useQuery(SEARCH_SKILLS, {
    variables: { search, framework: framework || null },
    skip: search.length < 2,
  });
  // Nothing to offer (and the popover closes) once the input is cleared, e.g. after choosing.
  const typed = input.trim().length >= 2;
  const options =
    !typed || search.length < 2
      ? []
      : (data?.skills.edges.map((e) => e.node) ?? []).filter((s) => !exclude.includes(s.id));
  // The search has settled on what is typed and found no skill at all: the nearest groups instead
  // (below the field, the list closed so it does not cover them).
  const noSkill =
    typed && search === input.trim() && !loading && data !== undefined && data.skills.edges.length === 0;
  const frameworkId = useId();

  const pick = (id: string) => {
    const skill = options.find((s) => s.id === id);
    if (!skill) return;
    const { altLabels: _alt, altLabelsFr: _altFr, ...rest } = skill;
    onPick(rest);
    setInput('');
  };

  const combobox = (
    <ComboBox
      className="field skill-combobox"
      items={options}
      inputValue={input}
      onInputChange={setInput}
      selectedKey={null}
      onSelectionChange={(key) => key !== null && pick(String(key))}
      menuTrigger="input"
      allowsEmptyCollection={typed && !noSkill}
      isDisabled={isDisabled}
      isInvalid={errorMessage !== undefined}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      {/* Escape clears the search, which closes the list (it stays open while a search is typed). */}
      <Input
        ref={inputRef}
        placeholder={t('skillPicker.placeholder')}
        onKeyDown={(event) => event.key === 'Escape' && setInput('')}
      />
      <Text slot="description">{description ?? t('skillPicker.hint')}</Text>
      <FieldError>{errorMessage}</FieldError>
      <Popover className="popover" placement="bottom start">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox-empty">
              {loading || search !== input.trim() ? t('skillPicker.searching') : t('skillPicker.noMatch')}
            </p>
          )}
        >
          {(skill: SearchResult) => {
            const alt = matchedAltLabel(skill, search, lang);
            const broader = skillGroup(skill, lang);
            const text = skillLabel(skill, lang);
            return (
              <ListBoxItem id={skill.id} textValue={text} className="listbox-option">
                <Text slot="label">{text}</Text>
                <Text slot="description" className="option-meta">
                  {t(`skillPicker.frameworks.${skill.framework}`, { defaultValue: skill.framework })}
                  {broader && ` · ${t('skillPicker.group', { group: broader })}`}
                  {alt && ` · ${t('skillPicker.alsoKnownAs', { label: alt })}`}
                </Text>
              </ListBoxItem>
            );
          }}
        </ListBox>
      </Popover>
    </ComboBox>
  );
  const nearest = noSkill ? (
    <NearestGroups
      key={search}
      search={search}
      exclude={exclude}
      onPick={(skill) => {
        onPick(skill);
        setInput('');
      }}
    />
  ) : null;
  if (!frameworkFilter)
    return (
      <>
        {combobox}
        {nearest}
      </>
    );
  return (
    <div className="skill-search">
      <div className="field">
        <label htmlFor={frameworkId}>{t('skillPicker.framework')}</label>
        <select
          id={frameworkId}
          value={framework}
          disabled={isDisabled}
          onChange={(event) => setFramework(event.target.value)}
        >
          <option value="">{t('skillPicker.frameworks.all')}</option>
          <option value="ESCO">{t('skillPicker.frameworks.ESCO')}</option>
          <option value="SFS">{t('skillPicker.frameworks.SFS')}</option>
        </select>
      </div>
      {combobox}
      {nearest}
    </div>
  );
}

/** A skill's group (its broader skills), in the interface's language. */
const skillGroup = (skill: PickedSkill, language: string) =>
  skill.broader.length ? skill.broader.map((b) => skillLabel(b, language)).join(', ') : undefined;

export function SkillPicker<T extends FieldValues>({
  control,
  name,
  label,
  description,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  description?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const {
    field: { value, onChange, ref },
    fieldState,
  } = useController({ control, name });
  const picked = (value as SkillWithLevel[] | undefined) ?? [];
  const setLevel = (id: string, level: number) =>
    onChange(picked.map((p) => (p.skill.id === id ? { ...p, level } : p)));
  const remove = (id: string) => onChange(picked.filter((p) => p.skill.id !== id));

  return (
    <fieldset className="field skill-picker">
      <legend>{label}</legend>
      <SkillSearch
        label={t('skillPicker.search')}
        description={description}
        exclude={picked.map((p) => p.skill.id)}
        onPick={(skill) => onChange([...picked, { skill, level: 2 }])}
        errorMessage={fieldState.invalid ? (fieldState.error?.message ?? '') : undefined}
        inputRef={ref}
      />
      {picked.length === 0 ? (
        <p className="description">{t('skillPicker.none')}</p>
      ) : (
        <ul className="picked-skills" aria-label={t('skillPicker.chosen')}>
          {picked.map(({ skill, level }) => {
            const text = skillLabel(skill, lang);
            const broader = skillGroup(skill, lang);
            return (
              <li key={skill.id}>
                <span className="picked-skill-name">
                  <span>{text}</span>
                  <span className="option-meta">
                    {t(`skillPicker.frameworks.${skill.framework}`, { defaultValue: skill.framework })}
                    {broader && ` · ${t('skillPicker.group', { group: broader })}`}
                  </span>
                </span>
                <select
                  aria-label={t('skillPicker.levelFor', { skill: text })}
                  value={level}
                  onChange={(event) => setLevel(skill.id, Number(event.target.value))}
                >
                  {SKILL_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`skillPicker.levels.${l}`)}
                    </option>
                  ))}
                </select>
                <Button
                  variant="link"
                  onPress={() => remove(skill.id)}
                  aria-label={t('skillPicker.remove', { skill: text })}
                >
                  {t('skillPicker.removeShort')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

/** The API's input for picked skills. */
export const skillInputs = (skills: readonly SkillWithLevel[]) =>
  skills.map((s) => ({ skillId: s.skill.id, level: s.level }));

/** Picked skills as one readable line, e.g. for a conflict notice. */
export const skillsText = (skills: readonly SkillWithLevel[], language: string) =>
  skills.map((s) => `${skillLabel(s.skill, language)} (${s.level})`).join(', ');
