/** ZIP checks for export tests, read by Info-ZIP's unzip (an independent implementation): CRCs, names, contents. */
import { execFileSync } from 'node:child_process';

const unzip = (args: string[], maxBuffer = 64 * 1024 * 1024) => execFileSync('unzip', args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer });

/** Tests every file's CRC and size (`unzip -tq`); throws with unzip's words when the archive is broken. */
export function unzipTest(file: string): void {
  try {
    unzip(['-tq', file]);
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`unzip -t: ${e.stdout?.toString().slice(0, 1000)} ${e.stderr?.toString().slice(0, 1000)}`);
  }
}

/** The names of the files, in the archive's order. */
export const unzipNames = (file: string): string[] => unzip(['-Z1', file]).toString('utf8').split('\n').filter(Boolean);

/** One file's content as text. */
export const unzipText = (file: string, name: string): string => unzip(['-p', file, name]).toString('utf8');
