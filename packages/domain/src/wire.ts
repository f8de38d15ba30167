// What the apps and the API agree on about the HTTP wire between them, declared once for both sides.

/**
 * At most this many tRPC calls travel in one batched request. The apps' batch link splits larger
 * batches; the API refuses a bigger batch with a 400 (tRPC's maxBatchSize), so one request cannot
 * make the server run an unbounded number of procedures.
 */
export const trpcMaxBatchItems = 10;

/**
 * The longest URL an app sends for a batched GET (path with the joined procedure names, plus the
 * inputs in the query); the batch link splits a batch that would be longer. The API accepts a route
 * parameter (the joined names) of up to this length — Fastify's default of 100 characters answered
 * "Route not found" for a handful of long procedure names.
 */
export const trpcMaxUrlLength = 4_000;
