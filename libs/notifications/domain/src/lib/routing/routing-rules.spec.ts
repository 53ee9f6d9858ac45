import { DOMAIN_EVENT_TYPES, type DomainEvent, type DomainEventType } from '@lattice/shared-contracts';
import { deliveryId } from './delivery-key';
import { messageOf, notificationOf, ROUTING_RULES, ruleFor } from './routing-rules';

const event = <T extends DomainEventType>(type: T, payload: DomainEvent<T>['payload']): DomainEvent<T> => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  source: 'test',
  occurredAt: '2026-01-01T00:00:00.000Z',
  actorId: null,
  payload,
});

describe('routing rules', () => {
  it('only name event types that exist, each with text in both languages', () => {
    for (const [type, rule] of Object.entries(ROUTING_RULES)) {
      expect(DOMAIN_EVENT_TYPES).toContain(type);
      expect(Object.keys(rule!.text).sort()).toEqual(['en', 'fr']);
      for (const texts of Object.values(rule!.variants ?? {}))
        expect(Object.keys(texts).sort()).toEqual(['en', 'fr']);
    }
  });

  it('tells the umbrella admins, and its webhooks and the joiner’s, when an organization joins', () => {
    const joined = event('identity.umbrella.joined', { umbrellaId: 'u', organizationId: 'o', by: 'x' });
    const rule = ruleFor(joined.type)!;
    expect(rule.audience(joined)).toEqual([
      { kind: 'members', organizationId: 'u', roles: ['OWNER', 'ADMIN'] },
    ]);
    expect(rule.organizations(joined)).toEqual(['u', 'o']);
    expect(messageOf(joined, 'fr', { organization: 'Collège', umbrella: 'Conseil' }).title).toBe(
      'Collège s’est jointe à votre regroupement',
    );
    expect(messageOf(joined, 'en', { organization: 'College', umbrella: 'Council' }).body).toBe(
      'College is now a member of Council.',
    );
  });

  it('tells the other side of a partnership proposal, never the proposer', () => {
    const proposed = event('marketplace.partnership.proposed', {
      partnershipId: 'p',
      needId: 'n',
      needTitle: 'Mine safety',
      employerId: 'e',
      institutionId: 'i',
      proposedByOrganizationId: 'i',
      actingOrganizationId: 'i',
      message: null,
    });
    expect(ruleFor(proposed.type)!.audience(proposed)).toEqual([
      { kind: 'members', organizationId: 'e', roles: ['OWNER', 'ADMIN'] },
    ]);
  });

  it('tells the learner of an award by their e-mail, and the issuer by webhook', () => {
    const issued = event('credentials.award.issued', {
      awardId: 'a',
      credentialId: 'c',
      credentialTitle: 'Mine Safety Essentials',
      issuerId: 'i',
      recipientName: 'Léa',
      recipientEmail: 'lea@example.org',
      publicUrl: 'https://lattice.example/credentials/a',
    });
    const rule = ruleFor(issued.type)!;
    expect(rule.audience(issued)).toEqual([{ kind: 'verified-email', email: 'lea@example.org' }]);
    expect(rule.organizations(issued)).toEqual(['i']);
    expect(messageOf(issued, 'fr', {}).title).toBe('Vous avez obtenu «\u00a0Mine Safety Essentials\u00a0»');
    expect(messageOf(issued, 'en', {}).link).toBe('/public/credentials/a');
  });

  it('asks the partners for a review, and tells the issuer’s admins in the issuer’s own words', () => {
    const requested = event('credentials.design.review_requested', {
      designId: 'd',
      title: 'Mine Safety',
      issuerId: 'i',
      version: 3,
      reviewDueAt: '2026-02-01T00:00:00.000Z',
      awaiting: ['e', 'i'],
      resubmission: false,
    });
    expect(ruleFor(requested.type)!.audience(requested)).toEqual([
      { kind: 'members', organizationId: 'e', roles: ['OWNER', 'ADMIN'] },
      { kind: 'members', organizationId: 'i', roles: ['OWNER', 'ADMIN'], variant: 'issuer' },
    ]);
    expect(messageOf(requested, 'en', { issuer: 'Boreal College' }).body).toBe(
      'Boreal College asks you to review version 3 of “Mine Safety” by 2026-02-01.',
    );
    expect(messageOf(requested, 'en', { issuer: 'Boreal College' }, 'issuer').body).toBe(
      'Version 3 of “Mine Safety” is with your partners for review until 2026-02-01. As the issuer, Boreal College approves it too.',
    );
    expect(messageOf(requested, 'fr', { issuer: 'Collège Boréal' }, 'issuer').title).toBe(
      'En révision chez vos partenaires\u00a0: Mine Safety',
    );
    const partnersOnly = { ...requested, payload: { ...requested.payload, awaiting: ['e'] } };
    expect(ruleFor(requested.type)!.audience(partnersOnly)).toEqual([
      { kind: 'members', organizationId: 'e', roles: ['OWNER', 'ADMIN'] },
    ]);
  });

  it('reminds the employer’s people of a need whose date is near', () => {
    const expiring = event('marketplace.need.expiring', {
      needId: 'n',
      organizationId: 'e',
      title: 'Team leads',
      neededBy: '2026-01-08',
    });
    const rule = ruleFor(expiring.type)!;
    expect(rule.audience(expiring)).toEqual([
      { kind: 'members', organizationId: 'e', roles: ['OWNER', 'ADMIN', 'MEMBER'] },
    ]);
    expect(rule.organizations(expiring)).toEqual(['e']);
    expect(rule.channels).toEqual(['IN_APP', 'EMAIL']);
    expect(messageOf(expiring, 'en', {})).toEqual({
      title: 'Needed by 2026-01-08: Team leads',
      body: 'Your skill need “Team leads” is needed by 2026-01-08. Close it if it is filled, or give it a later date so institutions keep seeing it.',
      link: '/needs/n',
    });
    expect(messageOf(expiring, 'fr', {}).title).toBe('Requis d’ici le 2026-01-08\u00a0: Team leads');
  });

  it('skips an organization being un-verified', () => {
    const unverified = event('identity.organization.verified', {
      organizationId: 'o',
      verified: false,
      by: 'x',
    });
    expect(ruleFor(unverified.type)!.when!(unverified)).toBe(false);
  });
});

