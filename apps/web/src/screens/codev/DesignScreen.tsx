// /designs/:id — the co-development workspace: the design form (with comments beside its
// fields) next to the workflow, the live compliance panel, the comment threads and the
// version history with its side-by-side diff.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Page } from '../../ui/Page';
import { useCurrentOrganization } from '../../app/current-organization';
import { DESIGN } from './documents';
import { DesignForm } from './DesignForm';
import { CompliancePanel } from './CompliancePanel';
import { CommentsPanel, CommentsProvider } from './Comments';
import { VersionsPanel } from './VersionsPanel';
import { WorkflowPanel } from './WorkflowPanel';
import './codev.css';
import { ErrorNotice } from './ErrorNotice';

const COMMENTABLE = [
  'title',
  'description',
  'frameworkId',
  'language',
  'competencies',
  'outcomes',
  'assessment.methods',
  'assessment.masteryThreshold',
  'assessment.attemptsAllowed',
  'assessment.authentic',
  'assessment.evidenceVisibleToEmployers',
  'assessment.evidenceRequirements',
  'hours',
  'weeks',
  'deliveryMode',
  'careerStage',
  'price',
  'credit',
  'transcriptable',
  'stackableInto',
  'level',
  'qualityAssurance',
  'evidenceOfNeed',
  'annualReview',
];

export function Component() {
  const { t } = useTranslation('codev');
  const { id = '' } = useParams();
  const { current } = useCurrentOrganization();
  const { data, loading, error } = useQuery(DESIGN, { variables: { id } });
  const design = data?.credentialDesign;
  if (loading && !data) return <p>{t('common:loading')}</p>;
  if (!design || !current) {
    return (
      <Page title={t('workspace.missing')}>
        <ErrorNotice error={error} fallback={t('workspace.notFound')} />
        <Link to="/designs">{t('workspace.back')}</Link>
      </Page>
    );
  }
  const canEdit = design.issuer.id === current.organization.id;
  const fields = [
    ...COMMENTABLE.slice(0, 6),
    ...design.outcomes.map((_, i) => `outcomes.${i}`),
    ...COMMENTABLE.slice(6),
  ];
  return (
    <Page
      title={design.title}
      actions={
        <Link to="/designs" className="secondary-link">
          {t('workspace.back')}
        </Link>
      }
    >
      <p className="description">
        {t('workspace.meta', {
          issuer: design.issuer.name,
          partners: design.partners.map((p) => p.name).join(', ') || '—',
          version: design.version,
        })}
      </p>
      <CommentsProvider designId={design.id} comments={design.comments}>
        <div className="workspace">
          <div>
            <h2>{t('workspace.design')}</h2>
            <DesignForm key={design.id} design={design} canEdit={canEdit} />
          </div>
          <div>
            <WorkflowPanel design={design} membership={current} />
            <CompliancePanel design={design} />
            <CommentsPanel fields={fields} />
            <VersionsPanel design={design} />
          </div>
        </div>
      </CommentsProvider>
    </Page>
  );
}
