// Every message file under i18n/en/ as one chunk, loaded when the app runs in this language.
import { byNamespace } from './namespaces';

export default byNamespace(import.meta.glob<{ default: Record<string, unknown> }>('./en/*.json', { eager: true }));
