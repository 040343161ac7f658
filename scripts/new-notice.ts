/**
 * `npm run new-notice -- <file.txt> [--slug <slug>] [--write]`
 *
 * Reads a raw notice, proposes its metadata from the text, and prints it for a person to check.
 * With --write it copies the file byte for byte to seeds/<slug>.txt and saves the proposal as
 * content/notices/<slug>.yaml (never overwriting either).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeSeed } from '../src/data/notices';
import { parseNotice } from '../src/lib/parse';
import { formatProposal, proposeMetadata } from '../src/lib/propose';
import { isValidSlug } from '../src/schemas/notice';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' }, write: { type: 'boolean', default: false } } });
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run new-notice -- <file.txt> [--slug <slug>] [--write]');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`${file}: no such file. Fix: give the path of the raw notice text.`);
  process.exit(1);
}
const slug = values.slug ?? basename(file).replace(/\.txt$/, '');
if (!isValidSlug(slug)) {
  console.error(`"${slug}" cannot be a slug. Fix: pass --slug with lower-case letters, digits and hyphens, e.g. --slug kelan-2023.`);
  process.exit(1);
}
const seed = decodeSeed(new Uint8Array(readFileSync(file)), file);
if ('problem' in seed) {
  console.error(seed.problem);
  process.exit(1);
}
const yaml = formatProposal(proposeMetadata(parseNotice(seed.text)), `${slug}.txt`);
const seedPath = join('seeds', `${slug}.txt`);
const metaPath = join('content', 'notices', `${slug}.yaml`);
if (!values.write) {
  console.log(`# ${metaPath}\n${yaml}`);
  console.log(`# To save: npm run new-notice -- ${file} --slug ${slug} --write`);
} else {
  for (const path of [seedPath, metaPath]) {
    if (existsSync(path)) {
      console.error(`${path} already exists. Fix: choose another --slug, or remove the old file first.`);
      process.exit(1);
    }
  }
  copyFileSync(file, seedPath);
  writeFileSync(metaPath, yaml);
  console.log(`Wrote ${seedPath} (copied byte for byte) and ${metaPath}.\nCheck every field of ${metaPath}, then run npm run build.`);
}
