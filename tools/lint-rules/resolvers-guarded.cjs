// Every GraphQL resolver class carries @UseGuards(AuthGuard): a Query or Mutation without it
// would be open to anyone. Public operations opt out per method with @Public(), still guarded.
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Resolver classes must be guarded with @UseGuards(AuthGuard)' },
    messages: {
      unguarded: 'Resolver {{name}} has @Query/@Mutation handlers but no @UseGuards(AuthGuard) on the class.',
    },
    schema: [],
  },
  create(context) {
    const decoratorName = (decorator) => {
      const expression = decorator.expression;
      if (expression.type === 'CallExpression')
        return expression.callee.name ?? expression.callee.property?.name;
      return expression.name;
    };
    return {
      ClassDeclaration(node) {
        const decorators = node.decorators ?? [];
        if (!decorators.some((d) => decoratorName(d) === 'Resolver')) return;
        const operations = node.body.body.filter(
          (member) =>
            member.type === 'MethodDefinition' &&
            (member.decorators ?? []).some((d) =>
              ['Query', 'Mutation', 'Subscription'].includes(decoratorName(d)),
            ),
        );
        if (operations.length === 0) return;
        const guarded = decorators.some(
          (d) =>
            decoratorName(d) === 'UseGuards' &&
            d.expression.type === 'CallExpression' &&
            d.expression.arguments.some((a) => a.name === 'AuthGuard'),
        );
        if (!guarded)
          context.report({ node, messageId: 'unguarded', data: { name: node.id?.name ?? '(anonymous)' } });
      },
    };
  },
};
