// Who hears of each event, on which channels, in which words. One declaration per event type:
// a new event (marketplace, credentials …) is heard by adding its entry here — the worker already
// receives every event type, and types without a rule only keep the directory current.
import type { DomainEvent, DomainEventType, Role } from '@lattice/shared-contracts';

export const CHANNELS = ['IN_APP', 'EMAIL', 'WEBHOOK'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a person chooses for themselves; webhooks belong to organizations. */
export type PersonChannel = Exclude<Channel, 'WEBHOOK'>;
export const PERSON_CHANNELS: readonly PersonChannel[] = ['IN_APP', 'EMAIL'];
export type Locale = 'en' | 'fr';

/**
 * Who is told, resolved from the directory when the event is routed (never from the event's sender).
 * `variant` names the rule's `variants` wording these people get instead of its default `text`.
 */
export type Audience = (
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'email'; readonly email: string }
  /** The account at this address only once its owner proved the address (anyone can sign up with any address). */
  | { readonly kind: 'verified-email'; readonly email: string }
  /**
   * An address: its account when it has one, else an e-mail to the address itself (an invitee
   * without an account), in `locale` when the event states the addressee's language.
   */
  | { readonly kind: 'address'; readonly email: string; readonly locale?: string }
  | { readonly kind: 'members'; readonly organizationId: string; readonly roles: readonly Role[] }
  /** The owners and admins of every umbrella the organization belongs to. */
  | { readonly kind: 'umbrella-admins'; readonly organizationId: string }
) & { readonly variant?: string };

export interface Message {
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
}

/** Organization names the text needs, looked up in the directory: { param: organizationId }. */
type NameRefs = Record<string, string>;

export interface RoutingRule<T extends DomainEventType> {
  /** Skip the event entirely when false (e.g. an organization un-verified). */
  readonly when?: (event: DomainEvent<T>) => boolean;
  readonly audience: (event: DomainEvent<T>) => readonly Audience[];
  /** Organizations whose webhook subscriptions hear the event. */
  readonly organizations: (event: DomainEvent<T>) => readonly string[];
  /** Channels a person gets unless their preferences say otherwise. */
  readonly channels: readonly PersonChannel[];
  /** The person who caused the event is not told of it, unless this is true. */
  readonly tellActor?: boolean;
  readonly names?: (event: DomainEvent<T>) => NameRefs;
  /**
   * Payload fields the text uses: with the names, the parameters the inbox keeps beside its
   * English/French text so the app words the notification in the reader's language (see notificationOf).
   */
  readonly fields?: ReadonlyArray<keyof DomainEvent<T>['payload'] & string>;
  readonly text: Texts<T>;
  /** Other wordings for some of the audience (see Audience.variant). */
  readonly variants?: Record<string, Texts<T>>;
}

type Texts<T extends DomainEventType> = Record<
  Locale,
  (event: DomainEvent<T>, names: Record<string, string>) => Message
>;

export type RoutingRules = { readonly [T in DomainEventType]?: RoutingRule<T> };

const ADMINS: readonly Role[] = ['OWNER', 'ADMIN'];
const EVERYONE: readonly Role[] = ['OWNER', 'ADMIN', 'MEMBER'];
const PEOPLE: readonly PersonChannel[] = ['IN_APP', 'EMAIL'];
const adminsOf = (...organizationIds: string[]): Audience[] =>
  organizationIds.map((organizationId) => ({ kind: 'members', organizationId, roles: ADMINS }));
const membersOf = (...organizationIds: string[]): Audience[] =>
  organizationIds.map((organizationId) => ({ kind: 'members', organizationId, roles: EVERYONE }));
/** The partnership's other side from the organization that acted. */
const otherSide = (p: { employerId: string; institutionId: string }, acting: string) =>
  acting === p.employerId ? p.institutionId : p.employerId;
const webhookOnly = {
  audience: () => [],
  channels: [],
  text: { en: () => ({ title: '', body: '', link: null }), fr: () => ({ title: '', body: '', link: null }) },
} as const;

