import { describe, expect, test } from 'vitest';
import { parseNotice, readLines, splitHeading } from '../../src/lib/parse';
import { matchNumbering, parseChineseNumeral } from '../../src/lib/numbering';
import { isRule, isTableLine, stripBold, stripMarkdownHeading, tidySpaces } from '../../src/lib/text';
import { blocksText, expectedText, findLostText } from '../../src/lib/fidelity';
import type { Block, HeadingBlock, ParagraphBlock, TableBlock } from '../../src/lib/types';
import { SEED_SLUGS, readSeed } from '../seeds';

const parsed = Object.fromEntries(SEED_SLUGS.map((slug) => [slug, parseNotice(readSeed(slug))])) as Record<(typeof SEED_SLUGS)[number], Block[]>;

const byId = (blocks: Block[], id: string) => blocks.find((b) => b.id === id);
const headings = (blocks: Block[]) => blocks.filter((b): b is HeadingBlock => b.type === 'heading');
const furnitureRoles = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'furniture' ? [b.role] : []));
const paragraphWith = (blocks: Block[], text: string) => blocks.find((b): b is ParagraphBlock => b.type === 'paragraph' && b.text.includes(text));

describe('every seed', () => {
  test.each(SEED_SLUGS)('%s: no text is lost, in order', (slug) => {
    const { flow, table } = blocksText(parsed[slug]);
    expect(findLostText(expectedText(readSeed(slug)), flow, table)).toEqual([]);
  });

  test.each(SEED_SLUGS)('%s: block ids are unique', (slug) => {
    const ids = parsed[slug].map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(SEED_SLUGS)('%s: no Markdown noise reaches the text', (slug) => {
    for (const b of parsed[slug]) expect(b.text).not.toMatch(/\*\*|^#+\s|^---$/m);
  });

  test.each(SEED_SLUGS)('%s: no paragraph ends mid-sentence (page breaks rejoined)', (slug) => {
    const broken = parsed[slug].filter((b) => b.type === 'paragraph' && !/[。！？；：”）)…,，、]$/.test(b.text));
    expect(broken.map((b) => b.text.slice(-20))).toEqual([]);
  });
});

describe('hierarchy from the Chinese numbering, not the Markdown levels', () => {
  test('kelan: 一、 → （一） → 1., whatever the # count', () => {
    const h = headings(parsed['kelan-2023']);
    expect(h.filter((x) => x.depth === 1).map((x) => x.number)).toEqual(['一、', '二、', '三、', '四、', '五、', '附件：']);
    expect(h.filter((x) => x.depth === 2)).toHaveLength(19);
    // `### 三、加大安全监管体系` and `#### 四、优化应急救援体系` are still top level.
    expect(byId(parsed['kelan-2023'], 's3')).toMatchObject({ type: 'heading', depth: 1, title: '加大安全监管体系' });
    expect(byId(parsed['kelan-2023'], 's4')).toMatchObject({ type: 'heading', depth: 1, title: '优化应急救援体系' });
    // `## （十二）…` sits under 四、 at depth 2.
    expect(byId(parsed['kelan-2023'], 's4-12')).toMatchObject({ type: 'heading', depth: 2, number: '（十二）' });
    expect(byId(parsed['kelan-2023'], 's3-8-11')).toMatchObject({ type: 'heading', depth: 3, number: '11.', title: '民爆物品。' });
  });

  test('hongtong: 第一部分 under 三、, then 四、 pops back, and the term notes are numbered', () => {
    const blocks = parsed['hongtong-2024-jiedu'];
    expect(byId(blocks, 's3-1')).toMatchObject({ depth: 2, number: '第一部分', title: '聚焦责任落实，拧紧安全生产“责任链”。' });
    expect(byId(blocks, 's3-9')).toMatchObject({ depth: 2, number: '第九部分' });
    expect(byId(blocks, 's4')).toMatchObject({ depth: 1, title: '专业术语注释' });
    const notes = headings(blocks).filter((h) => h.id.startsWith('s4-'));
    expect(notes.map((h) => h.id)).toEqual(Array.from({ length: 12 }, (_, i) => `s4-${i + 1}`));
    expect(byId(blocks, 's4-5')).toMatchObject({ title: '“三管三必须”：' });
    expect(byId(blocks, 's4-5-p1')?.text).toBe('管行业必须管安全、管业务必须管安全，管生产经营必须管安全。');
  });

  test('shanxi: half-width (一) is a heading at depth 2, numbered in full width', () => {
    const blocks = parsed['shanxi-2020'];
    expect(byId(blocks, 's1-1')).toMatchObject({ depth: 2, number: '（一）', text: '(一)强化党政领导责任。' });
    expect(headings(blocks).filter((h) => h.depth === 2)).toHaveLength(28);
    expect(byId(blocks, 's7-28')).toMatchObject({ number: '（二十八）' });
  });

  test('yicheng: numbering continues across sections (（三十一） under 八、)', () => {
    expect(byId(parsed['yicheng-2023'], 's8-31')).toMatchObject({ depth: 2, title: '严肃责任追究。' });
  });
});

describe('a heading with its body on the same line', () => {
  test('is split into a heading and a paragraph', () => {
    const blocks = parsed['yicheng-2023'];
    expect(byId(blocks, 's2-2')).toMatchObject({ type: 'heading', text: '（二）强化党政领导干部安全责任。' });
    expect(byId(blocks, 's2-2-p1')?.text.startsWith('按照《地方党政领导干部安全生产责任制规定》')).toBe(true);
  });

  test('splits at the first full stop or colon within 40 characters, else stays a numbered paragraph', () => {
    const at = (line: string) => splitHeading(matchNumbering(line)!, line.slice(matchNumbering(line)!.raw.length));
    expect(at('1. 森林草原火灾：严格落实林长制')).toEqual({ title: '森林草原火灾：', body: '严格落实林长制' });
    expect(at('（十六）建立县、乡、村、企四级宣传体系，提高全民安全素养')).toEqual({ title: '建立县、乡、村、企四级宣传体系，提高全民安全素养', body: '' });
    expect(at(`1. ${'很长的条文'.repeat(10)}，没有句号`)).toBe(null);
  });

  test('a year or a decimal is not numbering', () => {
    expect(matchNumbering('2024 年，是中华人民共和国成立 75 周年')).toBe(null);
    expect(matchNumbering('0.6万人')).toBe(null);
    expect(matchNumbering('一是提高政治站位')).toBe(null);
  });
});

describe('lines broken at page ends are rejoined', () => {
  test.each([
    ['kelan-2023', '县党政领导干部每月至少深入一线调研指导一次安全生产工作。'],
    ['kelan-2023', '要建立健全从主要负责人到一线员工的安全生产责任体系'],
    ['hongtong-2024-jiedu', '建立健全从主要负责人到一线从业人员的安全生产责任体系'],
    ['hongtong-2024-jiedu', '分级分批分类组织党政领导干部和重点行业企业主要负责人开展安全教育培训'],
    ['shanxi-2020', '各级政府、各有关部门、各级应急救援总指挥部'],
    ['shanxi-2020', '修订完善安全生产和消防工作考核办法,组织对各市政府'],
    ['qinshui-2025', '持续开展“警示教育月”活动，围绕复工复产'],
  ] as const)('%s: “%s”', (slug, sentence) => {
    expect(paragraphWith(parsed[slug], sentence)).toBeDefined();
  });

  test('stray spaces around Chinese are removed: 2024 年, 管理水 平, 应急 PDT 窄带', () => {
    expect(paragraphWith(parsed['hongtong-2024-jiedu'], '2024年，是中华人民共和国成立75周年')).toBeDefined();
    expect(paragraphWith(parsed['kelan-2023'], '促进企业提升安全管理水平')).toBeDefined();
    expect(paragraphWith(parsed['hongtong-2024-jiedu'], '应急PDT窄带无线通信网')).toBeDefined();
  });

  test.each([
    ['2024 年', '2024年'],
    ['管理水 平', '管理水平'],
    ['应急 PDT 窄带', '应急PDT窄带'],
    ['PDT  and   DMR', 'PDT and DMR'],
    ['a \u3000b', 'a\u3000b'],
    ['𠮷 a', '𠮷a'],
    ['a\t \u00a0b', 'a b'],
    ['（一） 总体要求', '（一）总体要求'],
    ['\u3000\u3000各乡镇：', '各乡镇：'],
  ])('tidySpaces(%j) is %j: spaces next to Chinese go, other runs become one space', (text, tidy) => {
    expect(tidySpaces(text)).toBe(tidy);
  });

  test('tidySpaces agrees with its definition, a pattern with lookarounds, on 5,000 random lines', () => {
    const CJK = String.raw`[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’、，。；：！？《》（）【】]`;
    const SPACES = String.raw`[ \t\u00a0\u3000]+`;
    const definition = (text: string) =>
      text
        .replace(new RegExp(`(?<=${CJK})${SPACES}|${SPACES}(?=${CJK})`, 'gu'), '')
        .replace(/[ \t\u00a0]{2,}/g, ' ')
        .trim();
    const alphabet = [' ', ' ', '\t', '\u00a0', '\u3000', 'a', 'Z', '1', '.', '中', '龥', '，', '（', '“', '𠮷', '😀', 'é'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: 1 + (i % 12) }, () => alphabet[next()]).join('');
      expect(tidySpaces(text), JSON.stringify(text)).toBe(definition(text));
    }
  });

  test('readLines gives a plain line the same cleaned text as the full cleaning, on 20,000 random lines', () => {
    // readLines copies a line with no space, tab, `*` or leading marker as it is; every other
    // line goes through the full cleaning. Both must agree, white space of every kind included.
    const clean = (raw: string) => {
      const table = isTableLine(raw);
      const { text, markdownLevel } = stripMarkdownHeading(raw.trimStart());
      const bold = stripBold(text);
      return { text: table ? bold.replace(/[ \u00a0]+$/u, '') : tidySpaces(bold), markdownLevel, rule: isRule(raw), table };
    };
    const alphabet = ['中', '。', 'a', '1', '、', ' ', '\t', '\u00a0', '\u3000', '\u2003', '\u2028', '\u202f', '\ufeff', '\v', '\f', '*', '#', '-', '_', '\u0085', '（'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    let plain = 0;
    for (let i = 0; i < 20000; i++) {
      const raw = Array.from({ length: 1 + (i % 9) }, () => alphabet[next()]).join('');
      const [line] = readLines(raw);
      const expected = clean(raw);
      expect({ text: line!.text, markdownLevel: line!.markdownLevel, rule: line!.rule, table: line!.table }, JSON.stringify(raw)).toEqual(expected);
      expect(line!.blank, JSON.stringify(raw)).toBe(expected.text.trim() === '');
      if (line!.text === raw) plain++;
    }
    // Both paths were taken.
    expect(plain).toBeGreaterThan(1000);
    expect(plain).toBeLessThan(19000);
  });

  test.each([
    ['十二', 12],
    ['二十一', 21],
    ['一百零三', 103],
    ['两', 2],
    ['〇', 0],
    ['十a', Number.NaN],
  ])('the Chinese numeral %s is %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  test('**bold** markers are dropped but their text kept', () => {
    expect(paragraphWith(parsed['hongtong-2024-jiedu'], '一是务实推进工作，要以安全生产治本攻坚三年行动为抓手')).toBeDefined();
  });
});

