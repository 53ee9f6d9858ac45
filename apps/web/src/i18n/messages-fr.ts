// Every message file under i18n/fr/ as one chunk, loaded when the app runs in this language.
import { byNamespace } from './namespaces';

export default byNamespace(import.meta.glob<{ default: Record<string, unknown> }>('./fr/*.json', { eager: true }));
