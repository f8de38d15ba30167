// The signed-in person's notification centre: the latest notifications, marking them read, and
// per-kind delivery preferences (both channels on until changed).
import type { EntityManager } from '@marketdesk/db';
import { notificationRepository } from '../../repositories/notification-repository.js';
import { notificationKindLabels, notificationKinds, type NotificationKind } from './notification-rules.js';

export const notificationCentre = {
  list: (em: EntityManager, userId: string, limit: number) => notificationRepository.list(em, userId, limit),
  async markRead(em: EntityManager, userId: string, ids: string[] | 'all', now: Date) {
    return { marked: await notificationRepository.markRead(em, userId, ids, now) };
  },
  async preferences(em: EntityManager, userId: string) {
    const saved = await notificationRepository.preferences(em, userId);
    return notificationKinds.map((kind) => ({ kind, label: notificationKindLabels[kind], ...(saved.get(kind) ?? { inApp: true, email: true }) }));
  },
  async setPreference(em: EntityManager, userId: string, p: { kind: NotificationKind; inApp: boolean; email: boolean }) {
    await notificationRepository.setPreference(em, userId, p.kind, p);
    return { ok: true as const };
  },
};
