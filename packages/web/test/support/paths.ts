import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPO_ROOT = join(WEB_ROOT, '..', '..');
export const DIST = join(WEB_ROOT, 'dist');
export const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');
