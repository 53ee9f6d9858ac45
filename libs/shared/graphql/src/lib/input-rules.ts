// One rule for every string a client sends, whatever the operation: each argument of the
// operation (written in the query or passed as a variable) is walked along its schema type before
// anything runs, and
// - a string (String, ID, JSON, any scalar's text) with a control character other than tab and
//   newline is refused: NUL and friends break Postgres text, logs, CSV exports and e-mail headers;
// - a DateTime must be an RFC 3339 date-time with a zone that exists (`parseDateTime`).
// The refusal is BAD_USER_INPUT / COMMON.INVALID_INPUT naming each field as the validation pipe
// does — its path inside the argument (`title`, `recipient.name`), or the argument's own name for
// a scalar argument (`email`, `search`) — in the pipe's shape, and nothing runs.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { CommonErrors } from '@lattice/shared-util-errors';
import { DATE_TIME_EXAMPLE, parseDateTime } from './dates';

/** C0 controls but tab (U+0009) and line feed (U+000A), DEL, and the C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export interface InputProblem {
  readonly field: string;
  readonly problems: string[];
}

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** Every problem of the operation's arguments, in document order, one per field. */
export function findInputProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> = {},
): InputProblem[] {
  const found = new Map<string, string>();
  const report = (path: readonly string[], problem: string) => {
    const field = (path.length > 1 ? path.slice(1) : path).join('.');
    if (!found.has(field)) found.set(field, problem);
  };
  const path: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition: {
        enter: (node) => void path.push(`$${node.variable.name.value}`),
        leave: () => void path.pop(),
      },
      Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      Variable(node) {
        // A variable where a value goes: its JSON is checked along the type of that place.
        if (path.length === 0 || path[path.length - 1].startsWith('$')) return;
        const type = typeInfo.getInputType();
        if (type) checkValue(variables[node.name.value], type, path, report);
      },
      StringValue(node) {
        const type = typeInfo.getInputType();
        if (type) checkValue(node.value, type, path, report);
      },
      // DateTime's own parser turns a literal that is not a string into null: refused instead.
      IntValue: () => checkNotDateTime(typeInfo.getInputType(), path, report),
      FloatValue: () => checkNotDateTime(typeInfo.getInputType(), path, report),
      BooleanValue: () => checkNotDateTime(typeInfo.getInputType(), path, report),
      EnumValue: () => checkNotDateTime(typeInfo.getInputType(), path, report),
    }),
  );
  return [...found].map(([field, problem]) => ({ field, problems: [problem] }));
}

type Report = (path: readonly string[], problem: string) => void;

function checkNotDateTime(
  type: GraphQLInputType | null | undefined,
  path: readonly string[],
  report: Report,
): void {
  if (type && isDateTime(getNamedType(type))) report(path, dateTimeProblem(path));
}

/** Federation's entity representations are built by the gateway from stored data, not sent by a client. */
const GATEWAY_SCALARS = new Set(['_Any', '_FieldSet', 'FieldSet', 'link__Import']);

function checkValue(value: unknown, type: GraphQLInputType, path: readonly string[], report: Report): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // A single value where a list goes is coerced to a list of one.
    for (const item of Array.isArray(value) ? value : [value])
      checkValue(item, nullable.ofType as GraphQLInputType, path, report);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object' || Array.isArray(value)) return; // coercion refuses it
    const fields = nullable.getFields();
    for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) checkValue(member, field.type, [...path, name], report);
    }
    return;
  }
  if (isScalarType(nullable) && GATEWAY_SCALARS.has(nullable.name)) return;
  if (isScalarType(nullable) && isDateTime(nullable)) {
    if (parseDateTime(value) === null) report(path, dateTimeProblem(path));
    return;
  }
  checkStrings(value, path, report);
}

/** Any string inside a scalar's value (a JSON scalar's members included). */
function checkStrings(value: unknown, path: readonly string[], report: Report, depth = 0): void {
  if (typeof value === 'string') {
    if (hasControlCharacter(value))
      report(
        path,
        `${path[path.length - 1] ?? 'a value'} must not contain control characters (only tab and newline are allowed)`,
      );
  } else if (value && typeof value === 'object' && depth < 64) {
    for (const [key, member] of Object.entries(value)) {
      if (hasControlCharacter(key))
        report(
          path,
          `${path[path.length - 1] ?? 'a value'} must not contain control characters (only tab and newline are allowed)`,
        );
      checkStrings(member, path, report, depth + 1);
    }
  }
}

function isDateTime(type: unknown): boolean {
  return isScalarType(type) && type.name === 'DateTime';
}

function dateTimeProblem(path: readonly string[]): string {
  return `${path[path.length - 1] ?? 'a date-time'} must be a date-time that exists, with a zone (e.g. ${DATE_TIME_EXAMPLE})`;
}

/** The refusal for a list of problems: the validation pipe's shape, so clients read one form. */
export function inputProblemsError(problems: readonly InputProblem[]): GraphQLError {
  const error = CommonErrors.of('INVALID_INPUT', problems.map((p) => p.problems.join('; ')).join('; '), {
    fields: problems,
  });
  // Status 200 like every other resolver refusal: the gateway reads a subgraph's non-2xx as a failure.
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: 'BAD_USER_INPUT', http: { status: 200 } },
  });
}

/** Apollo Server plugin: applies the rules once the operation is known, before it executes. */
export function inputRulesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const problems = findInputProblems(schema, document, request.variables ?? {});
          if (problems.length) throw inputProblemsError(problems);
        },
      };
    },
  };
}
