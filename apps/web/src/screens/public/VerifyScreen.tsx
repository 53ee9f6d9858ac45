// Anyone verifies a credential, no account needed: from a file (the downloaded JSON) or from a
// link to a credential on this site (fetched, then verified). Each check is shown in words.
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Form } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';
import {
  awardIdFromLink,
  CredentialFetchError,
  fetchCredential,
  isCredentialLike,
  readCredential,
  verifyDocument,
  type VerificationResult,
} from './credential-document';
import { CredentialDetails } from './CredentialDetails';
import { VerificationReport } from './VerificationReport';

interface Outcome {
  readonly document: unknown;
  readonly result: VerificationResult;
  readonly source: string;
}

export function Component() {
  const { t } = useTranslation('public');
  const fileId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checkingFile, setCheckingFile] = useState(false);
  const schema = useMemo(() => z.object({ link: z.string().trim().min(1, t('verify.linkRequired')) }), [t]);
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { link: '' } });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError(null);
    setOutcome(null);
    if (!file) return;
    setCheckingFile(true);
    try {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        setFileError(t('verify.fileNotJson', { name: file.name }));
        return;
      }
      if (!isCredentialLike(document)) {
        setFileError(t('verify.fileNotCredential', { name: file.name }));
        return;
      }
      setOutcome({ document, result: await verifyDocument(document), source: file.name });
    } catch {
      setFileError(t('credential.fetchError.unreachable'));
    } finally {
      setCheckingFile(false);
    }
  };

  const onLink = form.handleSubmit(async ({ link }) => {
    setOutcome(null);
    const awardId = awardIdFromLink(link, window.location.origin);
    if (!awardId) {
      form.setError('link', {
        type: 'validate',
        message: t('verify.linkNotHere', { origin: window.location.origin }),
      });
      return;
    }
    try {
      const document = await fetchCredential(awardId);
      setOutcome({ document, result: await verifyDocument(document), source: link });
    } catch (error) {
      const kind = error instanceof CredentialFetchError ? error.kind : 'unreachable';
      form.setError(kind === 'unreachable' ? 'root.server' : 'link', {
        type: 'server',
        message: t(`credential.fetchError.${kind}`),
      });
    }
  });

  const view = outcome ? readCredential(outcome.document) : null;
  return (
    <Page title={t('verify.title')}>
      <p>{t('verify.intro')}</p>
      <div className="verify-sources">
        <section aria-labelledby="verify-file-title">
          <h2 id="verify-file-title">{t('verify.fileTitle')}</h2>
          <div className="field">
            <label htmlFor={fileId}>{t('verify.file')}</label>
            <input
              id={fileId}
              type="file"
              accept=".json,.jsonld,application/json,application/ld+json"
              onChange={(event) => void onFile(event)}
              aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
              aria-invalid={fileError ? true : undefined}
            />
            <span id={`${fileId}-hint`} className="description">
              {t('verify.fileHint')}
            </span>
            {fileError && (
              <span id={`${fileId}-error`} className="field-error" role="alert">
                {fileError}
              </span>
            )}
          </div>
          {checkingFile && <p>{t('credential.verifying')}</p>}
        </section>
        <section aria-labelledby="verify-link-title">
          <h2 id="verify-link-title">{t('verify.linkTitle')}</h2>
          <Form
            onSubmit={onLink}
            serverError={form.formState.errors.root?.['server']?.message}
            submitting={form.formState.isSubmitting}
            submitLabel={t('verify.linkSubmit')}
          >
            <TextField
              control={form.control}
              name="link"
              type="url"
              label={t('verify.link')}
              description={t('verify.linkHint', { origin: window.location.origin })}
            />
          </Form>
        </section>
      </div>
      {outcome && view && (
        <section aria-labelledby="verify-result-title" className="verify-result">
          <h2 id="verify-result-title">{t('verify.resultTitle', { name: view.name || outcome.source })}</h2>
          <VerificationReport result={outcome.result} />
          <CredentialDetails view={view} />
        </section>
      )}
    </Page>
  );
}
