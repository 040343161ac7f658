import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { glossaryForms, loadGlossary } from '../../src/data/glossary';
import { loadNotices } from '../../src/data/notices';
import { closePacks } from '../../src/data/parse-cache';
import { generateCorpus } from '../../src/lib/generate';
import { parseNotice } from '../../src/lib/parse';
import { buildMatcher, findTerms } from '../../src/lib/terms';
import type { Notice, ParagraphBlock } from '../../src/lib/types';
import { buildNoticePage } from '../../src/site/notice-page';
import { buildTermIndex, knownMatches } from '../../src/site/terms';
import { packedNotices } from '../helpers/packed';

const seedDir = join(process.cwd(), 'seeds');
const seedTexts = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
const real = loadNotices();
const generated: Notice[] = generateCorpus({ notices: 120, seed: 'notice-page', seedTexts }).map(({ meta, text }) => ({ ...meta, blocks: parseNotice(text) }));
// Read from a pack, as the site's notices are: 128 notices read their blocks anew when asked
// again, so the index's matches must not depend on block identity.
const cacheDir = mkdtempSync(join(tmpdir(), 'notice-page-'));
afterAll(() => {
  closePacks();
  rmSync(cacheDir, { recursive: true, force: true });
});
const { notices } = packedNotices([...real, ...generated], cacheDir, (n) => {
  throw new Error(`${n.slug}: its record did not read back`);
});
const entries = loadGlossary();
const index = buildTermIndex(entries, notices);

describe('notice pages reuse the term index’s matches', () => {
  it('gives the same page data as finding every match again, on every seed and 120 generated notices', () => {
    let reused = 0;
    let clauses = 0;
    for (const notice of notices) {
      const known = knownMatches(index, notice);
      expect(known, notice.slug).toBeDefined();
      expect(buildNoticePage(notice, index.matcher, undefined, known)).toEqual(buildNoticePage(notice, index.matcher));
      for (const [i, b] of notice.blocks.entries()) {
        if (b.type !== 'heading' && b.type !== 'paragraph') {
          expect(known!(i), `${notice.slug} ${b.id}`).toEqual([]);
          continue;
        }
        expect(known!(i), `${notice.slug} ${b.id}`).toEqual(findTerms(b.text, index.matcher));
        if (known!(i).length > 0) reused++;
        if (b.type === 'paragraph' && b.responsibility && known!(i).length > 0) clauses++;
      }
    }
    // Not a vacuous check: many blocks, clauses with a responsibility note among them, have terms.
    expect(reused).toBeGreaterThan(1000);
    expect(clauses).toBeGreaterThan(20);
  });

  it('knows nothing of a notice the index did not look at', () => {
    const other = { ...real[0]!, blocks: parseNotice(seedTexts[0]!.text) };
    expect(knownMatches(index, other)).toBeUndefined();
  });

  it('looks at a clause on its own when a match runs across into its responsibility note, or a digit follows it', () => {
    const matcher = buildMatcher([
      { slug: 'across', form: '安全检查（县', kind: 'term' },
      { slug: 'inside', form: '安全检查', kind: 'term' },
      { slug: 'digit', form: '检查2', kind: 'term' },
    ]);
    const pageOf = (text: string, noteStart: number) => {
      const block: ParagraphBlock = { id: 'p1', type: 'paragraph', text, line: 1, responsibility: text.slice(noteStart + 1, -1) };
      const notice: Notice = { ...real[0]!, blocks: [block] };
      const page = buildNoticePage(notice, matcher, undefined, () => findTerms(text, matcher));
      expect(page).toEqual(buildNoticePage(notice, matcher));
      return page.body[0]!;
    };
    // In the whole text the longer, crossing form wins and hides 安全检查 inside the clause.
    const across = '开展安全检查（县应急管理局负责）';
    expect(findTerms(across, matcher).map((m) => m.slug)).toEqual(['across']);
    expect(pageOf(across, across.indexOf('（'))).toMatchObject({ segments: [{ text: '开展' }, { text: '安全检查', term: { slug: 'inside' } }] });
    // A form ending in a digit does not match before another digit, but does at the clause's end.
    const digit = '开展检查23（负责）';
    expect(findTerms(digit, matcher)).toEqual([]);
    expect(pageOf(digit, digit.indexOf('3'))).toMatchObject({ segments: [{ text: '开展' }, { text: '检查2', term: { slug: 'digit' } }] });
  });
});
