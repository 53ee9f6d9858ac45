// A learner's credential as anyone sees it, signed out or in: fetched from the public
// GET /credentials/:awardId as signed JSON-LD, shown in words, verified on request (each check),
// with "Add to LinkedIn profile", a download of the signed file and a printable view (the print
// stylesheet keeps the credential and drops the app around it).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import {
  CredentialFetchError,
  downloadHref,
  fetchCredential,
  linkedInUrl,
  readCredential,
  verifyDocument,
  type VerificationResult,
} from './credential-document';
import { CredentialDetails } from './CredentialDetails';
import { VerificationReport } from './VerificationReport';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; reason: CredentialFetchError['kind'] }
  | { state: 'loaded'; document: Record<string, unknown> };

export function Component() {
  const { t } = useTranslation('public');
  const { id = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [verification, setVerification] = useState<VerificationResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState(false);

  const [checksShown, setChecksShown] = useState(false);

  // The status shows as soon as the page loads (a quiet verification); Verify shows every check.
  useEffect(() => {
    let live = true;
    fetchCredential(id).then(
      (document) => {
        if (!live) return;
        setLoaded({ state: 'loaded', document });
        verifyDocument(document).then(
          (result) => live && setVerification(result),
          () => undefined, // the status stays "not checked"; Verify says what went wrong
        );
      },
      (error: unknown) =>
        live &&
        setLoaded({
          state: 'failed',
          reason: error instanceof CredentialFetchError ? error.kind : 'unreachable',
        }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (loaded.state === 'loading')
    return <Page title={t('credential.loadingTitle')}>{t('common:loading')}</Page>;
  if (loaded.state === 'failed') {
    return (
      <Page title={t('credential.notFoundTitle')}>
        <p role="alert">{t(`credential.fetchError.${loaded.reason}`)}</p>
        <p>
          <Link to="/public/verify">{t('credential.verifyAnother')}</Link>
        </p>
      </Page>
    );
  }

  const view = readCredential(loaded.document);
  const publicUrl = `${window.location.origin}/credentials/${encodeURIComponent(id)}`;
  const verify = async () => {
    setVerifying(true);
    setVerifyError(false);
    try {
      setVerification(await verifyDocument(loaded.document));
      setChecksShown(true);
    } catch {
      setVerifyError(true);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Page title={view.name || t('credential.untitled')}>
      <CredentialDetails view={view} />
      {view.credentialId && (
        // The award leads back to the credential it is of: outcomes, issuer, pathways, endorsements.
        <p>
          <Link to={`/public/catalogue/${view.credentialId}`}>{t('credential.aboutCredential')}</Link>
        </p>
      )}
      <h2>{t('credential.statusTitle')}</h2>
      <p data-testid="credential-status" aria-live="polite">
        {verification
          ? verification.verified
            ? t('credential.status.valid')
            : verification.checks.some((c) => c.name === 'status' && !c.passed)
              ? t('credential.status.revoked')
              : t('credential.status.invalid')
          : t('credential.status.unchecked')}
      </p>
      <div className="toolbar">
        <Button onPress={() => void verify()} isDisabled={verifying}>
          {verifying ? t('credential.verifying') : t('credential.verify')}
        </Button>
        <a
          className="button button-secondary"
          href={linkedInUrl(view, publicUrl, id)}
          target="_blank"
          rel="noreferrer"
        >
          {t('credential.linkedIn')}
          <span className="visually-hidden"> {t('credential.newWindow')}</span>
        </a>
        <a
          className="button button-secondary"
          href={downloadHref(loaded.document)}
          download={`credential-${id}.jsonld`}
        >
          {t('credential.download')}
        </a>
        <Button variant="secondary" onPress={() => window.print()}>
          {t('credential.print')}
        </Button>
      </div>
      <FormError>{verifyError && t('credential.fetchError.unreachable')}</FormError>
      {verification && checksShown && <VerificationReport result={verification} />}
      <p>
        {t('credential.shareLink')} <a href={publicUrl}>{publicUrl}</a>
      </p>
    </Page>
  );
}
