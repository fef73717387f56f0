// @ts-check
// `pnpm start` and `pnpm dossier …`: the CLI from its bundle, rebuilt first when the sources
// changed (scripts/bundle.mjs). Plain JavaScript, so nothing needs a TypeScript loader.
import { pathToFileURL } from 'node:url';
import { ensureBundle } from './scripts/bundle.mjs';

await import(pathToFileURL(await ensureBundle()).href);
