import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMatcher, findTerms, foldText, pushTerms, segmentTerms, type TermForm, type TermMatch } from '../../src/lib/terms';
import { glossaryForms, loadGlossary } from '../../src/data/glossary';

const seedSlugs = ['hongtong-2024-jiedu', 'kelan-2023', 'qinshui-2025', 'shanxi-2020', 'yicheng-2023'];
const seeds = new Map(seedSlugs.map((s) => [s, readFileSync(`seeds/${s}.txt`, 'utf8')]));
const glossary = loadGlossary();
const matcher = buildMatcher(glossaryForms(glossary));

const form = (f: string, slug: string, kind: TermForm['kind'] = 'term'): TermForm => ({ form: f, slug, kind });

/** Occurrences of `needle` in `text` by plain indexOf (non-overlapping). */
function countRaw(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

function countFound(text: string, f: string): number {
  return findTerms(text, matcher).filter((m) => m.form === f).length;
}

describe('buildMatcher', () => {
  it('rejects an empty form, naming the entry', () => {
    expect(() => buildMatcher([form('三同时', 'san-tongshi'), form(' ', 'san-tongshi', 'alias')])).toThrow(
      'Glossary entry "san-tongshi" has an empty alias form: remove it or write the exact spelling used in the notices.',
    );
  });

  it('rejects a form claimed by two entries', () => {
    expect(() => buildMatcher([form('三违', 'san-wei'), form('三违', 'fan-san-wei', 'alias')])).toThrow(
      'The form "三违" is claimed by two glossary entries, "san-wei" and "fan-san-wei": a form can belong to one term only, so remove it from one of them.',
    );
  });

  it('treats forms differing only in list punctuation as the same form', () => {
    expect(() => buildMatcher([form('双随机、一公开', 'a'), form('双随机，一公开', 'b')])).toThrow(
      'The form "双随机，一公开" is claimed by two glossary entries, "a" and "b": a form can belong to one term only, so remove it from one of them.',
    );
  });

  it('accepts the same form listed twice for one entry', () => {
    expect(buildMatcher([form('三违', 'san-wei'), form('三违', 'san-wei', 'alias')]).forms.length).toBe(1);
  });
});

describe('findTerms', () => {
  const family = buildMatcher([
    form('两客一危', 'lk', 'variant'),
    form('两客一危一货', 'lk'),
    form('两客一危一货一面', 'lk', 'variant'),
    form('三超一疲劳', 'sc'),
  ]);

  it('finds nothing in empty text', () => {
    expect(findTerms('', family).length).toBe(0);
  });

  it('takes the longest form at a position: 两客一危一货一面 is not 两客一危', () => {
    const found = findTerms('着力解决“两客一危一货一面”等重点车辆“三超一疲劳”', family);
    expect(found.map((m) => `${m.start}-${m.end}:${m.form}`).join(' ')).toBe('5-13:两客一危一货一面 20-25:三超一疲劳');
  });

  it('falls back to the shorter form when the longer one does not follow', () => {
    expect(findTerms('两客一危一车', family).map((m) => m.form).join()).toBe('两客一危');
    expect(findTerms('两客一危一货一', family).map((m) => m.form).join()).toBe('两客一危一货');
  });

  it('is leftmost first: an earlier match wins over a longer overlapping one', () => {
    const m = buildMatcher([form('双重预防', 'a'), form('预防机制建设标准', 'b')]);
    expect(findTerms('双重预防机制建设标准', m).map((x) => x.form).join()).toBe('双重预防');
  });

  it('matches list punctuation loosely and reports original offsets', () => {
    const m = buildMatcher([form('管行业必须管安全、管业务必须管安全、管生产经营必须管安全', 's')]);
    const text = '五、“三管三必须”：管行业必须管安全、管业务必须管安全，管生产经营必须管安全。';
    const [hit] = findTerms(text, m);
    expect(text.slice(hit!.start, hit!.end)).toBe('管行业必须管安全、管业务必须管安全，管生产经营必须管安全');
    expect(hit!.form).toBe('管行业必须管安全、管业务必须管安全、管生产经营必须管安全');
  });

  it('matches full-width and half-width ASCII alike', () => {
    const m = buildMatcher([form('互联网+执法', 'h')]);
    expect(findTerms('推广应用“互联网＋执法”系统', m).length).toBe(1);
  });

  it('does not find a numeric form inside a longer number', () => {
    const m = buildMatcher([form('543', 'w')]);
    expect(findTerms('“543”工作机制，1543 与 5430 不算', m).length).toBe(1);
  });

  it('finds forms at the very start and end of the text, and across CRLF text', () => {
    expect(findTerms('三超一疲劳\r\n两客一危', family).map((m) => m.form).join()).toBe('三超一疲劳,两客一危');
  });

  it('is fast enough for thousands of notices (1 MB in well under a second)', () => {
    const text = [...seeds.values()].join('\n').repeat(9);
    const t0 = performance.now();
    const n = findTerms(text, matcher).length;
    const ms = performance.now() - t0;
    expect(n > 1000).toBe(true);
    expect(ms < 1000).toBe(true);
  });
});

/**
 * The matching rule written the slow, obvious way: from left to right, at each position the
 * longest form that matches there (folded, and not running into neighbouring digits) is taken
 * and the scan goes on after it.
 */
function findTermsByHand(text: string, forms: readonly TermForm[]): TermMatch[] {
  const folded = foldText(text);
  const keys = forms.map((f) => foldText(f.form));
  const digit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
  const out: TermMatch[] = [];
  for (let i = 0; i < text.length; ) {
    let best = -1;
    keys.forEach((key, k) => {
      const end = i + key.length;
      if (!folded.startsWith(key, i) || (best >= 0 && keys[best]!.length >= key.length)) return;
      if ((digit(key[0]) && digit(text[i - 1])) || (digit(key.at(-1)) && digit(text[end]))) return;
      best = k;
    });
    if (best < 0) {
      i++;
      continue;
    }
    out.push({ start: i, end: i + keys[best]!.length, form: forms[best]!.form, slug: forms[best]!.slug });
    i += keys[best]!.length;
  }
  return out;
}

describe('findTerms against the rule written by hand', () => {
  it('agrees on every seed', () => {
    for (const [slug, text] of seeds) {
      const found = findTerms(text, matcher);
      expect(found.length > 10, slug).toBe(true);
      expect(found, slug).toEqual(findTermsByHand(text, matcher.forms));
    }
  });

  it('agrees on text made of the forms\' own pieces, where forms overlap and run into digits', () => {
    // Pieces of every form, with digits and the punctuation folded loosely, so overlaps and near misses are common.
    const pieces = [...new Set(matcher.forms.flatMap((f) => [f.form, f.form.slice(0, 2), f.form.slice(1), f.form.slice(-2)]))];
    pieces.push('1', '5', '、', '，', ',', '３', '的', '\n');
    let seed = 20261202;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let t = 0; t < 3000; t++) {
      const text = Array.from({ length: 1 + random(12) }, () => pieces[random(pieces.length)]).join('');
      expect(findTerms(text, matcher), text).toEqual(findTermsByHand(text, matcher.forms));
    }
  });
});