describe('deliveryId', () => {
  it('is a stable UUID per (event, recipient, channel)', () => {
    const a = deliveryId('e', 'r', 'EMAIL');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deliveryId('e', 'r', 'EMAIL')).toBe(a);
    expect(deliveryId('e', 'r', 'IN_APP')).not.toBe(a);
    expect(deliveryId('e2', 'r', 'EMAIL')).not.toBe(a);
  });

  it('keeps each notification as a code and the parameters its text uses, never other payload fields', () => {
    const review = event('credentials.design.review_requested', {
      designId: 'd',
      issuerId: 'i',
      title: 'Blasting',
      version: 3,
      reviewDueAt: '2026-02-01T00:00:00.000Z',
      awaiting: ['p', 'i'],
      resubmission: false,
    });
    expect(notificationOf(review, { issuer: 'Collège' })).toEqual({
      code: 'CREDENTIALS_DESIGN_REVIEW_REQUESTED',
      params: { title: 'Blasting', version: 3, reviewDueAt: '2026-02-01T00:00:00.000Z', issuer: 'Collège' },
    });
    expect(notificationOf(review, { issuer: 'Collège' }, 'issuer').code).toBe(
      'CREDENTIALS_DESIGN_REVIEW_REQUESTED_ISSUER',
    );
    expect(notificationOf(review, {}, 'unknown').code).toBe('CREDENTIALS_DESIGN_REVIEW_REQUESTED');
  });
});
