// Prints the demo accounts for the start banner (scripts/start.mjs):
//   tsx db/src/cli/demo-accounts.ts <console URL> <storefront URL>
import { demoAccountLines } from '../seeds/demo-accounts.js';

const [consoleUrl = 'http://localhost:5173', storefrontUrl = 'http://localhost:5174'] = process.argv.slice(2);
process.stdout.write(`${demoAccountLines({ console: consoleUrl, storefront: storefrontUrl }).join('\n')}\n`);
