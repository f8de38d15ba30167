import type { EntityManager } from '@marketdesk/db';
import { sentMailRepository } from '../../repositories/sent-mail-repository.js';

export async function listSentMail(em: EntityManager, limit: number) {
  const rows = await sentMailRepository.recent(em, limit);
  return rows.map((m) => ({
    id: m.id,
    toAddress: m.toAddress,
    subject: m.subject,
    template: m.template,
    textBody: m.textBody,
    sentAt: m.sentAt,
    transport: m.transport,
  }));
}