export const ROUTING_RULES: RoutingRules = {
  'identity.email_verification.requested': {
    // Only by e-mail (the point is to prove the mailbox), to the person who asked, with the link opened from its sealed form.
    audience: (e) => [{ kind: 'address', email: e.payload.email, locale: e.payload.locale }],
    organizations: () => [],
    channels: ['EMAIL'],
    tellActor: true,
    fields: ['email', 'expiresAt'],
    text: {
      en: ({ payload: p }, n) => ({
        title: 'Confirm your e-mail address',
        body: `Open the link to confirm that ${p.email} is yours. It works once, until ${p.expiresAt.slice(0, 10)}. If you did not sign up for Lattice, ignore this e-mail.`,
        link: n['verifyUrl'] ?? null,
      }),
      fr: ({ payload: p }, n) => ({
        title: 'Confirmez votre adresse courriel',
        body: `Ouvrez le lien pour confirmer que ${p.email} est bien à vous. Il fonctionne une seule fois, jusqu’au ${p.expiresAt.slice(0, 10)}. Si vous ne vous êtes pas inscrit·e à Lattice, ignorez ce courriel.`,
        link: n['verifyUrl'] ?? null,
      }),
    },
  },
  'identity.password_reset.requested': {
    // Only by e-mail, to the account's address, with the link opened from its sealed form.
    audience: (e) => [{ kind: 'address', email: e.payload.email, locale: e.payload.locale }],
    organizations: () => [],
    channels: ['EMAIL'],
    tellActor: true,
    fields: ['email'],
    text: {
      en: ({ payload: p }, n) => ({
        title: 'Reset your Lattice password',
        body: `Open the link to choose a new password for ${p.email}. It works once, for 30 minutes. If you did not ask for this, ignore this e-mail: your password stays as it is.`,
        link: n['resetUrl'] ?? null,
      }),
      fr: ({ payload: p }, n) => ({
        title: 'Réinitialisez votre mot de passe Lattice',
        body: `Ouvrez le lien pour choisir un nouveau mot de passe pour ${p.email}. Il fonctionne une seule fois, pendant 30 minutes. Si vous n’avez rien demandé, ignorez ce courriel : votre mot de passe ne change pas.`,
        link: n['resetUrl'] ?? null,
      }),
    },
  },
  'identity.password.changed': {
    // A security notice to the account's address, so a change the person did not make is noticed.
    audience: (e) => [{ kind: 'address', email: e.payload.email, locale: e.payload.locale }],
    organizations: () => [],
    channels: ['EMAIL'],
    tellActor: true,
    fields: ['email', 'via'],
    text: {
      en: ({ payload: p }) => ({
        title: 'Your Lattice password was changed',
        body: `The password of ${p.email} was ${p.via === 'RESET' ? 'reset with a link sent to this address' : 'changed'}, and every session was signed out. If this was not you, reset your password now and tell your organization's administrator.`,
        link: null,
      }),
      fr: ({ payload: p }) => ({
        title: 'Votre mot de passe Lattice a été changé',
        body: `Le mot de passe de ${p.email} a été ${p.via === 'RESET' ? 'réinitialisé par un lien envoyé à cette adresse' : 'changé'}, et toutes les sessions ont été fermées. Si ce n’était pas vous, réinitialisez votre mot de passe maintenant et prévenez l’administrateur de votre organisation.`,
        link: null,
      }),
    },
  },
  'identity.invitation.created': {
    // The e-mail carries the accept link (opened from the event's sealed link as `acceptUrl`); the inbox never does.
    audience: (e) => [{ kind: 'address', email: e.payload.email }],
    organizations: (e) => [e.payload.organizationId],
    channels: PEOPLE,
    fields: ['organizationName', 'role'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `Invitation to join ${p.organizationName}`,
        body: `You have been invited to join ${p.organizationName} as ${p.role.toLowerCase()}. Open the invitation link from your e-mail to accept.`,
        link: n['acceptUrl'] ?? null,
      }),
      fr: ({ payload: p }, n) => ({
        title: `Invitation à rejoindre ${p.organizationName}`,
        body: `Vous êtes invité·e à rejoindre ${p.organizationName} (rôle : ${p.role.toLowerCase()}). Ouvrez le lien d’invitation reçu par courriel pour accepter.`,
        link: n['acceptUrl'] ?? null,
      }),
    },
  },
  'identity.organization.verified': {
    when: (e) => e.payload.verified,
    audience: (e) => [{ kind: 'members', organizationId: e.payload.organizationId, roles: ADMINS }],
    organizations: (e) => [e.payload.organizationId],
    channels: PEOPLE,
    names: (e) => ({ organization: e.payload.organizationId }),
    text: {
      en: (_e, n) => ({
        title: `${n['organization']} is verified`,
        body: `A Lattice operator has verified ${n['organization']}. Partners now see it as verified.`,
        link: null,
      }),
      fr: (_e, n) => ({
        title: `${n['organization']} est vérifiée`,
        body: `Un opérateur de Lattice a vérifié ${n['organization']}. Les partenaires la voient désormais comme vérifiée.`,
        link: null,
      }),
    },
  },
  'identity.umbrella.joined': {
    audience: (e) => [{ kind: 'members', organizationId: e.payload.umbrellaId, roles: ADMINS }],
    organizations: (e) => [e.payload.umbrellaId, e.payload.organizationId],
    channels: PEOPLE,
    names: (e) => ({ organization: e.payload.organizationId, umbrella: e.payload.umbrellaId }),
    text: {
      en: (_e, n) => ({
        title: `${n['organization']} joined your umbrella`,
        body: `${n['organization']} is now a member of ${n['umbrella']}.`,
        link: null,
      }),
      fr: (_e, n) => ({
        title: `${n['organization']} s’est jointe à votre regroupement`,
        body: `${n['organization']} est maintenant membre de ${n['umbrella']}.`,
        link: null,
      }),
    },
  },
  'identity.umbrella.join_requested': {
    audience: (e) => [{ kind: 'members', organizationId: e.payload.umbrellaId, roles: ADMINS }],
    organizations: (e) => [e.payload.umbrellaId],
    channels: PEOPLE,
    names: (e) => ({ organization: e.payload.organizationId, umbrella: e.payload.umbrellaId }),
    text: {
      en: (_e, n) => ({
        title: `${n['organization']} asks to join ${n['umbrella']}`,
        body: `${n['organization']} asked to become a member of ${n['umbrella']}. An owner or admin of ${n['umbrella']} accepts or declines the request; until then it shares nothing.`,
        link: null,
      }),
      fr: (_e, n) => ({
        title: `${n['organization']} demande à rejoindre ${n['umbrella']}`,
        body: `${n['organization']} a demandé à devenir membre de ${n['umbrella']}. Un·e propriétaire ou administrateur·rice de ${n['umbrella']} accepte ou refuse la demande ; d’ici là, rien n’est partagé.`,
        link: null,
      }),
    },
  },
  'identity.umbrella.join_declined': {
    audience: (e) => [{ kind: 'members', organizationId: e.payload.organizationId, roles: ADMINS }],
    organizations: (e) => [e.payload.organizationId],
    channels: PEOPLE,
    names: (e) => ({ organization: e.payload.organizationId, umbrella: e.payload.umbrellaId }),
    text: {
      en: (_e, n) => ({
        title: `${n['umbrella']} declined the request to join`,
        body: `${n['umbrella']} declined ${n['organization']}’s request to become a member.`,
        link: null,
      }),
      fr: (_e, n) => ({
        title: `${n['umbrella']} a refusé la demande d’adhésion`,
        body: `${n['umbrella']} a refusé la demande d’adhésion de ${n['organization']}.`,
        link: null,
      }),
    },
  },
  'identity.umbrella.member_removed': {
    audience: (e) => [{ kind: 'members', organizationId: e.payload.organizationId, roles: ADMINS }],
    organizations: (e) => [e.payload.umbrellaId, e.payload.organizationId],
    channels: PEOPLE,
    names: (e) => ({ organization: e.payload.organizationId, umbrella: e.payload.umbrellaId }),
    text: {
      en: (_e, n) => ({
        title: `${n['organization']} is no longer a member of ${n['umbrella']}`,
        body: `An admin of ${n['umbrella']} removed ${n['organization']} from its members. Credentials already adopted stay adopted; new adoptions through ${n['umbrella']} are refused.`,
        link: null,
      }),
      fr: (_e, n) => ({
        title: `${n['organization']} n’est plus membre de ${n['umbrella']}`,
        body: `Un·e administrateur·rice de ${n['umbrella']} a retiré ${n['organization']} de ses membres. Les titres déjà adoptés le restent ; les nouvelles adoptions par ${n['umbrella']} sont refusées.`,
        link: null,
      }),
    },
  },
  'identity.membership.role_changed': {
    audience: (e) => [{ kind: 'user', userId: e.payload.userId }],
    organizations: (e) => [e.payload.organizationId],
    channels: PEOPLE,
    names: (e) => ({ organization: e.payload.organizationId }),
    fields: ['role', 'previousRole'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `Your role in ${n['organization']} changed`,
        body: `You are now ${p.role.toLowerCase()} of ${n['organization']} (before: ${p.previousRole.toLowerCase()}). Log in again if a page refuses you.`,
        link: null,
      }),
      fr: ({ payload: p }, n) => ({
        title: `Votre rôle dans ${n['organization']} a changé`,
        body: `Votre rôle dans ${n['organization']} est maintenant ${p.role.toLowerCase()} (avant : ${p.previousRole.toLowerCase()}). Reconnectez-vous si une page vous refuse l’accès.`,
        link: null,
      }),
    },
  },
  'identity.membership.removed': {
    when: (e) => !e.payload.left,
    audience: (e) => [{ kind: 'user', userId: e.payload.userId }],
    organizations: (e) => [e.payload.organizationId],
    channels: PEOPLE,
    names: (e) => ({ organization: e.payload.organizationId }),
    text: {
      en: (_e, n) => ({
        title: `You were removed from ${n['organization']}`,
        body: `An admin of ${n['organization']} removed you from the organization.`,
        link: null,
      }),
      fr: (_e, n) => ({
        title: `Vous avez été retiré·e de ${n['organization']}`,
        body: `Un·e administrateur·rice de ${n['organization']} vous a retiré·e de l’organisation.`,
        link: null,
      }),
    },
  },
  'identity.membership.created': {
    // Partner systems mirror their people from this; nobody needs an inbox message for it.
    audience: () => [],
    organizations: (e) => [e.payload.organizationId],
    channels: [],
    text: {
      en: () => ({ title: 'New member', body: 'Someone joined your organization.', link: null }),
      fr: () => ({ title: 'Nouveau membre', body: 'Quelqu’un a rejoint votre organisation.', link: null }),
    },
  },
  'marketplace.need.posted': { ...webhookOnly, organizations: (e) => [e.payload.organizationId] },
  'marketplace.need.closed': { ...webhookOnly, organizations: (e) => [e.payload.organizationId] },
  'marketplace.need.expiring': {
    audience: (e) => membersOf(e.payload.organizationId),
    organizations: (e) => [e.payload.organizationId],
    channels: PEOPLE,
    fields: ['title', 'neededBy'],
    text: {
      en: ({ payload: p }) => ({
        title: `Needed by ${p.neededBy}: ${p.title}`,
        body: `Your skill need “${p.title}” is needed by ${p.neededBy}. Close it if it is filled, or give it a later date so institutions keep seeing it.`,
        link: `/needs/${p.needId}`,
      }),
      fr: ({ payload: p }) => ({
        title: `Requis d’ici le ${p.neededBy} : ${p.title}`,
        body: `Votre besoin de compétences « ${p.title} » est requis d’ici le ${p.neededBy}. Fermez-le s’il est comblé, ou reportez sa date pour que les établissements continuent de le voir.`,
        link: `/needs/${p.needId}`,
      }),
    },
  },
  'marketplace.partnership.proposed': {
    audience: (e) => adminsOf(otherSide(e.payload, e.payload.proposedByOrganizationId)),
    organizations: (e) => [e.payload.employerId, e.payload.institutionId],
    channels: PEOPLE,
    names: (e) => ({ proposer: e.payload.proposedByOrganizationId }),
    fields: ['needTitle', 'message'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `${n['proposer']} proposes a partnership`,
        body: `${n['proposer']} proposes to partner on “${p.needTitle}”.${p.message ? ` They write: ${p.message}` : ''} Accept or decline it in Lattice.`,
        link: `/partnerships/${p.partnershipId}`,
      }),
      fr: ({ payload: p }, n) => ({
        title: `${n['proposer']} propose un partenariat`,
        body: `${n['proposer']} propose un partenariat pour « ${p.needTitle} ».${p.message ? ` Message : ${p.message}` : ''} Acceptez-le ou refusez-le dans Lattice.`,
        link: `/partnerships/${p.partnershipId}`,
      }),
    },
  },
  'marketplace.partnership.accepted': {
    audience: (e) => adminsOf(otherSide(e.payload, e.payload.actingOrganizationId)),
    organizations: (e) => [e.payload.employerId, e.payload.institutionId],
    channels: PEOPLE,
    names: (e) => ({ acting: e.payload.actingOrganizationId }),
    fields: ['needTitle'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `${n['acting']} accepted your partnership`,
        body: `${n['acting']} accepted the partnership on “${p.needTitle}”. You can start co-developing the credential.`,
        link: `/partnerships/${p.partnershipId}`,
      }),
      fr: ({ payload: p }, n) => ({
        title: `${n['acting']} a accepté votre partenariat`,
        body: `${n['acting']} a accepté le partenariat pour « ${p.needTitle} ». Vous pouvez commencer à concevoir le titre ensemble.`,
        link: `/partnerships/${p.partnershipId}`,
      }),
    },
  },
  'marketplace.partnership.declined': {
    audience: (e) => adminsOf(otherSide(e.payload, e.payload.actingOrganizationId)),
    organizations: (e) => [e.payload.employerId, e.payload.institutionId],
    channels: PEOPLE,
    names: (e) => ({ acting: e.payload.actingOrganizationId }),
    fields: ['needTitle', 'message'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `${n['acting']} declined your partnership`,
        body: `${n['acting']} declined the partnership on “${p.needTitle}”.${p.message ? ` They write: ${p.message}` : ''}`,
        link: `/partnerships/${p.partnershipId}`,
      }),
      fr: ({ payload: p }, n) => ({
        title: `${n['acting']} a refusé votre partenariat`,
        body: `${n['acting']} a refusé le partenariat pour « ${p.needTitle} ».${p.message ? ` Message : ${p.message}` : ''}`,
        link: `/partnerships/${p.partnershipId}`,
      }),
    },
  },
  'marketplace.partnership.withdrawn': {
    audience: (e) => adminsOf(otherSide(e.payload, e.payload.actingOrganizationId)),
    organizations: (e) => [e.payload.employerId, e.payload.institutionId],
    channels: PEOPLE,
    names: (e) => ({ acting: e.payload.actingOrganizationId }),
    fields: ['needTitle'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `${n['acting']} withdrew a partnership proposal`,
        body: `${n['acting']} withdrew its proposal on “${p.needTitle}”.`,
        link: `/partnerships/${p.partnershipId}`,
      }),
      fr: ({ payload: p }, n) => ({
        title: `${n['acting']} a retiré une proposition de partenariat`,
        body: `${n['acting']} a retiré sa proposition pour « ${p.needTitle} ».`,
        link: `/partnerships/${p.partnershipId}`,
      }),
    },
  },
  'credentials.design.review_requested': {
    // The partners are asked to review; the issuing institution's admins approve too, in their own words.
    audience: (e) => [
      ...adminsOf(...e.payload.awaiting.filter((id) => id !== e.payload.issuerId)),
      ...(e.payload.awaiting.includes(e.payload.issuerId)
        ? [{ kind: 'members' as const, organizationId: e.payload.issuerId, roles: ADMINS, variant: 'issuer' }]
        : []),
    ],
    organizations: (e) => [e.payload.issuerId, ...e.payload.awaiting],
    channels: PEOPLE,
    names: (e) => ({ issuer: e.payload.issuerId }),
    fields: ['title', 'version', 'reviewDueAt'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `Review requested: ${p.title}`,
        body: `${n['issuer']} asks you to review version ${p.version} of “${p.title}” by ${p.reviewDueAt.slice(0, 10)}.`,
        link: `/designs/${p.designId}`,
      }),
      fr: ({ payload: p }, n) => ({
        title: `Révision demandée : ${p.title}`,
        body: `${n['issuer']} vous demande de réviser la version ${p.version} de « ${p.title} » d’ici le ${p.reviewDueAt.slice(0, 10)}.`,
        link: `/designs/${p.designId}`,
      }),
    },
    variants: {
      issuer: {
        en: ({ payload: p }, n) => ({
          title: `In review with your partners: ${p.title}`,
          body: `Version ${p.version} of “${p.title}” is with your partners for review until ${p.reviewDueAt.slice(0, 10)}. As the issuer, ${n['issuer']} approves it too.`,
          link: `/designs/${p.designId}`,
        }),
        fr: ({ payload: p }, n) => ({
          title: `En révision chez vos partenaires : ${p.title}`,
          body: `La version ${p.version} de « ${p.title} » est en révision chez vos partenaires jusqu’au ${p.reviewDueAt.slice(0, 10)}. En tant qu’émetteur, ${n['issuer']} doit aussi l’approuver.`,
          link: `/designs/${p.designId}`,
        }),
      },
    },
  },
  'credentials.design.review_overdue': {
    audience: (e) => adminsOf(...e.payload.awaiting),
    organizations: (e) => [e.payload.issuerId, ...e.payload.awaiting],
    channels: PEOPLE,
    fields: ['title', 'version', 'reviewDueAt'],
    text: {
      en: ({ payload: p }) => ({
        title: `Review overdue: ${p.title}`,
        body: `Your review of version ${p.version} of “${p.title}” was due ${p.reviewDueAt.slice(0, 10)}. Your partners are waiting.`,
        link: `/designs/${p.designId}`,
      }),
      fr: ({ payload: p }) => ({
        title: `Révision en retard : ${p.title}`,
        body: `Votre révision de la version ${p.version} de « ${p.title} » était attendue le ${p.reviewDueAt.slice(0, 10)}. Vos partenaires attendent.`,
        link: `/designs/${p.designId}`,
      }),
    },
  },
  'credentials.design.changes_requested': {
    audience: (e) => adminsOf(e.payload.issuerId),
    organizations: (e) => [e.payload.issuerId, e.payload.organizationId],
    channels: PEOPLE,
    names: (e) => ({ reviewer: e.payload.organizationId }),
    fields: ['title', 'version', 'comment'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `Changes requested: ${p.title}`,
        body: `${n['reviewer']} asks for changes to version ${p.version} of “${p.title}”: ${p.comment}`,
        link: `/designs/${p.designId}`,
      }),
      fr: ({ payload: p }, n) => ({
        title: `Modifications demandées : ${p.title}`,
        body: `${n['reviewer']} demande des modifications à la version ${p.version} de « ${p.title} » : ${p.comment}`,
        link: `/designs/${p.designId}`,
      }),
    },
  },
  'credentials.design.approved': {
    audience: (e) => adminsOf(e.payload.issuerId, ...e.payload.partnerIds),
    organizations: (e) => [e.payload.issuerId, ...e.payload.partnerIds],
    channels: PEOPLE,
    fields: ['title', 'version'],
    text: {
      en: ({ payload: p }) => ({
        title: `Approved by every partner: ${p.title}`,
        body: `Every partner approved version ${p.version} of “${p.title}”. It can now be published.`,
        link: `/designs/${p.designId}`,
      }),
      fr: ({ payload: p }) => ({
        title: `Approuvé par tous les partenaires : ${p.title}`,
        body: `Tous les partenaires ont approuvé la version ${p.version} de « ${p.title} ». Il peut maintenant être publié.`,
        link: `/designs/${p.designId}`,
      }),
    },
  },
  'credentials.design.published': {
    audience: (e) => adminsOf(e.payload.issuerId, ...e.payload.partnerIds),
    organizations: (e) => [e.payload.issuerId, ...e.payload.partnerIds],
    channels: PEOPLE,
    fields: ['title'],
    text: {
      en: ({ payload: p }) => ({
        title: `Published: ${p.title}`,
        body: `“${p.title}” is published. Partners can now endorse it.`,
        link: `/catalogue/${p.credentialId}`,
      }),
      fr: ({ payload: p }) => ({
        title: `Publié : ${p.title}`,
        body: `« ${p.title} » est publié. Les partenaires peuvent maintenant l’endosser.`,
        link: `/catalogue/${p.credentialId}`,
      }),
    },
  },
  'credentials.award.issued': {
    // The learner, when they have a Lattice account (in-app and e-mail); the issuer's systems by webhook.
    // The link opens the app's page of the award (verify, share, download), not the API's document URL.
    audience: (e) => [{ kind: 'verified-email', email: e.payload.recipientEmail }],
    organizations: (e) => [e.payload.issuerId],
    channels: PEOPLE,
    tellActor: true,
    fields: ['credentialTitle'],
    text: {
      en: ({ payload: p }) => ({
        title: `You earned “${p.credentialTitle}”`,
        body: `Your credential “${p.credentialTitle}” is ready. Anyone can verify it from its page.`,
        link: `/public/credentials/${p.awardId}`,
      }),
      fr: ({ payload: p }) => ({
        title: `Vous avez obtenu « ${p.credentialTitle} »`,
        body: `Votre titre de compétences « ${p.credentialTitle} » est prêt. Tout le monde peut le vérifier depuis sa page.`,
        link: `/public/credentials/${p.awardId}`,
      }),
    },
  },
  'credentials.award.revoked': { ...webhookOnly, organizations: (e) => [e.payload.issuerId] },
  'evidence.feedback.requested': {
    // The learner only (a proven address), in-app and by e-mail; the link opens the survey for this award.
    audience: (e) => [{ kind: 'verified-email', email: e.payload.recipientEmail }],
    organizations: () => [],
    channels: PEOPLE,
    tellActor: true,
    fields: ['credentialTitle', 'reminder'],
    text: {
      en: ({ payload: p }) => ({
        title: p.reminder
          ? `Reminder: how is “${p.credentialTitle}” working for you?`
          : `How is “${p.credentialTitle}” working for you?`,
        body: 'Six short questions about your credential: how relevant it is to your work, the workload, the assessment, and what changed. Your answers are only counted in groups of at least 10 people, never shown with your name. You can change or delete them.',
        link: `/feedback/${p.awardId}`,
      }),
      fr: ({ payload: p }) => ({
        title: p.reminder
          ? `Rappel : « ${p.credentialTitle} » vous est-il utile ?`
          : `« ${p.credentialTitle} » vous est-il utile ?`,
        body: 'Six questions brèves sur votre titre : sa pertinence pour votre travail, la charge de travail, l’évaluation et ce qui a changé. Vos réponses ne sont comptées qu’en groupes d’au moins 10 personnes, jamais avec votre nom. Vous pouvez les modifier ou les supprimer.',
        link: `/feedback/${p.awardId}`,
      }),
    },
  },
  'evidence.framework_survey.requested': {
    audience: (e) => adminsOf(e.payload.issuerId),
    organizations: () => [],
    channels: PEOPLE,
    tellActor: true,
    fields: ['credentialTitle'],
    text: {
      en: ({ payload: p }) => ({
        title: `Was the framework a useful blueprint for “${p.credentialTitle}”?`,
        body: 'Tell Lattice which framework elements mattered most and least: it shapes the next version of the framework.',
        link: `/framework-survey/${p.credentialId}`,
      }),
      fr: ({ payload: p }) => ({
        title: `Le cadre a-t-il été un plan utile pour « ${p.credentialTitle} » ?`,
        body: 'Dites à Lattice quels éléments du cadre ont le plus et le moins compté : cela oriente la prochaine version du cadre.',
        link: `/framework-survey/${p.credentialId}`,
      }),
    },
  },
  'evidence.outcome.reported': { ...webhookOnly, organizations: (e) => [e.payload.issuerId] },
  'credentials.endorsement.added': {
    audience: (e) => adminsOf(e.payload.issuerId),
    organizations: (e) => [e.payload.issuerId, e.payload.organizationId],
    channels: PEOPLE,
    names: (e) => ({ endorser: e.payload.organizationId }),
    fields: ['credentialTitle'],
    text: {
      en: ({ payload: p }, n) => ({
        title: `${n['endorser']} endorsed “${p.credentialTitle}”`,
        body: `${n['endorser']} says the competency is in demand and the assessment reflects job performance.`,
        link: `/catalogue/${p.credentialId}`,
      }),
      fr: ({ payload: p }, n) => ({
        title: `${n['endorser']} a endossé « ${p.credentialTitle} »`,
        body: `${n['endorser']} atteste que la compétence est en demande et que l’évaluation reflète le rendement au travail.`,
        link: `/catalogue/${p.credentialId}`,
      }),
    },
  },
  'credentials.design.comment_added': {
    audience: (e) => membersOf(e.payload.issuerId, ...e.payload.partnerIds),
    organizations: (e) => [e.payload.issuerId, ...e.payload.partnerIds],
    channels: ['IN_APP'],
    fields: ['title', 'field'],
    text: {
      en: ({ payload: p }) => ({
        title: `New comment on ${p.title}`,
        body: `Someone commented on “${p.title}”${p.field ? ` (${p.field})` : ''}.`,
        link: `/designs/${p.designId}`,
      }),
      fr: ({ payload: p }) => ({
        title: `Nouveau commentaire sur ${p.title}`,
        body: `Un commentaire a été ajouté à « ${p.title} »${p.field ? ` (${p.field})` : ''}.`,
        link: `/designs/${p.designId}`,
      }),
    },
  },
};

