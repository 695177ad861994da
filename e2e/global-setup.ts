import { rmSync } from 'node:fs';
import { PROFILES_DIR } from './harness';

/** Named profiles (test.use({ profileName })) persist between the tests of one run, never between runs. */
export default function globalSetup(): void {
  rmSync(PROFILES_DIR, { recursive: true, force: true });
}
