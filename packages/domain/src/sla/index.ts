export * from './time-zone.js';
export * from './business-calendar.js';
export * from './sla.js';
export * from './dispute-sla.js';
