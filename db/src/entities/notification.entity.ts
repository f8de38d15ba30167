// In-app notifications (the bell) and per-kind delivery preferences. `dedupeKey` makes a retried
// job a no-op: one notification per (person, cause).
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class Notification {
  id: string = randomUUID();
  user!: Ref<User>;
  kind!: string;
  title!: string;
  body = '';
  link: string | null = null;
  dedupeKey!: string;
  readAt: Date | null = null;
  createdAt: Date = new Date();
}

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notifications',
  indexes: [{ properties: ['user', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    kind: { type: 'string', length: 40 },
    title: { type: 'string', length: 200 },
    body: { type: 'text' },
    link: { type: 'string', length: 300, nullable: true },
    dedupeKey: { type: 'string', length: 200, unique: true },
    readAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

export class NotificationPreference {
  user!: Ref<User>;
  kind!: string;
  inApp = true;
  email = true;
}

export const NotificationPreferenceSchema = new EntitySchema<NotificationPreference>({
  class: NotificationPreference,
  tableName: 'notification_preferences',
  properties: {
    user: { kind: 'm:1', entity: () => User, ref: true, primary: true, deleteRule: 'cascade' },
    kind: { type: 'string', length: 40, primary: true },
    inApp: { type: 'boolean' },
    email: { type: 'boolean' },
  },
});
