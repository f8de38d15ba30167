// One CSV cell as every export writes it (seller statements, the audit log, queue exports).
// Here rather than beside one of its HTTP routes, so the worker's exports do not pull the upload
// routes (and @fastify/multipart) in with it.

/** RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
