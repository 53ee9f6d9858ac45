// E-mail bodies in the recipient's language, with a plain-text part and a small HTML part.
import type { Locale, Message } from '../routing/routing-rules';

const FOOTER: Record<Locale, (settingsUrl: string) => string> = {
  en: (url) => `You receive this because of your Lattice notification preferences. Change them at ${url}`,
  fr: (url) =>
    `Vous recevez ce message selon vos préférences de notification Lattice. Modifiez-les sur ${url}`,
};
const GREETING: Record<Locale, (name: string) => string> = {
  en: (name) => `Hello ${name},`,
  fr: (name) => `Bonjour ${name},`,
};
const DIGEST_SUBJECT: Record<Locale, (count: number) => string> = {
  en: (count) => `Your Lattice digest: ${count} update${count === 1 ? '' : 's'}`,
  fr: (count) => `Votre résumé Lattice : ${count} nouveauté${count === 1 ? '' : 's'}`,
};

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function absolute(link: string | null, base: string): string | null {
  return link ? new URL(link, base).toString() : null;
}

export function renderMessageMail(
  message: Message,
  locale: Locale,
  recipientName: string,
  publicBaseUrl: string,
): RenderedMail {
  const link = absolute(message.link, publicBaseUrl);
  const settings = new URL('/inbox/preferences', publicBaseUrl).toString();
  const text = [
    GREETING[locale](recipientName),
    '',
    message.body,
    ...(link ? ['', link] : []),
    '',
    '—',
    FOOTER[locale](settings),
  ].join('\n');
  const html = [
    `<p>${escapeHtml(GREETING[locale](recipientName))}</p>`,
    `<p>${escapeHtml(message.body)}</p>`,
    link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : '',
    `<p style="color:#666;font-size:12px">${escapeHtml(FOOTER[locale](settings))}</p>`,
  ].join('\n');
  return { subject: message.title, text, html };
}

export function renderDigestMail(
  messages: readonly Message[],
  locale: Locale,
  recipientName: string,
  publicBaseUrl: string,
): RenderedMail {
  const settings = new URL('/inbox/preferences', publicBaseUrl).toString();
  const items = messages.map(
    (m) => `• ${m.title}\n  ${m.body}${m.link ? `\n  ${absolute(m.link, publicBaseUrl)}` : ''}`,
  );
  const text = [GREETING[locale](recipientName), '', ...items, '', '—', FOOTER[locale](settings)].join('\n');
  const html = [
    `<p>${escapeHtml(GREETING[locale](recipientName))}</p>`,
    '<ul>',
    ...messages.map((m) => `<li><strong>${escapeHtml(m.title)}</strong><br>${escapeHtml(m.body)}</li>`),
    '</ul>',
    `<p style="color:#666;font-size:12px">${escapeHtml(FOOTER[locale](settings))}</p>`,
  ].join('\n');
  return { subject: DIGEST_SUBJECT[locale](messages.length), text, html };
}

/** `<id@domain>` with the domain of the From address, so Message-IDs are ours and stable. */
export function messageIdFor(id: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'lattice.local';
  return `<${id}@${domain}>`;
}
