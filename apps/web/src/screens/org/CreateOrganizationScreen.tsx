import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../../graphql/generated';
import { useMutation, useQuery } from '@apollo/client/react';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import { setServerErrors } from '../../graphql/errors';
import { useEnterOrganization } from './organization-session';
import { OrgKind, OrgSize } from '../../graphql/generated/graphql';

// Anyone may create any kind of organization but an operator's (Lattice's own, made at start).
const KINDS = Object.values(OrgKind).filter((kind) => kind !== OrgKind.Operator);

const REGIONS = graphql(`
  query Regions {
    regions {
      code
      kind
      nameEn
      nameFr
    }
  }
`);
const CREATE = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
    }
  }
`);

export function Component() {
  const { t, i18n } = useTranslation('org');
  const navigate = useNavigate();
  const regions = useQuery(REGIONS);
  const enter = useEnterOrganization();
  const [create] = useMutation(CREATE);
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(2, t('validation.nameLength')).max(200, t('validation.nameLength')),
        kind: z.enum(KINDS, t('validation.kindRequired')),
        size: z.enum(OrgSize, t('validation.sizeRequired')),
        region: z.string(),
        sector: z
          .string()
          .trim()
          .regex(/^(\d{2,6})?$/, t('validation.sector')),
        website: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: t('validation.website') })]),
      }),
    [t],
  );
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: '',
      kind: '' as Values['kind'],
      size: '' as Values['size'],
      region: '',
      sector: '',
      website: '',
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const input = {
        name: values.name.trim(),
        kind: values.kind,
        size: values.size,
        region: values.region || undefined,
        sector: values.sector || undefined,
        website: values.website || undefined,
      };
      const { data } = await create({ variables: { input } });
      if (!data) return;
      await enter(data.createOrganization.id);
      await navigate('/');
    } catch (error) {
      setServerErrors(error, form.setError, t, ['name', 'kind', 'size', 'region', 'sector', 'website']);
    }
  });

  const regionOptions = (regions.data?.regions ?? []).map((r) => ({
    value: r.code,
    label: `${i18n.language === 'fr' ? r.nameFr : r.nameEn} (${t(`regionKinds.${r.kind}`)})`,
  }));
  return (
    <Page title={t('create.title')}>
      <Form
        onSubmit={onSubmit}
        serverError={form.formState.errors.root?.['server']?.message}
        submitting={form.formState.isSubmitting}
        submitLabel={t('create.submit')}
      >
        <TextField control={form.control} name="name" label={t('fields.name')} autoComplete="organization" />
        <SelectField
          control={form.control}
          name="kind"
          label={t('fields.kind')}
          placeholder={t('choose')}
          options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <SelectField
          control={form.control}
          name="size"
          label={t('fields.size')}
          placeholder={t('choose')}
          options={Object.values(OrgSize).map((s) => ({ value: s, label: t(`sizes.${s}`) }))}
        />
        <SelectField
          control={form.control}
          name="region"
          label={t('fields.region')}
          placeholder={t('optional')}
          options={regionOptions}
        />
        <TextField
          control={form.control}
          name="sector"
          label={t('fields.sector')}
          description={t('fields.sectorHint')}
        />
        <TextField
          control={form.control}
          name="website"
          type="url"
          label={t('fields.website')}
          autoComplete="url"
        />
      </Form>
    </Page>
  );
}