describe('the kelan attachment table', () => {
  const table = parsed['kelan-2023'].find((b): b is TableBlock => b.type === 'table')!;
  const row = (n: string) => table.rows.find((r) => r[0] === n)!;

  test('has one header and one row per task, 1 to 40, four columns', () => {
    expect(table.rows[0]).toEqual(['序号', '任务', '主要内容', '责任单位']);
    expect(table.rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    for (const r of table.rows) expect(r).toHaveLength(4);
  });

  test('continuation rows are merged into their task, line by line', () => {
    expect(row('3')[2]!.split('\n')).toHaveLength(5);
    expect(row('3')[2]!.split('\n')[4]).toBe('严格落实矿山安全监管专员制度，压实矿山安全监管责任，加强矿山生产作业现场安全管理，及时发现和处置违法违规操作等重大事故隐患');
    expect(row('15')[2]!.endsWith('\n完成重点化工企业重点人员工伤预防能力提升培训')).toBe(true);
    expect(row('15')[3]).toBe('应急局、工信局、开发区应急局、人社局\n应急局、人社局');
  });

  test('sub-tasks lead their content', () => {
    const lines = row('30')[2]!.split('\n');
    expect(lines.map((l) => l.split('：')[0])).toEqual(['森林草原火灾', '水旱灾害', '地震灾害', '地质灾害', '气象灾害']);
  });

  test('<p> inside a cell becomes a line break, never markup', () => {
    expect(table.rows.flat().some((c) => c.includes('<p>') || c.includes('</p>'))).toBe(false);
    expect(row('16')[2]!.split('\n')[0]).toBe(
      '持续开展重点营运车辆和重点驾驶人源头治理行动。紧盯“两客一危一货”等重点车辆，从严查处“三超一疲劳”、酒驾醉驾、无证驾驶、逆向行驶等交通违法行为。深化“一盔一带”安全守护行动。强化农村交通安全综合治理，持续推进农用车违法载人专项整治',
    );
  });
});

describe('document furniture', () => {
  test.each([
    ['kelan-2023', ['masthead', 'doc-number', 'title', 'addressee', 'annex-note', 'cc', 'printer', 'print-date', 'copies']],
    ['hongtong-2024-jiedu', ['title', 'interpreter']],
    ['shanxi-2020', ['masthead', 'doc-number', 'title', 'addressee', 'signature', 'date', 'publication', 'cc', 'printer', 'print-date']],
    ['yicheng-2023', ['doc-number', 'title', 'addressee', 'signature', 'date', 'publication']],
    ['qinshui-2025', ['masthead', 'doc-number', 'title', 'addressee', 'signature', 'date', 'publication', 'cc', 'printer', 'print-date']],
  ] as const)('%s: %j', (slug, roles) => {
    expect(furnitureRoles(parsed[slug])).toEqual(roles);
  });

  test('a 抄送 list over several lines is one block', () => {
    expect(byId(parsed['shanxi-2020'], 'f-cc')?.text).toBe(
      '抄送：省委各部门，省人大常委会办公厅，省政协办公厅，省法院，省检察院，各人民团体，各新闻单位。各民主党派山西省委。',
    );
  });

  test('title lines are kept as lines', () => {
    expect(byId(parsed['yicheng-2023'], 'f-title')?.text).toBe('峄城区人民政府\n关于2023年安全生产工作意见');
  });

  test('none of it is read as body text', () => {
    for (const slug of SEED_SLUGS) {
      const body = parsed[slug].filter((b) => b.type === 'paragraph').map((b) => b.text);
      expect(body.some((t) => /^抄送|印发$|^各.*：$|文件$/.test(t))).toBe(false);
    }
  });
});

describe('inline responsibility notes', () => {
  test('are recognised at the end of a clause and stay in its text', () => {
    const p = byId(parsed['qinshui-2025'], 's4-12-p1') as ParagraphBlock;
    expect(p.responsibility).toBe('县安委会有关成员单位负责');
    expect(p.text.endsWith('（县安委会有关成员单位负责）')).toBe(true);
    const noted = parsed['qinshui-2025'].filter((b) => b.type === 'paragraph' && b.responsibility);
    expect(noted).toHaveLength(22);
  });
});

describe('edge cases', () => {
  const sample = '某县人民政府文件\n\n某政发〔2024〕2号\n\n关于做好安全生产工作的通知\n\n各乡镇：\n\n一、总体要求\n\n（一）压实责任。各单位要\n\n落实“三管三必须”。\n\n某县人民政府\n\n2024年1月2日\n';

  test('empty input gives no blocks', () => {
    expect(parseNotice('')).toEqual([]);
    expect(parseNotice('\uFEFF\r\n  \r\n')).toEqual([]);
  });

  test('a BOM and CRLF line endings parse like LF', () => {
    expect(parseNotice(`\uFEFF${sample.replace(/\n/g, '\r\n')}`)).toEqual(parseNotice(sample));
  });

  test('a small notice parses into furniture, hierarchy and a rejoined clause', () => {
    const blocks = parseNotice(sample);
    expect(blocks.map((b) => `${b.id}:${b.text}`)).toEqual([
      'f-masthead:某县人民政府文件',
      'f-doc-number:某政发〔2024〕2号',
      'f-title:关于做好安全生产工作的通知',
      'f-addressee:各乡镇：',
      's1:一、总体要求',
      's1-1:（一）压实责任。',
      's1-1-p1:各单位要落实“三管三必须”。',
      'f-signature:某县人民政府',
      'f-date:2024年1月2日',
    ]);
  });

  test('full-width and half-width numbering give the same structure', () => {
    const full = parseNotice('一、要求\n\n（一）甲。内容。\n');
    const half = parseNotice('一、要求\n\n(一)甲。内容。\n');
    expect(half.map((b) => [b.id, b.type])).toEqual(full.map((b) => [b.id, b.type]));
  });

  test('a long title with markup in it is still the title', () => {
    const blocks = parseNotice('某县人民政府文件\n\n某县人民政府关于<img src=x onerror=alert(1)>做好2023年安全生产工作的通知\n\n各乡镇：\n\n正文。\n');
    expect(blocks.map((b) => b.id)).toEqual(['f-masthead', 'f-title', 'f-addressee', 'p1']);
    expect(blocks[1]?.text).toBe('某县人民政府关于<img src=x onerror=alert(1)>做好2023年安全生产工作的通知');
  });

  test('an addressee the head did not reach is never merged into a clause', () => {
    const title = `关于${'很长的标题'.repeat(20)}的通知`;
    const blocks = parseNotice(`${title}\n\n各乡镇：\n\n正文。\n`);
    expect(blocks.map((b) => [b.type, b.text])).toEqual([
      ['paragraph', title],
      ['furniture', '各乡镇：'],
      ['paragraph', '正文。'],
    ]);
  });

  test('markup in the text stays text', () => {
    const blocks = parseNotice('一、要求\n\n<script>alert(1)</script>要落实。\n');
    expect(blocks.at(-1)).toMatchObject({ type: 'paragraph', text: '<script>alert(1)</script>要落实。' });
  });
});
