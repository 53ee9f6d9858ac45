import i18next from 'i18next';
import en from '../../../i18n/en/marketplace.json';
import fr from '../../../i18n/fr/marketplace.json';
import { matchReasonText } from './reason-text';

async function translator(lng: 'en' | 'fr') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { marketplace: en }, fr: { marketplace: fr } },
    defaultNS: 'marketplace',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('match reasons in the reader’s language', () => {
  it('words each reason from its code and parameters', async () => {
    const t = await translator('fr');
    expect(
      matchReasonText(
        t,
        {
          detail: 'x',
          code: 'TEACHES_SKILLS',
          params: { taught: 1, needed: 2, credit: 1.5, skills: ['travailler en équipe'] },
        },
        'fr',
      ),
    ).toBe(
      'Enseigne 1 des 2 compétences demandées\u00a0: travailler en équipe (crédit pondéré par niveau 1,5)',
    );
    expect(
      matchReasonText(
        t,
        { detail: 'x', code: 'DOES_NOT_SERVE_REGION', params: { region: 'Grand Sudbury' } },
        'fr',
      ),
    ).toBe('Ne dessert pas la région Grand Sudbury');
    expect(
      matchReasonText(t, { detail: 'x', code: 'CAPACITY', params: { capacity: 1000, learners: 20 } }, 'fr'),
    ).toBe('Capacité annuelle de 1\u202f000 pour 20 apprenants');
    const english = await translator('en');
    expect(
      matchReasonText(
        english,
        { detail: 'x', code: 'DAYS_UNTIL_NEEDED', params: { days: 30, leadDays: 120 } },
        'en',
      ),
    ).toBe('30 days until needed; co-development takes about 120');
    expect(matchReasonText(english, { detail: 'x', code: 'SERVES_REGION', params: {} }, 'en')).toBe(
      'Serves the need’s region',
    );
  });

  it('keeps the English detail of a reason without a code (a ranking cached before codes) or with one it does not know', async () => {
    const t = await translator('fr');
    expect(matchReasonText(t, { detail: 'Serves Greater Sudbury', code: null, params: null }, 'fr')).toBe(
      'Serves Greater Sudbury',
    );
    expect(matchReasonText(t, { detail: 'Something new', code: 'NEW_CODE', params: {} }, 'fr')).toBe(
      'Something new',
    );
  });
});
