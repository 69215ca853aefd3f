// Where the real captures of the live sites are (../shared/fixtures/real, see its README). One place for every test
// that reads them: RR_REAL_FIXTURES when set; else beside the clone (CI, /work/main) or one level up (a git worktree);
// else this machine's shared folder, for a clone made elsewhere (`git clone . $(mktemp -d)`). None found: the tests
// fail on the missing file, never pass without the captures.
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CANDIDATES = [
  path.resolve(ROOT, '../shared/fixtures/real'),
  path.resolve(ROOT, '../../shared/fixtures/real'),
  '/work/shared/fixtures/real',
];

export const REAL_CAPTURES: string =
  process.env.RR_REAL_FIXTURES ?? CANDIDATES.find((dir) => existsSync(dir)) ?? CANDIDATES[0]!;
