// Identity through the gateway: every operation of API.md's identity section, and its failures.
import { importPKCS8, SignJWT } from 'jose';
import { Client } from 'pg';
import { codeOf, createOrganization, gql, ok, signUp, uniqueEmail, type Session } from './support/client';
import { OPERATOR } from './support/global-setup';

const ME = '{ me { id email name locale memberships { role organization { id name kind } } } }';
const INVITE =
  'mutation($o: ID!, $e: String!, $r: Role!) { inviteMember(organizationId: $o, email: $e, role: $r) { id email role token acceptUrl organization { id } } }';
const ACCEPT =
  'mutation($t: String!) { acceptInvitation(token: $t) { role organization { id } user { email } } }';

describe('identity', () => {
  describe('signUp and logIn', () => {
    it('signs up, logs in with the same credentials, and rejects a duplicate e-mail', async () => {
      const email = uniqueEmail('ada');
      const signUpResult = await ok(
        'mutation($i: SignUpInput!) { signUp(input: $i) { token user { id email name locale } } }',
        {
          i: { email, password: 'a long enough secret', name: 'Ada Lovelace', locale: 'fr' },
        },
      );
      expect(signUpResult.signUp.user).toMatchObject({ email, name: 'Ada Lovelace', locale: 'fr' });
      expect(signUpResult.signUp.token.split('.')).toHaveLength(3);

      const logIn = await ok(
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token user { id } } }',
        { e: email.toUpperCase(), p: 'a long enough secret' },
      );
      expect(logIn.logIn.user.id).toBe(signUpResult.signUp.user.id);

      const duplicate = await gql('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
        i: { email: email.toUpperCase(), password: 'another long secret', name: 'Copy' },
      });
      expect(codeOf(duplicate)).toBe('CONFLICT');
      expect(duplicate.errors?.[0]?.extensions?.reason).toBe('IDENTITY.EMAIL_TAKEN');
    });

    it.each([
      ['a malformed e-mail', { email: 'not-an-email', password: 'long enough secret', name: 'X' }],
      ['a short password', { email: uniqueEmail(), password: 'short', name: 'X' }],
      ['a blank name', { email: uniqueEmail(), password: 'long enough secret', name: '   ' }],
      [
        'an unknown locale',
        { email: uniqueEmail(), password: 'long enough secret', name: 'X', locale: 'de' },
      ],
    ])('refuses %s with BAD_USER_INPUT and creates nobody', async (_label, input) => {
      const result = await gql('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: input });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      if (input.email.includes('@')) {
        const logIn = await gql(
          'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }',
          { e: input.email, p: input.password },
        );
        expect(codeOf(logIn)).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses a wrongly typed input before any resolver runs', async () => {
      const result = await gql('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
        i: { email: 42, password: true },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it('gives the same answer for an unknown user and a wrong password', async () => {
      const user = await signUp('pw');
      const wrong = await gql(
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }',
        { e: user.email, p: 'not the password' },
      );
      const unknown = await gql(
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }',
        { e: uniqueEmail('ghost'), p: 'not the password' },
      );
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
      expect(wrong.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions);
    });
  });

  describe('tokens', () => {
    it('refuses no token, a forged token and an expired token', async () => {
      expect(codeOf(await gql(ME))).toBe('UNAUTHENTICATED');
      const user = await signUp('tok');
      const [header, payload] = user.token.split('.');
      const tampered = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      tampered.sub = '00000000-0000-4000-8000-000000000000';
      const forged = `${header}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${user.token.split('.')[2]}`;
      expect(codeOf(await gql(ME, {}, forged))).toBe('UNAUTHENTICATED');

      const key = await importPKCS8(process.env['LATTICE_E2E_PRIVATE_KEY']!, 'EdDSA');
      const now = Math.floor(Date.now() / 1000);
      const expired = await new SignJWT({ email: user.email, mbr: [] })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setSubject(user.userId)
        .setIssuer('lattice-identity')
        .setAudience('lattice-api')
        .setIssuedAt(now - 7200)
        .setExpirationTime(now - 3600)
        .sign(key);
      expect(codeOf(await gql(ME, {}, expired))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(ME, {}, 'garbage'))).toBe('UNAUTHENTICATED');
    });
  });

  describe('organizations', () => {
    let owner: Session;
    let employerId: string;

    beforeAll(async () => {
      owner = await signUp('owner');
      employerId = await createOrganization(owner, {
        name: 'Sudbury Hard Rock Ltd',
        kind: 'EMPLOYER',
        size: 'MEDIUM',
        region: 'ON-Sudbury',
        sector: '212',
        website: 'https://hardrock.example',
      });
    });

    it('makes the creator OWNER, visible in me without a new token', async () => {
      const me = await ok(ME, {}, owner.token);
      expect(me.me.memberships).toEqual([
        { role: 'OWNER', organization: { id: employerId, name: 'Sudbury Hard Rock Ltd', kind: 'EMPLOYER' } },
      ]);
      const organization = await ok(
        'query($id: ID!) { organization(id: $id) { id name kind size region sector verified members { role user { email } } } }',
        { id: employerId },
        owner.token,
      );
      expect(organization.organization).toMatchObject({
        kind: 'EMPLOYER',
        size: 'MEDIUM',
        region: 'ON-Sudbury',
        sector: '212',
        verified: false,
      });
      expect(organization.organization.members).toEqual([{ role: 'OWNER', user: { email: owner.email } }]);
    });

    it.each([
      [
        'a region outside the list',
        { name: 'Nowhere Inc', kind: 'EMPLOYER', size: 'SMALL', region: 'ON-Atlantis' },
      ],
      [
        'a sector that is not a NAICS code',
        { name: 'Bad Sector Inc', kind: 'EMPLOYER', size: 'SMALL', sector: 'mining' },
      ],
      [
        'a website that is not http(s)',
        { name: 'Bad Site Inc', kind: 'EMPLOYER', size: 'SMALL', website: 'javascript:alert(1)' },
      ],
      ['a one-letter name', { name: 'X', kind: 'EMPLOYER', size: 'SMALL' }],
    ])('refuses %s and creates nothing', async (_label, input) => {
      const before = await ok('{ me { memberships { role } } }', {}, owner.token);
      const result = await gql(
        'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
        { i: input },
        owner.token,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      const after = await ok('{ me { memberships { role } } }', {}, owner.token);
      expect(after.me.memberships).toHaveLength(before.me.memberships.length);
    });

    it('refuses an unknown kind at the schema', async () => {
      const result = await gql(
        'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
        { i: { name: 'Kind Inc', kind: 'PIRATE', size: 'SMALL' } },
        owner.token,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it('lets only operators create operator organizations and verify others', async () => {
      const attempt = await gql(
        'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
        { i: { name: 'Fake Operators', kind: 'OPERATOR', size: 'SMALL' } },
        owner.token,
      );
      expect(codeOf(attempt)).toBe('FORBIDDEN');
      const selfVerify = await gql(
        'mutation($id: ID!) { verifyOrganization(id: $id) { verified } }',
        { id: employerId },
        owner.token,
      );
      expect(codeOf(selfVerify)).toBe('FORBIDDEN');

      const operator = await ok(
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }',
        { e: OPERATOR.email, p: OPERATOR.password },
      );
      const verified = await ok(
        'mutation($id: ID!) { verifyOrganization(id: $id) { id verified verifiedAt } }',
        { id: employerId },
        operator.logIn.token,
      );
      expect(verified.verifyOrganization.verified).toBe(true);
      expect(verified.verifyOrganization.verifiedAt).toBeTruthy();
    });

    it('returns null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      const unknown = await ok(
        'query($id: ID!) { organization(id: $id) { id } }',
        { id: '00000000-0000-4000-8000-000000000000' },
        owner.token,
      );
      expect(unknown.organization).toBeNull();
      expect(
        codeOf(
          await gql('query($id: ID!) { organization(id: $id) { id } }', { id: "1' OR 1=1 --" }, owner.token),
        ),
      ).toBe('BAD_USER_INPUT');
    });

    it('filters the directory by kind, size, region containment, verification and name, and pages', async () => {
      const other = await signUp('dir');
      const tag = `Dirtest${Date.now()}`;
      const a = await createOrganization(other, {
        name: `${tag} Alpha College`,
        kind: 'INSTITUTION',
        size: 'SMALL',
        region: 'ON-Sudbury',
      });
      const b = await createOrganization(other, {
        name: `${tag} Beta College`,
        kind: 'INSTITUTION',
        size: 'LARGE',
        region: 'ON-Toronto',
      });
      const c = await createOrganization(other, {
        name: `${tag} Gamma Works`,
        kind: 'EMPLOYER',
        size: 'SMALL',
        region: 'QC',
      });
      const query =
        'query($f: OrganizationFilter, $first: Int, $after: String) { organizations(filter: $f, first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }';
      const ids = async (filter: Record<string, unknown>) =>
        (await ok(query, { f: { search: tag, ...filter } }, other.token)).organizations.edges.map(
          (e: { node: { id: string } }) => e.node.id,
        );

      expect(await ids({})).toEqual([a, b, c]);
      expect(await ids({ kind: 'INSTITUTION' })).toEqual([a, b]);
      expect(await ids({ size: 'SMALL' })).toEqual([a, c]);
      expect(await ids({ region: 'ON-Northeast' })).toEqual([a]);
      expect(await ids({ region: 'ON' })).toEqual([a, b]);
      expect(await ids({ verified: true })).toEqual([]);

      const first = await ok(query, { f: { search: tag }, first: 2 }, other.token);
      expect(first.organizations.totalCount).toBe(3);
      expect(first.organizations.pageInfo.hasNextPage).toBe(true);
      const second = await ok(
        query,
        { f: { search: tag }, first: 2, after: first.organizations.pageInfo.endCursor },
        other.token,
      );
      expect(second.organizations.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([c]);
      expect(second.organizations.pageInfo.hasNextPage).toBe(false);

      expect(codeOf(await gql(query, { f: { region: 'Ontario' } }, other.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await gql(query, { first: 1000 }, other.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await gql(query, { after: 'bogus' }, other.token))).toBe('BAD_USER_INPUT');
    });
  });

  describe('invitations', () => {
    let owner: Session;
    let organizationId: string;

    beforeAll(async () => {
      owner = await signUp('inv-owner');
      organizationId = await createOrganization(owner, {
        name: 'Invitation College',
        kind: 'INSTITUTION',
        size: 'SMALL',
        region: 'ON-Thunder Bay',
      });
    });

    it('invites, and the invitee accepts once with the token', async () => {
      const invitee = await signUp('invitee');
      const invitation = (await ok(INVITE, { o: organizationId, e: invitee.email, r: 'ADMIN' }, owner.token))
        .inviteMember;
      expect(invitation).toMatchObject({
        email: invitee.email,
        role: 'ADMIN',
        organization: { id: organizationId },
      });
      expect(invitation.acceptUrl).toContain(invitation.token);

      const membership = await ok(ACCEPT, { t: invitation.token }, invitee.token);
      expect(membership.acceptInvitation).toEqual({
        role: 'ADMIN',
        organization: { id: organizationId },
        user: { email: invitee.email },
      });
      const me = await ok(ME, {}, invitee.token);
      expect(me.me.memberships.map((m: { organization: { id: string } }) => m.organization.id)).toContain(
        organizationId,
      );

      const reused = await gql(ACCEPT, { t: invitation.token }, invitee.token);
      expect(codeOf(reused)).toBe('CONFLICT');
      expect(reused.errors?.[0]?.extensions?.reason).toBe('IDENTITY.INVITATION_USED');

      // The new admin may invite, with the token that predates the membership.
      const next = await gql(
        INVITE,
        { o: organizationId, e: uniqueEmail('third'), r: 'MEMBER' },
        invitee.token,
      );
      expect(next.errors).toBeUndefined();
    });

    it('refuses an expired invitation and accepts one of two racing accepts', async () => {
      const late = await signUp('late');
      const expired = (await ok(INVITE, { o: organizationId, e: late.email, r: 'MEMBER' }, owner.token))
        .inviteMember;
      const db = new Client({ connectionString: process.env['LATTICE_E2E_DATABASE_URL'] });
      await db.connect();
      try {
        await db.query(
          `UPDATE identity.invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`,
          [expired.id],
        );
      } finally {
        await db.end();
      }
      const result = await gql(ACCEPT, { t: expired.token }, late.token);
      expect(codeOf(result)).toBe('FAILED_PRECONDITION');
      expect((await ok(ME, {}, late.token)).me.memberships).toEqual([]);

      const racer = await signUp('racer');
      const invitation = (await ok(INVITE, { o: organizationId, e: racer.email, r: 'MEMBER' }, owner.token))
        .inviteMember;
      const results = await Promise.all(
        [1, 2, 3].map(() => gql(ACCEPT, { t: invitation.token }, racer.token)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT']);
      expect((await ok(ME, {}, racer.token)).me.memberships).toHaveLength(1);
    });

    it('shows the token only once and never the hash', async () => {
      const email = uniqueEmail('pending');
      await ok(INVITE, { o: organizationId, e: email, r: 'MEMBER' }, owner.token);
      const listed = await ok(
        'query($id: ID!) { organization(id: $id) { invitations { email token acceptUrl } } }',
        { id: organizationId },
        owner.token,
      );
      const pending = listed.organization.invitations.find((i: { email: string }) => i.email === email);
      expect(pending).toEqual({ email, token: null, acceptUrl: null });
    });

    it('refuses an invitation meant for someone else, an unknown token, and a duplicate member', async () => {
      const intended = uniqueEmail('intended');
      const invitation = (await ok(INVITE, { o: organizationId, e: intended, r: 'MEMBER' }, owner.token))
        .inviteMember;
      const stranger = await signUp('stranger');
      expect(codeOf(await gql(ACCEPT, { t: invitation.token }, stranger.token))).toBe('FORBIDDEN');
      const strangerMe = await ok(ME, {}, stranger.token);
      expect(strangerMe.me.memberships).toEqual([]);

      expect(codeOf(await gql(ACCEPT, { t: 'x'.repeat(43) }, stranger.token))).toBe('NOT_FOUND');
      expect(codeOf(await gql(INVITE, { o: organizationId, e: owner.email, r: 'MEMBER' }, owner.token))).toBe(
        'CONFLICT',
      );
    });

    it('lets only owners and admins invite, and only owners invite owners', async () => {
      const outsider = await signUp('outsider');
      const crossTenant = await gql(
        INVITE,
        { o: organizationId, e: uniqueEmail(), r: 'MEMBER' },
        outsider.token,
      );
      expect(codeOf(crossTenant)).toBe('FORBIDDEN');

      const member = await signUp('member');
      const invitation = (await ok(INVITE, { o: organizationId, e: member.email, r: 'MEMBER' }, owner.token))
        .inviteMember;
      await ok(ACCEPT, { t: invitation.token }, member.token);
      expect(
        codeOf(await gql(INVITE, { o: organizationId, e: uniqueEmail(), r: 'MEMBER' }, member.token)),
      ).toBe('FORBIDDEN');

      const admin = await signUp('admin');
      const adminInvitation = (
        await ok(INVITE, { o: organizationId, e: admin.email, r: 'ADMIN' }, owner.token)
      ).inviteMember;
      await ok(ACCEPT, { t: adminInvitation.token }, admin.token);
      const ownerByAdmin = await gql(
        INVITE,
        { o: organizationId, e: uniqueEmail(), r: 'OWNER' },
        admin.token,
      );
      expect(codeOf(ownerByAdmin)).toBe('FORBIDDEN');
      expect(codeOf(await gql(INVITE, { o: organizationId, e: 'nope', r: 'MEMBER' }, owner.token))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('does not show members of an organization to outsiders', async () => {
      const outsider = await signUp('peek');
      const result = await ok(
        'query($id: ID!) { organization(id: $id) { name members { role } invitations { email } } }',
        { id: organizationId },
        outsider.token,
      );
      expect(result.organization.members).toEqual([]);
      expect(result.organization.invitations).toEqual([]);
    });
  });

  describe('umbrellas', () => {
    it('lets an organization ask to join an umbrella once, as its admin', async () => {
      const council = await signUp('council');
      const umbrellaId = await createOrganization(council, {
        name: 'Northern Skills Council',
        kind: 'UMBRELLA',
        size: 'MEDIUM',
        region: 'ON-Northeast',
      });
      const college = await signUp('college');
      const collegeId = await createOrganization(college, {
        name: 'Northern Small College',
        kind: 'INSTITUTION',
        size: 'SMALL',
        region: 'ON-Sudbury',
      });
      const JOIN =
        'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { role organization { id } memberOrganization { id } } }';

      expect(codeOf(await gql(JOIN, { u: umbrellaId, o: collegeId }, council.token))).toBe('FORBIDDEN');
      expect(codeOf(await gql(JOIN, { u: collegeId, o: collegeId }, college.token))).toBe('BAD_USER_INPUT');
      const notUmbrella = await createOrganization(council, {
        name: 'Just An Employer',
        kind: 'EMPLOYER',
        size: 'SMALL',
      });
      expect(codeOf(await gql(JOIN, { u: notUmbrella, o: collegeId }, college.token))).toBe('BAD_USER_INPUT');

      const joined = await ok(JOIN, { u: umbrellaId, o: collegeId }, college.token);
      expect(joined.joinUmbrella).toEqual({
        role: 'MEMBER',
        organization: { id: umbrellaId },
        memberOrganization: { id: collegeId },
      });
      expect(codeOf(await gql(JOIN, { u: umbrellaId, o: collegeId }, college.token))).toBe('CONFLICT');
      // A request until the umbrella's admins accept it (e2e/umbrella-consent.e2e-spec.ts).
      const pending = await ok(
        'query($id: ID!) { organization(id: $id) { memberOrganizations { id } umbrellaJoinRequests { id } } }',
        { id: umbrellaId },
        council.token,
      );
      expect(pending.organization.memberOrganizations).toEqual([]);
      await ok(
        'mutation($id: ID!) { respondToUmbrellaJoinRequest(id: $id, accept: true) { state } }',
        { id: pending.organization.umbrellaJoinRequests[0].id },
        council.token,
      );
      expect(codeOf(await gql(JOIN, { u: umbrellaId, o: collegeId }, college.token))).toBe('CONFLICT');

      const umbrella = await ok(
        'query($id: ID!) { organization(id: $id) { memberOrganizations { id } } }',
        { id: umbrellaId },
        council.token,
      );
      expect(umbrella.organization.memberOrganizations).toEqual([{ id: collegeId }]);
    });
  });
});
