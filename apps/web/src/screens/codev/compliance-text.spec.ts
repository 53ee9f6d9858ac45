import i18next from 'i18next';
import en from '../../i18n/en/codev.json';
import fr from '../../i18n/fr/codev.json';
import { reasonText, ruleLabel } from './compliance-text';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

async function translator(lng: 'en' | 'fr') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { codev: en }, fr: { codev: fr } },
    defaultNS: 'codev',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const methods = {
  reason: 'Type of assessment: assessment.methods has 0; it needs at least 1',
  details: [{ code: 'COUNT_OUT_OF_RANGE', params: { field: 'assessment.methods', count: 0, min: 1 } }],
};

describe('compliance reasons in the reader’s language', () => {
  it('words a reason from its codes with the form’s labels, not field paths', async () => {
    const t = await translator('en');
    expect(reasonText(t, methods, 'en')).toBe('Assessment methods: 0; at least 1 needed');
    expect(
      reasonText(
        t,
        {
          reason: '',
          details: [
            { code: 'OUT_OF_RANGE', params: { field: 'credits', value: 4.5, min: 5, max: 40 } },
            { code: 'MISSING', params: { field: 'evidenceOfNeed' } },
          ],
        },
        'en',
      ),
    ).toBe('Credits is 4.5; it must be at least 5 and at most 40; Evidence of need is missing');
    expect(
      reasonText(
        t,
        {
          reason: '',
          details: [
            {
              code: 'NOT_EQUAL',
              params: { field: 'assessment.evidenceVisibleToEmployers', value: null, expected: true },
            },
          ],
        },
        'en',
      ),
    ).toBe('Evidence visible to employers must be “yes” (it is “not set”)');
  });

  it('writes French with its typography: a no-break space before ":" and a narrow one before ";"', async () => {
    const t = await translator('fr');
    expect(reasonText(t, methods, 'fr')).toBe(
      `Méthodes d’évaluation${NBSP}: 0${NNBSP}; il en faut au moins 1`,
    );
    expect(
      reasonText(
        t,
        { reason: '', details: [{ code: 'OUT_OF_RANGE', params: { field: 'credits', value: 4.5, min: 5 } }] },
        'fr',
      ),
    ).toBe(`Crédits${NBSP}: 4,5${NNBSP}; il faut au moins 5`);
    expect(ruleLabel(t, 'eu-council-2022', { id: 'assessment-type', label: 'Type of assessment' })).toBe(
      'Type d’évaluation',
    );
    expect(ruleLabel(t, 'someone-elses', { id: 'x', label: 'As the framework states it' })).toBe(
      'As the framework states it',
    );
  });

  it('falls back to the English reason for a code it does not know, or when there are no parts', async () => {
    const t = await translator('fr');
    expect(
      reasonText(t, { reason: 'English reason', details: [{ code: 'SOMETHING_NEW', params: {} }] }, 'fr'),
    ).toBe('English reason');
    expect(reasonText(t, { reason: 'English reason', details: [] }, 'fr')).toBe('English reason');
  });
});
