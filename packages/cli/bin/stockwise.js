#!/usr/bin/env node
// Runs the compiled CLI (packages/cli/dist/stockwise.js), compiling it first in a checkout whose TypeScript sources
// are newer than the build, so `npx stockwise` works right after `npm install` and after every edit.
import { ensureCliBuilt } from '../../../scripts/build-cli.mjs';

await ensureCliBuilt();
await import('../dist/stockwise.js');
