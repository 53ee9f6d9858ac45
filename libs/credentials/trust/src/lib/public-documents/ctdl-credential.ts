// A published credential as Credential Engine's CTDL JSON-LD (`ceterms:` terms), for the
// registries: what it is (a ceterms:MicroCredential with its CTID), its name and description as
// language maps, who owns and offers it (the issuer's public profile), the competencies it
// requires aligned to ESCO, how it is assessed, its estimated duration and cost, and its public
// page. The OB3 Achievement stays the issuing form; this is a description for catalogues. Tests
// validate every document against the bundled CTDL schema (data/ctdl).
import type { CatalogueHit } from '@lattice/credentials-data-access';
import type { EscoConcept } from '../search-credentials/esco-skills';
import { cataloguePageUrl } from './catalogue-page';

/** The JSON-LD context the CTDL validation schema names. */
export const CTDL_CONTEXT = 'http://credreg.net/ctdl/schema/context/json';
export const ESCO_FRAMEWORK = 'http://data.europa.eu/esco/concept-scheme/skills';

type LanguageMap = Record<string, string>;
export type CtdlDocument = Record<string, unknown>;

const METHODS: Record<string, { en: string; fr: string }> = {
  EXAM_QUIZ: { en: 'exam or quiz', fr: 'examen ou quiz' },
  EMPLOYER_ASSESSMENT: { en: 'assessment by an employer', fr: 'évaluation par un employeur' },
  SIMULATION_CASE_STUDY: { en: 'simulation or case study', fr: 'simulation ou étude de cas' },
  REFLECTION: { en: 'reflection', fr: 'réflexion' },
  VIDEO: { en: 'video', fr: 'vidéo' },
  DEMONSTRATION_PRESENTATION: { en: 'demonstration or presentation', fr: 'démonstration ou présentation' },
  VIRTUAL_LAB: { en: 'virtual lab', fr: 'laboratoire virtuel' },
  WRITTEN_ASSIGNMENT: { en: 'written assignment', fr: 'travail écrit' },
  PORTFOLIO: { en: 'portfolio', fr: 'portfolio' },
};

const WORDS = {
  en: {
    requires: (competencies: number) =>
      competencies > 0
        ? `Demonstrate the ${competencies === 1 ? 'competency' : `${competencies} competencies`} listed.`
        : 'Pass the assessment.',
    assessedBy: (methods: string) => ` Assessed by: ${methods}.`,
    cost: 'Price of the credential, in Canadian dollars.',
    duration: (hours: number) => `About ${hours} hours of learning.`,
  },
  fr: {
    requires: (competencies: number) =>
      competencies > 0
        ? `Démontrer ${competencies === 1 ? 'la compétence indiquée' : `les ${competencies} compétences indiquées`}.`
        : 'Réussir l’évaluation.',
    assessedBy: (methods: string) => ` Évaluation : ${methods}.`,
    cost: 'Prix du titre, en dollars canadiens.',
    duration: (hours: number) => `Environ ${hours} heures d’apprentissage.`,
  },
};

/** The credential's stable CTDL URL (its @id): one document, at the public origin. */
export function ctdlCredentialUrl(baseUrl: string, credentialId: string): string {
  return `${baseUrl}/ctdl/credentials/${credentialId}`;
}

/** CTDL identifiers are `ce-` and a UUID; the credential's id is one. */
export function ctidOf(credentialId: string): string {
  return `ce-${credentialId.toLowerCase()}`;
}

/** An ISO 8601 duration of whole or fractional hours (`PT12H`, `PT2.5H`). */
export function isoHours(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return `PT${Number.isInteger(rounded) ? rounded.toFixed(0) : String(rounded)}H`;
}

/**
 * The CTDL document of one catalogue entry. `skills` are the ESCO concepts of the entry's skills
 * (those ESCO does not know, e.g. Skills for Success, are left out); `baseUrl` is the public origin.
 */
export function ctdlCredential(
  entry: CatalogueHit,
  skills: readonly EscoConcept[],
  baseUrl: string,
): CtdlDocument {
  const lang = entry.language === 'fr' ? 'fr' : 'en';
  const w = WORDS[lang];
  const text = (value: string): LanguageMap => ({ [lang]: value });
  const page = cataloguePageUrl(baseUrl, entry.credentialId);
  const issuer = [{ '@id': `${baseUrl}/issuers/${entry.issuerId}` }];
  const description = entry.description && /\S/.test(entry.description) ? entry.description : entry.title;

  const competencies = skills.map((skill) => ({
    '@type': 'ceterms:CredentialAlignmentObject',
    'ceterms:framework': ESCO_FRAMEWORK,
    'ceterms:frameworkName': { en: 'ESCO', fr: 'ESCO' },
    'ceterms:targetNode': skill.uri,
    ...(skill.labels.en || skill.labels.fr
      ? {
          'ceterms:targetNodeName': {
            ...(skill.labels.en ? { en: skill.labels.en } : {}),
            ...(skill.labels.fr ? { fr: skill.labels.fr } : {}),
          },
        }
      : {}),
  }));
  const methods = entry.assessmentMethods.map(
    (m) => METHODS[m]?.[lang] ?? m.toLowerCase().replace(/_/g, ' '),
  );
  const requires = {
    '@type': 'ceterms:ConditionProfile',
    'ceterms:description': text(
      w.requires(competencies.length) + (methods.length ? w.assessedBy(methods.join(', ')) : ''),
    ),
    'ceterms:subjectWebpage': page,
    ...(competencies.length ? { 'ceterms:targetCompetency': competencies } : {}),
  };

  return {
    '@context': CTDL_CONTEXT,
    '@id': ctdlCredentialUrl(baseUrl, entry.credentialId),
    '@type': 'ceterms:MicroCredential',
    'ceterms:ctid': ctidOf(entry.credentialId),
    'ceterms:name': text(entry.title),
    'ceterms:description': text(description),
    'ceterms:subjectWebpage': page,
    'ceterms:credentialStatusType': {
      '@type': 'ceterms:CredentialAlignmentObject',
      'ceterms:framework': 'https://credreg.net/ctdl/terms/CredentialStatus',
      'ceterms:targetNode': 'credentialStat:Active',
      'ceterms:targetNodeName': { en: 'Active', fr: 'Actif' },
    },
    'ceterms:inLanguage': [entry.language],
    'ceterms:dateEffective': entry.publishedAt.toISOString().slice(0, 10),
    'ceterms:ownedBy': issuer,
    'ceterms:offeredBy': issuer,
    'ceterms:requires': [requires],
    ...(entry.hours !== null && Number.isFinite(entry.hours)
      ? {
          'ceterms:estimatedDuration': [
            {
              '@type': 'ceterms:DurationProfile',
              'ceterms:exactDuration': isoHours(entry.hours),
              'ceterms:description': text(w.duration(entry.hours)),
            },
          ],
        }
      : {}),
    ...(entry.price !== null && Number.isFinite(entry.price)
      ? {
          'ceterms:estimatedCost': [
            {
              '@type': 'ceterms:CostProfile',
              'ceterms:costDetails': page,
              'ceterms:description': text(w.cost),
              'ceterms:currency': 'CAD',
              'ceterms:price': entry.price,
              'ceterms:directCostType': {
                '@type': 'ceterms:CredentialAlignmentObject',
                'ceterms:framework': 'https://credreg.net/ctdl/terms/CostType',
                'ceterms:targetNode': 'costType:AggregateCost',
                'ceterms:targetNodeName': { en: 'Aggregate Cost', fr: 'Coût total' },
              },
            },
          ],
        }
      : {}),
  };
}
