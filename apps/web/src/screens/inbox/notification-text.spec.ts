import i18next from 'i18next';
import en from '../../i18n/en/inbox.json';
import fr from '../../i18n/fr/inbox.json';
import { notificationText } from './notification-text';

async function translator(lng: 'en' | 'fr') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { inbox: en }, fr: { inbox: fr } },
    defaultNS: 'inbox',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('notifications in the reader’s language', () => {
  it('words each notification from its code and parameters, with French typography', async () => {
    const t = await translator('fr');
    const review = {
      title: 'Review requested: Blasting',
      body: 'x',
      code: 'CREDENTIALS_DESIGN_REVIEW_REQUESTED',
      params: {
        title: 'Dynamitage',
        version: 3,
        reviewDueAt: '2026-02-01T12:00:00.000Z',
        issuer: 'Collège Boréal',
      },
    };
    expect(notificationText(t, review, 'fr')).toEqual({
      title: `Révision demandée${NBSP}: Dynamitage`,
      body: `Collège Boréal vous demande de réviser la version 3 de «${NBSP}Dynamitage${NBSP}» d’ici le 1 février 2026.`,
    });
    const proposed = {
      title: 'x',
      body: 'x',
      code: 'MARKETPLACE_PARTNERSHIP_PROPOSED',
      params: { proposer: 'Vale', needTitle: 'Sécurité', message: 'Parlons-en' },
    };
    expect(notificationText(t, proposed, 'fr').body).toBe(
      `Vale propose un partenariat pour «${NBSP}Sécurité${NBSP}». Message${NBSP}: Parlons-en Acceptez-le ou refusez-le dans Lattice.`,
    );
    expect(
      notificationText(
        t,
        {
          title: 'x',
          body: 'x',
          code: 'EVIDENCE_FEEDBACK_REQUESTED',
          params: { credentialTitle: 'Soudage', reminder: true },
        },
        'fr',
      ).title,
    ).toBe(`Rappel${NBSP}: «${NBSP}Soudage${NBSP}» vous est-il utile${NNBSP}?`);
    expect(
      notificationText(
        t,
        {
          title: 'x',
          body: 'x',
          code: 'IDENTITY_INVITATION_CREATED',
          params: { organizationName: 'Nord', role: 'ADMIN' },
        },
        'fr',
      ).body,
    ).toContain(`(rôle${NBSP}: administrateur·rice)`);
    const english = await translator('en');
    expect(
      notificationText(english, { ...proposed, params: { proposer: 'Vale', needTitle: 'Safety' } }, 'en')
        .body,
    ).toBe('Vale proposes to partner on “Safety”. Accept or decline it in Lattice.');
    expect(
      notificationText(
        english,
        {
          title: 'x',
          body: 'x',
          code: 'MARKETPLACE_NEED_EXPIRING',
          params: { title: 'Welders', neededBy: '2026-03-04' },
        },
        'en',
      ).title,
    ).toBe('Needed by March 4, 2026: Welders');
  });

  it('keeps the stored text of a notification without a code (delivered before codes) or with one it does not know', async () => {
    const t = await translator('fr');
    expect(
      notificationText(t, { title: 'Old title', body: 'Old body', code: null, params: null }, 'fr'),
    ).toEqual({ title: 'Old title', body: 'Old body' });
    expect(
      notificationText(t, { title: 'New', body: 'Thing', code: 'SOMETHING_NEW', params: {} }, 'fr'),
    ).toEqual({ title: 'New', body: 'Thing' });
  });

  it('has every code in both languages with the same parameters', () => {
    expect(Object.keys(fr.notifications).sort()).toEqual(Object.keys(en.notifications).sort());
    const names = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [code, text] of Object.entries(en.notifications)) {
      const french = fr.notifications[code as keyof typeof fr.notifications];
      expect([code, names(french.title), names(french.body)]).toEqual([
        code,
        names(text.title),
        names(text.body),
      ]);
    }
  });
});
