export type Messages = Record<string, Record<string, unknown>>;

/** `./<lang>/<area>.json` modules → { <area>: messages }. */
export function byNamespace(files: Record<string, { default: Record<string, unknown> }>): Messages {
  const messages: Messages = {};
  for (const [path, module] of Object.entries(files)) {
    const [, area] = /^\.\/[a-z]{2}\/([a-z-]+)\.json$/.exec(path) ?? [];
    if (area) messages[area] = module.default;
  }
  return messages;
}
