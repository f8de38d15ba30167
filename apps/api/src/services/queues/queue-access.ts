// Who may see and work which queue: staff holding the queue's permission (the domain's table);
// leads (the domain's `isQueueLead`) also reassign, release others' claims and run auto-assignment.
import { hasGrant, isQueueLead, isStaff, queueNames, queuePermissions, type GrantTable, type QueueName, type Role } from '@marketdesk/domain';
import { AppError } from '../../errors/app-error.js';

export interface QueueActor {
  id: string;
  roles: Role[];
  /** The effective role grants (roles are data); the built-in table when absent. */
  grants?: GrantTable | undefined;
}

export function asQueueName(queue: string): QueueName {
  if (!(queueNames as readonly string[]).includes(queue)) throw new AppError('NOT_FOUND', `There is no ${queue} queue.`);
  return queue as QueueName;
}

export function canView(actor: QueueActor, queue: QueueName): boolean {
  return isStaff(actor) && hasGrant(actor, queuePermissions[queue].view);
}

/** The queues this person may read, in the domain's order. */
export function viewableQueues(actor: QueueActor): QueueName[] {
  return queueNames.filter((queue) => canView(actor, queue));
}

export function assertCanView(actor: QueueActor, queue: string): QueueName {
  const name = asQueueName(queue);
  if (!canView(actor, name)) throw new AppError('FORBIDDEN', `You cannot see the ${name} queue.`);
  return name;
}

export function assertCanWork(actor: QueueActor, queue: string): QueueName {
  const name = asQueueName(queue);
  if (!isStaff(actor) || !hasGrant(actor, queuePermissions[name].work)) throw new AppError('FORBIDDEN', `You cannot work the ${name} queue.`);
  return name;
}

/** Refuses people who are not queue leads (the domain's `isQueueLead`) the lead's tools. */
export function assertLead(actor: QueueActor, what: string): void {
  if (!isQueueLead(actor)) throw new AppError('FORBIDDEN', `Only a lead (admin) can ${what}.`);
}

/** Whether someone else (a reassignment target) may work a queue, under the lead's grant table. */
export function canWork(person: { roles: readonly string[] }, queue: QueueName, grants?: GrantTable): boolean {
  const actor = { id: '', roles: person.roles, grants };
  return isStaff(actor) && hasGrant(actor, queuePermissions[queue].work);
}

/** The roles whose holders work queues: the built-in agent and admin, plus custom roles marked staff. */
export function staffRoleNames(grants?: GrantTable): string[] {
  return [...new Set(['agent', 'admin', ...Object.entries(grants ?? {}).filter(([, d]) => d.staff).map(([name]) => name)])];
}
