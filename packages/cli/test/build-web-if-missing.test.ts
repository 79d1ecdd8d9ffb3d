import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/build-web-if-missing.mjs');

/**
 * `npm start`'s prestart: builds the dashboard when there is no build, rebuilds it when a web source is
 * newer than the build, and does nothing otherwise. A stand-in web package whose build counts its runs.
 */
describe('build-web-if-missing', () => {
  let root: string;
  const web = () => join(root, 'packages/web');
  const builds = () => Number(readFileSync(join(root, 'builds.txt'), 'utf8'));
  const prestart = () => execFileSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });
  const age = (path: string, secondsAgo: number) => {
    const at = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(path, at, at);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'stockwise-prestart-'));
    mkdirSync(join(web(), 'src'), { recursive: true });
    writeFileSync(join(root, 'builds.txt'), '0');
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'root', private: true, workspaces: ['packages/web'] }),
    );
    const build =
      "const f=require('fs');f.mkdirSync('dist',{recursive:true});f.writeFileSync('dist/index.html','x');" +
      "f.writeFileSync('../../builds.txt',String(Number(f.readFileSync('../../builds.txt','utf8'))+1))";
    writeFileSync(
      join(web(), 'package.json'),
      JSON.stringify({ name: '@stockwise/web', private: true, scripts: { build: `node -e "${build}"` } }),
    );
    writeFileSync(join(web(), 'src/main.tsx'), 'export {};');
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('builds when there is no build, then not again while the sources are older', () => {
    expect(prestart()).toContain('Building the dashboard');
    expect(builds()).toBe(1);
    prestart();
    expect(builds()).toBe(1);
  });

  it('rebuilds when a source is newer than the build', () => {
    age(join(web(), 'dist/index.html'), 60);
    writeFileSync(join(web(), 'src/main.tsx'), 'export const changed = 1;');
    expect(prestart()).toContain('Rebuilding the dashboard');
    expect(builds()).toBe(2);
    prestart();
    expect(builds()).toBe(2);
  });
});
