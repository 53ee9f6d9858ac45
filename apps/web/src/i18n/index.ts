// i18next with every message file under i18n/<lang>/<area>.json as namespace <area>: adding an
// area's messages is adding two files, no edit here. Each file is its own chunk, fetched when a
// screen asks for its namespace (useTranslation('<area>') suspends until then; the shell's
// Suspense shows "Loading…"): the first page loads only the messages it shows. `common` and
// `errors` load before the app renders (`i18nReady`). The choice of language is kept in
// localStorage and mirrored on <html lang>.
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'lattice.language';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json');

/** Reads ./<lang>/<namespace>.json, one chunk each. */
const messages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = files[`./${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLanguage(lang: Language): Promise<unknown> {
  localStorage.setItem(STORAGE_KEY, lang);
  return i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

/** Resolves once the `common` and `errors` messages of the language in use are loaded: render after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(messages)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: ['common', 'errors'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
  .then(() => {
    document.documentElement.lang = i18n.language;
  });

export default i18n;
