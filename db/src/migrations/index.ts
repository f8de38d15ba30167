// Migrations are listed explicitly so they load the same way under tsx, vitest and a bundle.
// Generate a new one with `npm run migration:create -w db`, then add it here.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124173400 } from './Migration20261124173400.js';
import { Migration20261124192010 } from './Migration20261124192010.js';
import { Migration20261124194216 } from './Migration20261124194216.js';
import { Migration20261124200755 } from './Migration20261124200755.js';
import { Migration20261124202607 } from './Migration20261124202607.js';
import { Migration20261124202910 } from './Migration20261124202910.js';
import { Migration20261124203249 } from './Migration20261124203249.js';
import { Migration20261124204420 } from './Migration20261124204420.js';
import { Migration20261124211141 } from './Migration20261124211141.js';
import { Migration20261124213654 } from './Migration20261124213654.js';
import { Migration20261124224122 } from './Migration20261124224122.js';
import { Migration20261124224550 } from './Migration20261124224550.js';
import { Migration20261124230905 } from './Migration20261124230905.js';
import { Migration20261124230320 } from './Migration20261124230320.js';
import { Migration20261124231413 } from './Migration20261124231413.js';
import { Migration20261124232948 } from './Migration20261124232948.js';
import { Migration20261124233215 } from './Migration20261124233215.js';
import { Migration20261124233155 } from './Migration20261124233155.js';
import { Migration20261125000031 } from './Migration20261125000031.js';
import { Migration20261125002400 } from './Migration20261125002400.js';
import { Migration20261207170000 } from './Migration20261207170000.js';
import { Migration20261207180000 } from './Migration20261207180000.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124173400', class: Migration20261124173400 },
  { name: 'Migration20261124192010', class: Migration20261124192010 },
  { name: 'Migration20261124194216', class: Migration20261124194216 },
  { name: 'Migration20261124200755', class: Migration20261124200755 },
  { name: 'Migration20261124202607', class: Migration20261124202607 },
  { name: 'Migration20261124202910', class: Migration20261124202910 },
  { name: 'Migration20261124203249', class: Migration20261124203249 },
  { name: 'Migration20261124204420', class: Migration20261124204420 },
  { name: 'Migration20261124211141', class: Migration20261124211141 },
  { name: 'Migration20261124213654', class: Migration20261124213654 },
  { name: 'Migration20261124224122', class: Migration20261124224122 },
  { name: 'Migration20261124224550', class: Migration20261124224550 },
  { name: 'Migration20261124230905', class: Migration20261124230905 },
  { name: 'Migration20261124230320', class: Migration20261124230320 },
  { name: 'Migration20261124231413', class: Migration20261124231413 },
  { name: 'Migration20261124232948', class: Migration20261124232948 },
  { name: 'Migration20261124233215', class: Migration20261124233215 },
  { name: 'Migration20261124233155', class: Migration20261124233155 },
  { name: 'Migration20261125000031', class: Migration20261125000031 },
  { name: 'Migration20261125002400', class: Migration20261125002400 },
  { name: 'Migration20261207170000', class: Migration20261207170000 },
  { name: 'Migration20261207180000', class: Migration20261207180000 },
];
