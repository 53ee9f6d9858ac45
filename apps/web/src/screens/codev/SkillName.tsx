// A skill's name from its id: the API gives designs skill ids only.
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import { skillLabel } from '../../ui/SkillPicker';
import { SKILL } from './documents';

export function SkillName({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const { data } = useQuery(SKILL, { variables: { id }, fetchPolicy: 'cache-first' });
  return <>{data?.skill ? skillLabel(data.skill, i18n.language) : id}</>;
}
