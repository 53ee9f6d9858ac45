// A tiny GraphQL client for scripts (seed, bench): throws on errors with their codes.
export function graphqlClient(url) {
  return async function request(query, variables = {}, token) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors?.length) {
      const error = new Error(
        body.errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; '),
      );
      error.codes = body.errors.map((e) => e.extensions?.code);
      throw error;
    }
    return body.data;
  };
}