export function ruleFor(type: string): RoutingRule<DomainEventType> | undefined {
  return (ROUTING_RULES as Record<string, RoutingRule<DomainEventType> | undefined>)[type];
}

/** Event types someone can hear of: the ones with a rule. */
export function routedEventTypes(): string[] {
  return Object.keys(ROUTING_RULES);
}

export function localeOf(value: string | null | undefined): Locale {
  return value === 'fr' ? 'fr' : 'en';
}

/**
 * The notification as data: a code (the event type in capitals, then the variant's name) and the
 * parameters its text uses (the rule's payload fields and organization names), which the web app
 * words in the reader's language beside the stored English/French title and body.
 */
export function notificationOf(
  event: DomainEvent,
  names: Record<string, string>,
  variant?: string | null,
): { code: string; params: Record<string, unknown> } {
  const rule = ruleFor(event.type);
  const payload = event.payload as Record<string, unknown>;
  const fields = Object.fromEntries(
    (rule?.fields ?? [])
      .filter((field) => payload[field] !== undefined)
      .map((field) => [field, payload[field]]),
  );
  const code = [event.type.replace(/\./g, '_'), variant && rule?.variants?.[variant] ? variant : null]
    .filter(Boolean)
    .join('_')
    .toUpperCase();
  return { code, params: { ...fields, ...names } };
}

/** The event's message in the locale, in the wording of `variant` when the rule has it. */
export function messageOf(
  event: DomainEvent,
  locale: string,
  names: Record<string, string>,
  variant?: string | null,
): Message {
  const rule = ruleFor(event.type);
  if (!rule) throw new Error(`no routing rule for ${event.type}`);
  return ((variant && rule.variants?.[variant]) || rule.text)[localeOf(locale)](event, names);
}
