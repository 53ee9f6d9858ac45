import { isApiPath } from './web-app';

describe('isApiPath', () => {
  it.each(['/graphql', '/health/ready', '/credentials/abc', '/status-lists/1', '/issuers/o1', '/verify'])('keeps %s for the API', (path) => {
    expect(isApiPath(path)).toBe(true);
  });
  it.each(['/', '/log-in', '/inbox', '/public/credentials/abc', '/verifying', '/graphqlx'])('leaves %s to the web app', (path) => {
    expect(isApiPath(path)).toBe(false);
  });
});
