// Renaming yourself: a versioned write plus an activity event, in one transaction.
import { teamRoom } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { userRepository } from '../../repositories/user-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { meSourceOf, toMe } from '../auth/auth-service.js';

export async function updateProfile(
  em: EntityManager,
  input: { userId: string; displayName: string; now: Date },
) {
  return em.transactional(async (tx) => {
    const user = await userRepository.findById(tx, input.userId);
    if (!user) throw new AppError('NOT_FOUND', 'Your account no longer exists.');
    const previousDisplayName = user.displayName;
    if (previousDisplayName === input.displayName) return toMe(meSourceOf(user));
    user.displayName = input.displayName;
    await recordEvent(tx, {
      stream: `user:${user.id}`,
      name: 'user.profile.updated',
      payload: { userId: user.id, displayName: input.displayName, previousDisplayName },
      rooms: [teamRoom, `user:${user.id}`],
      actorId: user.id,
      now: input.now,
    });
    return toMe(meSourceOf(user));
  });
}
