// Every screen of the app, one line each. `access`: public (anyone), guest (only signed out:
// log-in, sign-up), member (signed in). `nav` puts the screen in the header's navigation under
// that i18n key (common namespace); `navKinds` shows that entry only to who works as an
// organization of one of those kinds (what that kind can use: needs for employers, capabilities
// and issuing for institutions, the umbrella page for umbrellas…); entries without it are for
// everyone, a learner without an organization included. Screens load lazily: each module exports `Component`.
import type { ComponentType } from 'react';

export type Access = 'public' | 'guest' | 'member';
export interface ScreenRoute {
  readonly path: string;
  readonly access: Access;
  readonly nav?: string;
  readonly navKinds?: readonly string[];
  readonly load: () => Promise<{ Component: ComponentType }>;
}

export const screens: ScreenRoute[] = [
  // auth
  { path: '/log-in', access: 'guest', load: () => import('../screens/auth/LogInScreen') },
  { path: '/sign-up', access: 'guest', load: () => import('../screens/auth/SignUpScreen') },
  { path: '/verify-email', access: 'public', load: () => import('../screens/auth/VerifyEmailScreen') },
  { path: '/reset-password', access: 'public', load: () => import('../screens/auth/ResetPasswordScreen') },
  // org
  { path: '/', access: 'member', load: () => import('../screens/org/HomeScreen') },
  {
    path: '/organizations/new',
    access: 'member',
    load: () => import('../screens/org/CreateOrganizationScreen'),
  },
  { path: '/organizations/invite', access: 'member', load: () => import('../screens/org/InviteScreen') },
  {
    path: '/organizations/join-umbrella',
    access: 'member',
    load: () => import('../screens/org/JoinUmbrellaScreen'),
  },
  { path: '/organizations/members', access: 'member', load: () => import('../screens/org/MembersScreen') },
  { path: '/organizations/api-keys', access: 'member', load: () => import('../screens/org/ApiKeysScreen') },
  { path: '/organizations/audit-log', access: 'member', load: () => import('../screens/org/AuditLogScreen') },
  { path: '/account', access: 'member', load: () => import('../screens/account/AccountScreen') },
  {
    path: '/invitations/accept',
    access: 'public',
    load: () => import('../screens/org/AcceptInvitationScreen'),
  },
  // inbox
  { path: '/inbox', access: 'member', load: () => import('../screens/inbox/InboxScreen') },
  { path: '/inbox/preferences', access: 'member', load: () => import('../screens/inbox/PreferencesScreen') },
  // marketplace
  {
    path: '/needs',
    access: 'member',
    nav: 'nav.needs',
    navKinds: ['EMPLOYER'],
    load: () => import('../screens/marketplace/NeedsScreen'),
  },
  { path: '/needs/new', access: 'member', load: () => import('../screens/marketplace/NeedFormScreen') },
  { path: '/needs/:id', access: 'member', load: () => import('../screens/marketplace/NeedFormScreen') },
  {
    path: '/needs/:id/matches',
    access: 'member',
    load: () => import('../screens/marketplace/MatchesScreen'),
  },
  {
    path: '/capabilities',
    access: 'member',
    nav: 'nav.capabilities',
    navKinds: ['INSTITUTION'],
    load: () => import('../screens/marketplace/CapabilitiesScreen'),
  },
  {
    path: '/partnerships',
    access: 'member',
    nav: 'nav.partnerships',
    navKinds: ['EMPLOYER', 'INSTITUTION'],
    load: () => import('../screens/marketplace/PartnershipsScreen'),
  },
  {
    path: '/partnerships/:id',
    access: 'member',
    load: () => import('../screens/marketplace/PartnershipsScreen'),
  },
  // codev
  {
    path: '/designs',
    access: 'member',
    nav: 'nav.designs',
    navKinds: ['INSTITUTION', 'EMPLOYER', 'UMBRELLA'],
    load: () => import('../screens/codev/DesignsScreen'),
  },
  { path: '/designs/:id', access: 'member', load: () => import('../screens/codev/DesignScreen') },
  // trust (not /credentials/…: that is the API's JSON-LD/HTML path)
  {
    path: '/catalogue',
    access: 'member',
    nav: 'nav.credentials',
    load: () => import('../screens/trust/CredentialsScreen'),
  },
  { path: '/catalogue/:id', access: 'member', load: () => import('../screens/trust/CredentialScreen') },
  {
    path: '/issuing',
    access: 'member',
    nav: 'nav.issuing',
    navKinds: ['INSTITUTION'],
    load: () => import('../screens/trust/IssuingScreen'),
  },
  {
    path: '/umbrella',
    access: 'member',
    nav: 'nav.umbrella',
    navKinds: ['UMBRELLA'],
    load: () => import('../screens/trust/UmbrellaScreen'),
  },
  {
    path: '/my-credentials',
    access: 'member',
    nav: 'nav.myCredentials',
    load: () => import('../screens/trust/MyCredentialsScreen'),
  },
  // demand
  {
    path: '/demand',
    access: 'member',
    nav: 'nav.demand',
    navKinds: ['EMPLOYER', 'INSTITUTION', 'UMBRELLA', 'OPERATOR'],
    load: () => import('../screens/demand/DemandScreen'),
  },
  // evidence (the notifications link /feedback/<awardId> and /framework-survey/<credentialId>)
  {
    path: '/feedback',
    access: 'member',
    nav: 'nav.feedback',
    load: () => import('../screens/evidence/FeedbackListScreen'),
  },
  { path: '/feedback/:awardId', access: 'member', load: () => import('../screens/evidence/FeedbackScreen') },
  {
    path: '/framework-survey/:credentialId',
    access: 'member',
    load: () => import('../screens/evidence/FrameworkSurveyScreen'),
  },
  {
    path: '/outcomes',
    access: 'member',
    nav: 'nav.outcomes',
    navKinds: ['EMPLOYER', 'UMBRELLA'],
    load: () => import('../screens/evidence/OutcomesScreen'),
  },
  {
    path: '/insights',
    access: 'member',
    nav: 'nav.insights',
    navKinds: ['OPERATOR', 'UMBRELLA', 'INSTITUTION', 'EMPLOYER'],
    load: () => import('../screens/evidence/InsightsScreen'),
  },
  { path: '/privacy', access: 'member', load: () => import('../screens/evidence/PrivacyScreen') },
  // public (the API keeps /credentials/:id and /verify; the app uses /public/…)
  {
    path: '/public/credentials/:id',
    access: 'public',
    load: () => import('../screens/public/PublicCredentialScreen'),
  },
  { path: '/public/verify', access: 'public', load: () => import('../screens/public/VerifyScreen') },
  { path: '/public/catalogue', access: 'public', load: () => import('../screens/catalogue/CatalogueScreen') },
  {
    path: '/public/catalogue/:id',
    access: 'public',
    load: () => import('../screens/catalogue/CatalogueCredentialScreen'),
  },
];
