import { initialStatus, type StoredPreference } from '@lattice/notifications-domain';
import { validate } from './preferences.service';

describe('initialStatus', () => {
  const type = 'identity.umbrella.joined';
  it('defaults to in-app and immediate e-mail', () => {
    expect(initialStatus([], type, 'IN_APP')).toBe('PENDING');
    expect(initialStatus([], type, 'EMAIL')).toBe('PENDING');
  });
  it('prefers the event type over "*", and batches or drops e-mail by mode', () => {
    const prefs: StoredPreference[] = [
      { eventType: '*', channel: 'EMAIL', enabled: true, emailMode: 'DAILY_DIGEST' },
      { eventType: type, channel: 'IN_APP', enabled: false, emailMode: null },
    ];
    expect(initialStatus(prefs, type, 'EMAIL')).toBe('DIGEST');
    expect(initialStatus(prefs, type, 'IN_APP')).toBe('SKIPPED');
    expect(
      initialStatus(
        [...prefs, { eventType: type, channel: 'EMAIL', enabled: false, emailMode: 'OFF' }],
        type,
        'EMAIL',
      ),
    ).toBe('SKIPPED');
    expect(initialStatus(prefs, 'identity.organization.verified', 'IN_APP')).toBe('PENDING');
  });
});

describe('validate preferences', () => {
  it('normalizes e-mail: enabled follows the mode', () => {
    expect(validate([{ eventType: '*', channel: 'EMAIL', emailMode: 'DAILY_DIGEST' }])).toEqual([
      { eventType: '*', channel: 'EMAIL', enabled: true, emailMode: 'DAILY_DIGEST' },
    ]);
    expect(validate([{ eventType: 'identity.umbrella.joined', channel: 'EMAIL', enabled: false }])).toEqual([
      { eventType: 'identity.umbrella.joined', channel: 'EMAIL', enabled: false, emailMode: 'OFF' },
    ]);
  });
  it.each([
    [[{ eventType: 'nope', channel: 'EMAIL', enabled: true }], 'NOTIFICATIONS.UNKNOWN_EVENT_TYPE'],
    [[{ eventType: '*', channel: 'SMS', enabled: true }], 'NOTIFICATIONS.UNKNOWN_CHANNEL'],
    [[{ eventType: '*', channel: 'WEBHOOK', enabled: true }], 'NOTIFICATIONS.UNKNOWN_CHANNEL'],
    [
      [{ eventType: '*', channel: 'IN_APP', emailMode: 'OFF', enabled: true }],
      'NOTIFICATIONS.INVALID_PREFERENCE',
    ],
    [
      [{ eventType: '*', channel: 'EMAIL', emailMode: 'OFF', enabled: true }],
      'NOTIFICATIONS.INVALID_PREFERENCE',
    ],
    [
      [
        { eventType: '*', channel: 'IN_APP', enabled: true },
        { eventType: '*', channel: 'IN_APP', enabled: false },
      ],
      'NOTIFICATIONS.INVALID_PREFERENCE',
    ],
    [[], 'NOTIFICATIONS.INVALID_PREFERENCE'],
  ])('refuses %j with %s', (input, code) => {
    expect(() => validate(input)).toThrow(expect.objectContaining({ code, category: 'BAD_USER_INPUT' }));
  });
});
