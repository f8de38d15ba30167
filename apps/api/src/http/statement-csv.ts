// GET /files/ledger/statement.csv — every posting on the signed-in seller's accounts (available, in
// transit), newest first, as CSV for their bookkeeping. Read in pages so a long history streams.
import type { FastifyInstance } from 'fastify';
import { hasGrant, minorToDecimalString, currencyExponent } from '@marketdesk/domain';
import { sellerStatement } from '../services/ledger/seller-balances.js';
import { csvCell } from '../services/csv-cell.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail } from './route-replies.js';

const header = ['posting_id', 'created_at', 'account', 'reason', 'transfer_id', 'phase', 'direction', 'amount', 'currency'];

export function registerStatementCsv(app: FastifyInstance, deps: Pick<UploadRouteDeps, 'db' | 'authenticate'>) {
  app.get('/files/ledger/statement.csv', async (req, reply) => {
    const actor = await deps.authenticate(req);
    if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to download your statement.');
    if (!hasGrant(actor, 'ledger.view')) return fail(reply, 'FORBIDDEN', 'Only sellers have a statement.');
    const lines = [header.join(',')];
    let beforeId: string | undefined;
    const em = deps.db.orm.em.fork();
    for (;;) {
      const page = await sellerStatement(em, actor.id, 1000, beforeId);
      for (const p of page) {
        const account = p.account.endsWith(':in_transit') ? 'in_transit' : 'available';
        // A credit raises a seller balance (money owed to them); a debit lowers it.
        const direction = p.side === 'credit' ? 'in' : 'out';
        const amount = minorToDecimalString(p.amountMinor, currencyExponent(p.currency));
        lines.push([p.id, p.createdAt.toISOString(), account, p.reason, p.transferId, p.phase, direction, amount, p.currency].map(csvCell).join(','));
      }
      if (page.length < 1000) break;
      beforeId = page[page.length - 1]!.id;
    }
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="marketdesk-statement-${day}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(`${lines.join('\r\n')}\r\n`);
  });
}
