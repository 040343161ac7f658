/**
 * Builds the site the way `npm run build` does (`astro build && tsx scripts/search-index.ts`),
 * but into a directory of the caller's choosing, so tests never touch a person's `dist/`.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(REPO_ROOT, 'node_modules', '.bin');

/**
 * A fresh directory for a test build, inside the project (`tmp/` is git-ignored). Astro adds
 * stray files (`content-assets.mjs`, sometimes `data-store.json`) to an outDir outside the
 * project (withastro/astro#14903), so a build anywhere else would not be the build
 * `npm run build` makes, and two of them would not even match each other.
 */
export async function makeBuildDir(name: string): Promise<string> {
  const parent = join(REPO_ROOT, 'tmp', 'site-tests');
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, `${name}-`));
}

export interface BuildOptions {
  /** Absolute output directory. */
  outDir: string;
  /** Build from `<corpusDir>/seeds` and `<corpusDir>/content/notices` instead of the real content. */
  corpusDir?: string;
  /** Write the Pagefind index of the output (as `npm run build` does). Default true. */
  pagefind?: boolean;
  /** Keep comparisons on disk here (`COMPARE_CACHE_DIR`), the path a large corpus takes. */
  compareCacheDir?: string;
}

export interface BuildResult {
  outDir: string;
  /** Wall time of astro build, then of pagefind, in ms. */
  astroMs: number;
  pagefindMs: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else
        reject(
          new Error(
            `\`${[command.replace(BIN + '/', ''), ...args].join(' ')}\` exited with ${code}:\n` +
              output.split('\n').slice(-60).join('\n'),
          ),
        );
    });
  });
}

/** Build the site into `outDir`; rejects with the tail of the build output on failure. */
export async function buildSite({ outDir, corpusDir, pagefind = true, compareCacheDir }: BuildOptions): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  if (corpusDir) env.CORPUS_DIR = corpusDir;
  else delete env.CORPUS_DIR;
  if (compareCacheDir) env.COMPARE_CACHE_DIR = compareCacheDir;
  else delete env.COMPARE_CACHE_DIR;
  const astroMs = await run(join(BIN, 'astro'), ['build', '--outDir', outDir], env);
  const pagefindMs = pagefind ? await run(join(BIN, 'tsx'), ['scripts/search-index.ts', '--site', outDir], env) : 0;
  return { outDir, astroMs, pagefindMs };
}
