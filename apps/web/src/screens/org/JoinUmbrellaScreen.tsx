import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql/generated';
import { useMutation, useQuery } from '@apollo/client/react';
import { useConfirm } from '../../ui/Confirm';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';
import { useCurrentOrganization } from '../../app/current-organization';

const UMBRELLAS = graphql(`
  query Umbrellas {
    organizations(filter: { kind: UMBRELLA }, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
const JOIN = graphql(`
  mutation JoinUmbrella($umbrellaId: ID!, $organizationId: ID!) {
    joinUmbrella(umbrellaId: $umbrellaId, organizationId: $organizationId) {
      organization {
        name
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation('org');
  const { current } = useCurrentOrganization();
  const umbrellas = useQuery(UMBRELLAS);
  const [join] = useMutation(JOIN);
  const [joined, setJoined] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const options = (umbrellas.data?.organizations.edges ?? []).map((e) => ({
    value: e.node.id,
    label: e.node.name,
  }));
  const schema = useMemo(
    () => z.object({ umbrellaId: z.string().min(1, t('validation.umbrellaRequired')) }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { umbrellaId: '' } });

  const onSubmit = form.handleSubmit(async (values) => {
    if (!current) return;
    const umbrella = options.find((o) => o.value === values.umbrellaId)?.label ?? '';
    const yes = await confirm({
      title: t('umbrella.confirm.title', { umbrella }),
      body: <p>{t('umbrella.confirm.body', { organization: current.organization.name, umbrella })}</p>,
      confirmLabel: t('umbrella.confirm.action', { umbrella }),
    });
    if (!yes) return;
    try {
      const { data } = await join({
        variables: { umbrellaId: values.umbrellaId, organizationId: current.organization.id },
      });
      if (data) setJoined(data.joinUmbrella.organization.name);
    } catch (error) {
      setServerErrors(error, form.setError, t, ['umbrellaId'], {
        'IDENTITY.ALREADY_IN_UMBRELLA': 'umbrellaId',
        'IDENTITY.JOIN_REQUEST_PENDING': 'umbrellaId',
        'IDENTITY.NOT_AN_UMBRELLA': 'umbrellaId',
        'IDENTITY.CANNOT_JOIN_ITSELF': 'umbrellaId',
      });
    }
  });

  if (!current) return <Page title={t('umbrella.title')}>{t('home.noOrganization')}</Page>;
  return (
    <Page title={t('umbrella.title')}>
      {dialog}
      <p>{t('umbrella.intro', { organization: current.organization.name })}</p>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('umbrella.submit')}
      >
        <SelectField
          control={form.control}
          name="umbrellaId"
          label={t('fields.umbrella')}
          placeholder={t('choose')}
          options={options}
        />
      </Form>
      {joined && (
        <p role="status" className="notice notice-success">
          {t('umbrella.joined', { umbrella: joined })}
        </p>
      )}
    </Page>
  );
}
