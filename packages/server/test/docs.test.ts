/**
 * Documentation references stay honest (docs/architecture.md, Tests): code cites only documents inside
 * the repository, every cited docs/<name>.md exists, and every path ARCHITECTURE.md names exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCE_EXTENSIONS = /\.(ts|tsx|js|mjs|sql)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'test-artifacts', 'out', 'data']);
/** Design documents that lived outside the repository; code must cite docs/ instead. */
const OUTSIDE_DOCUMENTS = /\.\.\/shared\/DESIGN|\bDESIGN\.md\b|\bDESIGN §|\bSTYLE\.md\b|\bMODULES\.md\b/g;
const DOCS_CITATION = /\bdocs\/([A-Za-z0-9_-]+\.md)\b/g;
const REPOSITORY_PATH = /^(packages|bench|docs|scripts)\//;

/** Source files under `folder` (recursively), as paths relative to the repository root. */
function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name)) out.push(...sourceFiles(path));
    } else if (SOURCE_EXTENSIONS.test(name)) out.push(path);
  }
  return out;
}

/** The repository's source files: packages/, bench/, scripts/ and the configuration files at the root. */
function repositorySources(): string[] {
  const atRoot = readdirSync(ROOT).filter(
    (name) => SOURCE_EXTENSIONS.test(name) && statSync(join(ROOT, name)).isFile(),
  );
  // This file spells out the citations it looks for, so it is not scanned itself.
  const self = relative(ROOT, import.meta.filename);
  return [...atRoot, ...['packages', 'bench', 'scripts'].flatMap(sourceFiles)].filter((f) => f !== self);
}

/** `file:line: text` for every citation of a document outside the repository in `text`. */
function outsideCitations(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      [...line.matchAll(OUTSIDE_DOCUMENTS)].map((m) => `${file}:${String(i + 1)}: ${m[0]}`),
    );
}

/** `file: docs/<name>.md` for every cited docs file that does not exist. */
function missingDocs(file: string, text: string): string[] {
  return [...text.matchAll(DOCS_CITATION)]
    .filter((m) => !existsSync(join(ROOT, 'docs', m[1]!)))
    .map((m) => `${file}: docs/${m[1]!}`);
}

const cellsOf = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/**
 * Paths named in the tables of a markdown page. A column whose header is a folder (`packages/x/src/`)
 * holds paths relative to it; other columns are checked where they name a repository path.
 */
function tablePaths(markdown: string): { paths: string[]; rows: number } {
  const paths: string[] = [];
  let rows = 0;
  let bases: (string | null)[] | null = null;
  for (const line of markdown.split('\n')) {
    if (!line.trimStart().startsWith('|')) {
      bases = null;
      continue;
    }
    const cells = cellsOf(line);
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    if (bases === null) {
      bases = cells.map((c) => codeSpans(c).find((s) => REPOSITORY_PATH.test(s) && s.endsWith('/')) ?? null);
      continue;
    }
    rows++;
    cells.forEach((cell, column) => {
      const base = bases?.[column] ?? null;
      for (const span of codeSpans(cell)) {
        if (base !== null) paths.push(base + span);
        else if (REPOSITORY_PATH.test(span)) paths.push(span);
      }
    });
  }
  return { paths, rows };
}

const normalise = (path: string) => path.replace(/\/$/, '');
const isConcrete = (path: string) => !/[<>*]/.test(path);

describe('documentation references', () => {
  const sources = repositorySources();

  it('scans the source tree', () => {
    expect(sources).toContain('eslint.config.js');
    expect(sources).toContain('packages/domain/src/ledger/movement-rules.ts');
    expect(sources).toContain('packages/db/src/migrations/0001_foundation.sql');
    expect(sources.some((f) => f.startsWith('bench/'))).toBe(true);
  });

  it('finds citations of documents outside the repository', () => {
    expect(outsideCitations('x.ts', 'ok\n// see ../shared/DESIGN.md §3 and STYLE.md')).toEqual([
      'x.ts:2: ../shared/DESIGN',
      'x.ts:2: STYLE.md',
    ]);
    expect(outsideCitations('x.ts', '// docs/formulas.md; data in ../shared/data/m5')).toEqual([]);
  });

  it('no source file cites a document outside the repository', () => {
    const found = sources.flatMap((file) => outsideCitations(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('ARCHITECTURE.md and README.md point to docs/, not to a design file outside the repository', () => {
    const found = ['ARCHITECTURE.md', 'README.md'].flatMap((file) =>
      outsideCitations(file, readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it('every docs/<name>.md cited by a source file, ARCHITECTURE.md or README.md exists', () => {
    const files = [...sources, 'ARCHITECTURE.md', 'README.md'];
    const cited = files.flatMap((file) => [
      ...readFileSync(join(ROOT, file), 'utf8').matchAll(DOCS_CITATION),
    ]);
    expect(cited.length).toBeGreaterThan(10);
    const missing = files.flatMap((file) => missingDocs(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(missing).toEqual([]);
  });

  it('resolves table paths against their column folder', () => {
    const table = [
      '| Name | `packages/db/src/` | Notes |',
      '| --- | --- | --- |',
      '| a | `ledger/`, `x.ts` | `connector.ts`, `docs/vocabulary.md` |',
    ].join('\n');
    expect(tablePaths(table)).toEqual({
      paths: ['packages/db/src/ledger/', 'packages/db/src/x.ts', 'docs/vocabulary.md'],
      rows: 1,
    });
  });

  it('every repository path named in docs/ exists', () => {
    const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    expect(pages).toEqual(
      expect.arrayContaining([
        'architecture.md',
        'vocabulary.md',
        'formulas.md',
        'forecasting.md',
        'decisions.md',
      ]),
    );
    const missing = pages.flatMap((page) =>
      codeSpans(readFileSync(join(ROOT, 'docs', page), 'utf8'))
        .filter((s) => REPOSITORY_PATH.test(s) && isConcrete(s) && !/NNNN/.test(s))
        .filter((path) => !existsSync(join(ROOT, path)))
        .map((path) => `docs/${page}: ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('every path in ARCHITECTURE.md exists, and its tables name every folder of the four packages', () => {
    const page = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const { paths, rows } = tablePaths(page);
    expect(rows).toBeGreaterThanOrEqual(14);
    const named = [...paths, ...codeSpans(page).filter((s) => REPOSITORY_PATH.test(s))].filter(isConcrete);
    expect(named.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);

    const listed = new Set(paths.map(normalise));
    const unlisted = ['domain', 'db', 'server', 'web'].flatMap((pkg) => {
      const src = join('packages', pkg, 'src');
      return readdirSync(join(ROOT, src))
        .map((name) => relative(ROOT, join(ROOT, src, name)))
        .filter((path) => statSync(join(ROOT, path)).isDirectory() && !listed.has(path));
    });
    expect(unlisted).toEqual([]);
  });
});
