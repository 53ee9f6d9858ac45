import GraphQLJSON from 'graphql-type-json';
export { GraphQLJSON };
