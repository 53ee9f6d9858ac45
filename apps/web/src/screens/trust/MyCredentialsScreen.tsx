// A learner's own credentials (awarded to their account's e-mail address), each with its public
// page, and their transcript as a signed CLR 2.0 credential to download.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../graphql/errors';
import { MY_AWARDS, MY_TRANSCRIPT } from './documents';
import { verifyDocument, type VerificationResult } from '../public/credential-document';
import { VerificationReport } from '../public/VerificationReport';
import { ApiErrorNotice, useDate } from './trust-ui';
import { PathwayProgress } from '../catalogue/PathwayProgress';

const achievementName = (openBadge: unknown): string => {
  const document = (openBadge ?? {}) as {
    name?: unknown;
    credentialSubject?: { achievement?: { name?: unknown } };
  };
  const name = document.credentialSubject?.achievement?.name ?? document.name;
  return typeof name === 'string' ? name : '';
};

export function Component() {
  const { t } = useTranslation(['trust', 'public']);
  const date = useDate();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(MY_AWARDS);
  const [transcript, setTranscript] = useState<{ href: string; document: unknown } | null>(null);
  const [verification, setVerification] = useState<VerificationResult | null>(null);
  const [transcriptError, setTranscriptError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const awards = data?.myAwards.edges.map((e) => e.node) ?? [];

  const prepare = async () => {
    setPreparing(true);
    setTranscriptError(null);
    try {
      const result = await client.query({ query: MY_TRANSCRIPT, fetchPolicy: 'network-only' });
      setVerification(null);
      if (result.data)
        setTranscript({
          document: result.data.myTranscript,
          href: `data:application/ld+json;charset=utf-8,${encodeURIComponent(JSON.stringify(result.data.myTranscript, null, 2))}`,
        });
    } catch (failure) {
      setTranscriptError(errorText(t, failure));
    } finally {
      setPreparing(false);
    }
  };

  return (
    <Page title={t('mine.title')}>
      <p>{t('mine.intro')}</p>
      <ApiErrorNotice error={error} />
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : awards.length === 0 ? (
        <p>{t('mine.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('mine.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mine.credential')}</th>
              <th scope="col">{t('mine.issuer')}</th>
              <th scope="col">{t('mine.awardedAt')}</th>
              <th scope="col">{t('mine.status')}</th>
            </tr>
          </thead>
          <tbody>
            {awards.map((award) => (
              <tr key={award.id} data-testid="my-award">
                <td>
                  <Link to={`/public/credentials/${award.id}`}>
                    {achievementName(award.openBadge) || t('mine.untitled')}
                  </Link>
                </td>
                <td>{award.issuer.name}</td>
                <td>{date(award.awardedAt)}</td>
                <td>{award.status === 'REVOKED' ? t('awards.status.REVOKED') : t('awards.status.ACTIVE')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PathwayProgress />
      <section aria-labelledby="transcript-title">
        <h2 id="transcript-title">{t('mine.transcript')}</h2>
        <p>{t('mine.transcriptIntro')}</p>
        <div className="toolbar">
          <Button variant="secondary" onPress={() => void prepare()} isDisabled={preparing}>
            {t('mine.prepare')}
          </Button>
          {transcript && (
            <>
              <a className="button button-primary" href={transcript.href} download="transcript.jsonld">
                {t('mine.download')}
              </a>
              <Button
                variant="secondary"
                onPress={() =>
                  void verifyDocument(transcript.document).then(setVerification, () =>
                    setTranscriptError(t('public:credential.fetchError.unreachable')),
                  )
                }
              >
                {t('mine.verify')}
              </Button>
            </>
          )}
        </div>
        <FormError>{transcriptError}</FormError>
        {verification && <VerificationReport result={verification} />}
      </section>
    </Page>
  );
}
