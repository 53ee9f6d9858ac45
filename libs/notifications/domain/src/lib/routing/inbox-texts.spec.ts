// The inbox's words live twice by design: here (the stored title/body and e-mails, EN/FR) and in
// the web app's message files, which render each inbox row from its code and parameters in the
// reader's language. This keeps the two in step: every code an in-app notification can carry has
// its words in the app in both languages, the app words no code the server no longer sends, and
// every parameter the app's words name is one the server stores for that code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainEvent } from '@lattice/shared-contracts';
import { messageOf, notificationOf, ROUTING_RULES, type RoutingRule } from './routing-rules';

type Texts = Record<string, { title: string; body: string }>;
const inbox = (language: 'en' | 'fr'): Texts =>
  (
    JSON.parse(
      readFileSync(join(__dirname, '../../../../../../apps/web/src/i18n', language, 'inbox.json'), 'utf8'),
    ) as { notifications: Texts }
  ).notifications;

/** An event of the type whose every payload field reads as a string, so names() returns its keys. */
const anyEvent = (type: string): DomainEvent =>
  ({
    id: '00000000-0000-4000-8000-000000000000',
    type,
    occurredAt: '2026-01-01T00:00:00.000Z',
    payload: new Proxy({}, { get: () => 'x' }),
  }) as unknown as DomainEvent;

/** Words the app derives from a stored parameter rather than reading it as is (notification-text.ts). */
const DERIVED: Record<string, string> = { said: 'message', field: 'field' };

const inApp = Object.entries(ROUTING_RULES as Record<string, RoutingRule<never>>).filter(([, rule]) =>
  rule.channels.includes('IN_APP'),
);
const codesOf = (type: string, rule: RoutingRule<never>) =>
  [undefined, ...Object.keys(rule.variants ?? {})].map(
    (variant) => notificationOf(anyEvent(type), {}, variant).code,
  );

describe('inbox texts: the server’s codes and the web app’s words', () => {
  it('has words in English and French for every code an in-app notification can carry, and none for codes it cannot', () => {
    const sent = inApp.flatMap(([type, rule]) => codesOf(type, rule)).sort();
    expect(sent.length).toBeGreaterThan(20);
    expect(Object.keys(inbox('en')).sort()).toEqual(sent);
    expect(Object.keys(inbox('fr')).sort()).toEqual(sent);
  });

  it('names in the app’s words only parameters the server stores for that code', () => {
    const en = inbox('en');
    for (const [type, rule] of inApp) {
      const names = Object.keys(
        (rule.names as ((e: DomainEvent) => Record<string, string>) | undefined)?.(anyEvent(type)) ?? {},
      );
      const stored = new Set<string>([...(rule.fields ?? []), ...names]);
      for (const code of codesOf(type, rule)) {
        const words = `${en[code]?.title ?? ''} ${en[code]?.body ?? ''}`;
        const used = [...words.matchAll(/{{(\w+)}}/g)].map((m) => m[1]!);
        const missing = used.filter((name) => !stored.has(DERIVED[name] ?? name));
        expect([code, missing]).toEqual([code, []]);
      }
    }
  });

  it('writes French punctuation as the app does: no-break spaces before : and inside « », narrow ones before ; ! ?', () => {
    const names = new Proxy({}, { get: () => 'Nom' }) as Record<string, string>;
    const wrong: string[] = [];
    let checked = 0;
    for (const [type, rule] of Object.entries(ROUTING_RULES as Record<string, RoutingRule<never>>)) {
      for (const variant of [undefined, ...Object.keys(rule.variants ?? {})]) {
        const message = messageOf(anyEvent(type), 'fr', names, variant);
        checked++;
        for (const text of [message.title, message.body])
          if (/ [:;!?»]|« |[^\u202f][;!?](\s|$)/.test(text))
            wrong.push(`${type}${variant ? `:${variant}` : ''}: ${text}`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });
});
