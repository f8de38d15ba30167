// The notification centre: a new in-app notification for `user:{id}` (the bell's live count).
import { z } from 'zod';
import { eventId } from './transition-fields.js';

export const notificationEventPayloads = {
  'notification.created': z.object({ notificationId: eventId, userId: eventId, kind: z.string().min(1), title: z.string().min(1), link: z.string().nullable() }),
} as const;