describe('pushTerms', () => {
  it('pushes what findTerms finds on every line of the seeds, as numbers, and nothing for a line without a term', () => {
    let withTerms = 0;
    let without = 0;
    for (const [slug, text] of seeds) {
      for (const line of text.split('\n')) {
        const out = [-1];
        const found = findTerms(line, matcher);
        expect(pushTerms(line, matcher, out), slug).toBe(found.length);
        const index = (m: TermMatch) => matcher.forms.findIndex((f) => f.form === m.form && f.slug === m.slug);
        expect(out, line).toEqual(found.length === 0 ? [-1] : [-1, found.length, ...found.flatMap((m) => [m.start, m.end, index(m)])]);
        if (found.length > 0) withTerms++;
        else without++;
      }
    }
    expect(withTerms).toBeGreaterThan(100);
    expect(without).toBeGreaterThan(100);
  });
});

describe('detection on the seeds', () => {
  // Forms that no other glossary form contains or overlaps: plain indexOf must agree.
  const independent = ['三管三必须', '三同时', '四不放过', '一票否决', '三超一疲劳', '四不两直', '吹哨人', '双报告', '一盔一带', '禁限控', '五统一', '三专两探一撤', '七进', '543'];

  for (const f of independent) {
    it(`counts “${f}” per notice as plain text search does`, () => {
      for (const [slug, text] of seeds) {
        expect(`${slug}: ${countFound(text, f)}`).toBe(`${slug}: ${countRaw(text, f)}`);
      }
    });
  }

  it('splits the 两客一危 family by the longest form', () => {
    for (const [slug, text] of seeds) {
      const longest = countRaw(text, '两客一危一货一面');
      const middle = countRaw(text, '两客一危一货') - longest;
      const shortest = countRaw(text, '两客一危') - middle - longest;
      expect(`${slug}: ${countFound(text, '两客一危一货一面')} ${countFound(text, '两客一危一货')} ${countFound(text, '两客一危')}`).toBe(
        `${slug}: ${longest} ${middle} ${shortest}`,
      );
    }
  });

  it('finds the counts read off the seeds by hand', () => {
    const counts = (slug: string, f: string) => countFound(seeds.get(slug)!, f);
    expect(counts('shanxi-2020', '三个必须')).toBe(1); // (二) 落实“三个必须”要求
    expect(counts('kelan-2023', '七进')).toBe(5); // 3 in （十九）, 2 in table row 40
    expect(counts('qinshui-2025', '三违')).toBe(6); // 反“三违”, “三违”行为, 频次, 视频反, 2× 治理
    expect(counts('kelan-2023', '五到位')).toBe(4); // 2 in the body, 2 in the table
    expect(counts('qinshui-2025', '两客一危一货一面')).toBe(1);
    expect(counts('hongtong-2024-jiedu', '三严四查五五')).toBe(3);
  });

  it('finds 三个必须 only in the 2020 provincial notice', () => {
    const where = seedSlugs.filter((s) => countFound(seeds.get(s)!, '三个必须') > 0);
    expect(where.join()).toBe('shanxi-2020');
  });

  it('finds the spelled-out three musts in 峄城 (、) and 洪洞 (，) only', () => {
    const spelled = '管行业必须管安全、管业务必须管安全、管生产经营必须管安全';
    const where = seedSlugs.filter((s) => countFound(seeds.get(s)!, spelled) > 0);
    expect(where.join()).toBe('hongtong-2024-jiedu,yicheng-2023');
  });

  it('reads 反“三违” and “三违”行为 correctly: the alias wins where it is spelled together', () => {
    const text = seeds.get('hongtong-2024-jiedu')!;
    expect(countFound(text, '三违行为')).toBe(1);
    expect(countFound(text, '三违')).toBe(0);
  });
});

describe('segmentTerms', () => {
  it('returns no segments for empty text', () => {
    expect(segmentTerms('', matcher, new Set()).length).toBe(0);
  });

  it('marks only the first occurrence of each term and keeps the text intact', () => {
    const text = '严格落实“三管三必须”。再次强调“三管三必须”和“四不放过”。';
    const seen = new Set<string>();
    const segments = segmentTerms(text, matcher, seen);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.term).map((s) => s.term!.slug).join()).toBe('san-guan-san-bixu,si-bu-fangguo');
    expect([...seen].sort().join()).toBe('san-guan-san-bixu,si-bu-fangguo');
  });

  it('skips terms already seen earlier in the section', () => {
    const seen = new Set(['san-guan-san-bixu']);
    const segments = segmentTerms('落实“三管三必须”', matcher, seen);
    expect(segments.length).toBe(1);
    expect(segments[0]!.term).toBe(undefined);
  });

  it('round-trips every seed', () => {
    for (const text of seeds.values()) {
      expect(segmentTerms(text, matcher, new Set()).map((s) => s.text).join('')).toBe(text);
    }
  });
});
