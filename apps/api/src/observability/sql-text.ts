// SQL as a trace may show it. MikroORM writes every query's values into the SQL text (escaped; no
// bind parameters), so the text a pg span would record carries emails, token hashes and prices.
// Traces leave the process for a collector others can read: they get the statement's shape only.

/** The statement with every literal — quoted strings (incl. E'…'), dollar-quoted strings and numbers — as `?`. */
export function sqlShape(text: string): string {
  return text
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, '?')
    .replace(/\b[Ee]'(?:[^'\\]|\\.|'')*'/g, '?')
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/(?<![\w$."])-?\b\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\b/g, '?');
}
