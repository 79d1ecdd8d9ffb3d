#!/usr/bin/env node
// The same command as the workspace's `stockwise` bin (packages/cli), for `node bin/stockwise.js …`.
await import('../packages/cli/bin/stockwise.js');
