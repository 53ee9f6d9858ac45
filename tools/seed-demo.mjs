// Demo data, created through the public API as a client would: people, organizations and an
// umbrella. Idempotent: an existing demo account is logged into, not created again.
import { graphqlClient } from './graphql-client.mjs';

export const DEMO_PASSWORD = 'lattice-demo-2026';
export const DEMO_ACCOUNTS = [
  { email: 'employer@demo.lattice.ca', name: 'Émilie Tremblay', org: { name: 'Northern Shield Mining', kind: 'EMPLOYER', size: 'LARGE', region: 'ON-Sudbury', sector: '212' } },
  { email: 'college@demo.lattice.ca', name: 'Daniel Okafor', org: { name: 'Boreal Lakes College', kind: 'INSTITUTION', size: 'SMALL', region: 'ON-Northeast' } },
  { email: 'polytech@demo.lattice.ca', name: 'Priya Raman', org: { name: 'Lakehead Polytechnic', kind: 'INSTITUTION', size: 'MEDIUM', region: 'ON-Thunder Bay' } },
  { email: 'umbrella@demo.lattice.ca', name: 'Marc Gagnon', org: { name: 'Ontario Mining Skills Council', kind: 'UMBRELLA', size: 'MEDIUM', region: 'ON' } },
];

export async function seedDemo(gatewayUrl, log = console.log) {
  const request = graphqlClient(gatewayUrl);
  const sessions = {};
  for (const account of DEMO_ACCOUNTS) {
    let token;
    try {
      token = (await request('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }', { e: account.email, p: DEMO_PASSWORD })).logIn.token;
    } catch {
      token = (
        await request('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
          i: { email: account.email, password: DEMO_PASSWORD, name: account.name, locale: 'en' },
        })
      ).signUp.token;
    }
    const me = (await request('{ me { memberships { organization { id name } } } }', {}, token)).me;
    let organization = me.memberships.find((m) => m.organization.name === account.org.name)?.organization;
    if (!organization) {
      organization = (await request('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id name } }', { i: account.org }, token)).createOrganization;
      log(`  created ${account.org.kind.toLowerCase()} ${organization.name}`);
    }
    sessions[account.email] = { token, organizationId: organization.id };
  }
  // The employer and the small college belong to the sector council.
  const umbrella = sessions['umbrella@demo.lattice.ca'].organizationId;
  for (const email of ['employer@demo.lattice.ca', 'college@demo.lattice.ca']) {
    try {
      await request('mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { role } }', { u: umbrella, o: sessions[email].organizationId }, sessions[email].token);
    } catch (error) {
      if (!error.codes?.includes('CONFLICT')) throw error;
    }
  }
  return sessions;
}
