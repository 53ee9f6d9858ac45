// Composes the supergraph from the subgraphs' own SDL (Federation 2) with @apollo/composition.
const { composeServices } = require('@apollo/composition');
const { parse } = require('graphql');

async function fetchSdl(url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = await response.json();
  if (!body.data) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data._service.sdl;
}

/** subgraphs: [{ name, url (fetch from), routingUrl (baked into the supergraph) }] */
async function composeSupergraph(subgraphs) {
  const services = [];
  for (const subgraph of subgraphs) {
    services.push({
      name: subgraph.name,
      url: subgraph.routingUrl,
      typeDefs: parse(await fetchSdl(subgraph.url)),
    });
  }
  const result = composeServices(services);
  if (result.errors && result.errors.length > 0) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}

module.exports = { composeSupergraph, fetchSdl };
