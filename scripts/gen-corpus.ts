/**
 * `npm run gen-corpus -- --notices N --seed S [--out DIR] [--no-real]`
 *
 * Writes a synthetic corpus for the scale benchmark (issue #6) outside the real content:
 * `DIR/seeds/<slug>.txt` and `DIR/content/notices/<slug>.yaml`, default `.corpus/n<N>-s<S>/`.
 * The five real notices are copied in too (they count towards N), so the glossary's sources and
 * the seed compare pairs still resolve; `--no-real` leaves them out.
 * Build the site from it with `CORPUS_DIR=DIR npm run build`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCorpus, renderMetaYaml, type SeedText } from '../src/lib/generate.ts';

export interface GenCorpusArgs {
  notices: number;
  seed: string;
  out: string;
  real: boolean;
}

export function parseGenArgs(argv: string[], root = process.cwd()): GenCorpusArgs {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const notices = Number(get('notices') ?? 1000);
  if (!Number.isInteger(notices) || notices < 1) {
    throw new Error(`gen-corpus: --notices must be a positive integer, got "${get('notices')}"`);
  }
  const seed = get('seed') ?? '1';
  return { notices, seed, out: resolve(root, get('out') ?? `.corpus/n${notices}-s${seed}`), real: !argv.includes('--no-real') };
}

/** Generate and write the corpus; returns the number of notices and characters written. */
export function writeCorpus(args: GenCorpusArgs, root = process.cwd()): { notices: number; chars: number } {
  const seedDir = join(root, 'seeds');
  const metaDir = join(root, 'content', 'notices');
  const seedTexts: SeedText[] = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
  const real = args.real && existsSync(metaDir) ? readdirSync(metaDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const generated = generateCorpus({ notices: Math.max(0, args.notices - real.length), seed: args.seed, seedTexts });

  rmSync(args.out, { recursive: true, force: true });
  mkdirSync(join(args.out, 'seeds'), { recursive: true });
  mkdirSync(join(args.out, 'content', 'notices'), { recursive: true });
  let chars = 0;
  for (const file of real) {
    const yaml = readFileSync(join(metaDir, file), 'utf8');
    writeFileSync(join(args.out, 'content', 'notices', file), yaml);
    const source = yaml.match(/^source:\s*["']?([^"'\n]+)["']?\s*$/m)?.[1];
    if (source && existsSync(join(seedDir, source))) {
      const text = readFileSync(join(seedDir, source), 'utf8');
      writeFileSync(join(args.out, 'seeds', source), text);
      chars += text.length;
    }
  }
  for (const { meta, text } of generated) {
    writeFileSync(join(args.out, 'seeds', meta.source), text);
    writeFileSync(join(args.out, 'content', 'notices', `${meta.slug}.yaml`), renderMetaYaml(meta));
    chars += text.length;
  }
  return { notices: real.length + generated.length, chars };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('gen-corpus.ts')) {
  const args = parseGenArgs(process.argv.slice(2));
  const t0 = performance.now();
  const { notices, chars } = writeCorpus(args);
  const ms = performance.now() - t0;
  console.log(`gen-corpus: ${notices} notices, ${(chars / 1e6).toFixed(1)}M characters → ${args.out} (${(ms / 1000).toFixed(1)} s)`);
  console.log(`build it: CORPUS_DIR=${args.out} npm run build`);
}
