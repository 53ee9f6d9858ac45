// i18next with every message file under i18n/<lang>/<area>.json as namespace <area>: adding an
// area's messages is adding two files, no edit here. Only the language in use is loaded (one chunk
// per language, messages-<lang>.ts), before the app renders (`i18nReady`) and on a switch. The
// choice of language is kept in localStorage and mirrored on <html lang>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './namespaces';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'lattice.language';

const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  en: () => import('./messages-en'),
  fr: () => import('./messages-fr'),
};

async function loadLanguage(lang: Language): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'common')) return;
  const { default: messages } = await loaders[lang]();
  for (const [area, resources] of Object.entries(messages)) i18n.addResourceBundle(lang, area, resources, true, true);
}

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export async function setLanguage(lang: Language): Promise<unknown> {
  localStorage.setItem(STORAGE_KEY, lang);
  await loadLanguage(lang);
  return i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

/** Resolves once the messages of the language in use are loaded: render after it. */
export const i18nReady: Promise<unknown> = (async () => {
  const lng = initialLanguage();
  await i18n.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  await loadLanguage(lng);
  document.documentElement.lang = i18n.language;
  // English is the fallback of missing French messages: fetched after the first render's.
  if (lng !== 'en') void loadLanguage('en');
})();

export default i18n;
