// A small skill picker for design competencies: a react-aria ComboBox that searches the skills
// query (ESCO and Skills for Success, labels and alternative labels) as you type and shows each
// skill's group. Written here because no shared picker is on main yet; replace it with the
// shared one when it lands.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { SEARCH_SKILLS, SKILL, type SkillOption } from './documents';

export function skillLabel(skill: Pick<SkillOption, 'label' | 'labelFr'>, language: string): string {
  return language === 'fr' ? (skill.labelFr ?? skill.label) : skill.label;
}

export function SkillPicker({
  label,
  exclude,
  onPick,
  isDisabled,
}: {
  label: string;
  exclude: readonly string[];
  onPick: (skill: SkillOption) => void;
  isDisabled?: boolean;
}) {
  const { t, i18n } = useTranslation('codev');
  const client = useApolloClient();
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const { data, loading } = useQuery(SEARCH_SKILLS, { variables: { search }, skip: search.length < 2 });
  const options =
    search.length < 2
      ? []
      : (data?.skills.edges.map((e) => e.node) ?? []).filter((s) => !exclude.includes(s.id));

  return (
    <ComboBox
      className="field combo"
      inputValue={input}
      onInputChange={setInput}
      items={options}
      menuTrigger="input"
      // Open while typing a search (results arrive later), not when the input is cleared after a pick.
      allowsEmptyCollection={input.trim().length >= 2}
      isDisabled={isDisabled}
      selectedKey={null}
      onSelectionChange={(key) => {
        const skill = options.find((s) => s.id === key);
        if (!skill) return;
        // The picked skill is known: name chips without asking the API again.
        client.writeQuery({ query: SKILL, variables: { id: skill.id }, data: { skill } });
        onPick(skill);
        setInput('');
        setSearch('');
      }}
    >
      <Label>{label}</Label>
      <Input />
      <Text slot="description">{t('skills.hint')}</Text>
      <Popover className="combo-popover">
        <ListBox
          className="combo-list"
          renderEmptyState={() => (
            <p className="combo-empty">
              {loading || search !== input.trim() ? t('common:loading') : t('skills.none')}
            </p>
          )}
        >
          {(skill: SkillOption) => (
            <ListBoxItem id={skill.id} textValue={skillLabel(skill, i18n.language)} className="combo-item">
              <Text slot="label">{skillLabel(skill, i18n.language)}</Text>
              <Text slot="description" className="combo-meta">
                {skill.framework}
                {skill.broader[0] && <> · {skillLabel(skill.broader[0], i18n.language)}</>}
              </Text>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** A skill's name from its id (the API gives designs skill ids only). */
export function SkillName({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const { data } = useQuery(SKILL, { variables: { id }, fetchPolicy: 'cache-first' });
  return <>{data?.skill ? skillLabel(data.skill, i18n.language) : id}</>;
}
