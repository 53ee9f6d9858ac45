// Notification texts in the recipient's language.
type Locale = 'en' | 'fr';
type Params = Record<string, string>;
interface Message {
  title: string;
  body: string;
  link: string | null;
}

const MESSAGES: Record<string, Record<Locale, (p: Params) => Message>> = {
  'identity.invitation.created': {
    en: (p) => ({ title: `Invitation to join ${p['organization']}`, body: `You have been invited to join ${p['organization']} as ${p['role']?.toLowerCase()}. Open the invitation link from your e-mail to accept.`, link: null }),
    fr: (p) => ({ title: `Invitation à rejoindre ${p['organization']}`, body: `Vous êtes invité·e à rejoindre ${p['organization']} (rôle : ${p['role']?.toLowerCase()}). Ouvrez le lien d’invitation reçu par courriel pour accepter.`, link: null }),
  },
  'identity.organization.verified': {
    en: (p) => ({ title: `${p['organization']} is verified`, body: `A Lattice operator has verified ${p['organization']}. Partners now see it as verified.`, link: null }),
    fr: (p) => ({ title: `${p['organization']} est vérifiée`, body: `Un opérateur de Lattice a vérifié ${p['organization']}. Les partenaires la voient désormais comme vérifiée.`, link: null }),
  },
  'identity.umbrella.joined': {
    en: (p) => ({ title: `${p['organization']} joined your umbrella`, body: `${p['organization']} is now a member of your organization.`, link: null }),
    fr: (p) => ({ title: `${p['organization']} s’est jointe à votre regroupement`, body: `${p['organization']} est maintenant membre de votre organisation.`, link: null }),
  },
};

export function messageFor(type: string, locale: string, params: Params): Message {
  const templates = MESSAGES[type];
  if (!templates) throw new Error(`no message for ${type}`);
  return templates[locale === 'fr' ? 'fr' : 'en'](params);
}
