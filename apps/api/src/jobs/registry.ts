// Every job definition, by id.
import type { JobDefinition } from './job-definition.js';
import { welcomeEmailJob } from './mail/welcome-email.js';

export const jobDefinitions: JobDefinition[] = [welcomeEmailJob as unknown as JobDefinition];

export function findJob(id: string): JobDefinition | undefined {
  return jobDefinitions.find((j) => j.id === id);
}
