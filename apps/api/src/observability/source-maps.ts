// Stack traces of the compiled build point at this program's TypeScript (dist/*.js.map), as with
// `node --enable-source-maps`, but without that flag's other half: reading and keeping the source
// map of every package in node_modules that ships one (stripe, bullmq, MikroORM, zod… — ~15 MB of
// resident memory and a tenth of a second of start-up in the API). Frames inside a package keep the
// package's published JavaScript, which is what node_modules holds anyway. Called first by the
// process entries, so everything they import afterwards follows it.
import { setSourceMapsSupport } from 'node:module';

export function mapStackTracesToOurSources(): void {
  setSourceMapsSupport(true, { nodeModules: false, generatedCode: false });
}
