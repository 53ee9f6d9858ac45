// Validation rules that keep one request from costing the whole stack: depth, aliases, and an
// estimated cost where list fields multiply their children by the page size asked for.
import {
  GraphQLError,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLOutputType,
  isCompositeType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type GraphQLSchema,
  type GraphQLCompositeType,
  isObjectType,
  isInterfaceType,
  type ValidationRule,
} from 'graphql';

export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  /** Assumed size of a list when the query does not say (no `first`). */
  readonly defaultListSize: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20_000,
  defaultListSize: 20,
};

function limitError(message: string, code = 'QUERY_TOO_COMPLEX'): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function isList(type: GraphQLOutputType): boolean {
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  return inner instanceof GraphQLList;
}

interface Walk {
  depth: number;
  aliases: number;
  cost: number;
}

function walk(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: OperationLimits,
  depth: number,
  visited: Set<string>,
): Walk {
  const result: Walk = { depth, aliases: 0, cost: 0 };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = selection as FieldNode;
      if (field.alias) result.aliases++;
      if (field.name.value.startsWith('__')) continue;
      const definition =
        isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
      if (!definition) continue;
      let cost = 1;
      if (field.selectionSet) {
        const named = getNamedType(definition.type);
        if (isCompositeType(named)) {
          const inner = walk(
            schema,
            named,
            field.selectionSet,
            fragments,
            variables,
            limits,
            depth + 1,
            visited,
          );
          result.depth = Math.max(result.depth, inner.depth);
          result.aliases += inner.aliases;
          cost += inner.cost * multiplier(field, definition.type, variables, limits);
        }
      }
      result.cost += cost;
    } else {
      const set =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : fragments[selection.name.value]?.selectionSet;
      if (!set) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (visited.has(selection.name.value)) continue; // cycles are reported by the standard rules
        visited.add(selection.name.value);
      }
      const typeName =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition?.name.value
          : fragments[selection.name.value]?.typeCondition.name.value;
      const type = (typeName ? schema.getType(typeName) : parent) as GraphQLCompositeType | undefined;
      const inner = walk(
        schema,
        type && isCompositeType(type) ? type : parent,
        set,
        fragments,
        variables,
        limits,
        depth,
        visited,
      );
      if (selection.kind === Kind.FRAGMENT_SPREAD) visited.delete(selection.name.value);
      result.depth = Math.max(result.depth, inner.depth);
      result.aliases += inner.aliases;
      result.cost += inner.cost;
    }
  }
  return result;
}

function multiplier(
  field: FieldNode,
  type: GraphQLOutputType,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): number {
  const sizeArgument = field.arguments?.find(
    (argument) => argument.name.value === 'first' || argument.name.value === 'last',
  );
  if (sizeArgument) {
    const value = sizeArgument.value;
    if (value.kind === Kind.INT) return Math.max(1, Number(value.value));
    if (value.kind === Kind.VARIABLE) {
      const fromVariable = variables[value.name.value];
      if (typeof fromVariable === 'number') return Math.max(1, fromVariable);
    }
    return limits.defaultListSize;
  }
  // A connection's edges/nodes are already counted by its `first`.
  if (field.name.value === 'edges' || field.name.value === 'nodes') return 1;
  return isList(type) ? limits.defaultListSize : 1;
}

/** One rule checking all three limits per operation. Variables are unknown at validation, so a `first: $n` counts as the default size. */
export function operationLimitsRule(limits: OperationLimits = DEFAULT_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    return {
      OperationDefinition(operation) {
        const schema = context.getSchema();
        const root =
          operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        if (!root) return;
        const result = walk(schema, root, operation.selectionSet, fragments, {}, limits, 1, new Set());
        if (result.depth > limits.maxDepth)
          context.reportError(
            limitError(`The query is ${result.depth} levels deep; the limit is ${limits.maxDepth}.`),
          );
        if (result.aliases > limits.maxAliases)
          context.reportError(
            limitError(`The query uses ${result.aliases} aliases; the limit is ${limits.maxAliases}.`),
          );
        if (result.cost > limits.maxCost)
          context.reportError(
            limitError(`The query's estimated cost is ${result.cost}; the limit is ${limits.maxCost}.`),
          );
      },
    };
  };
}
