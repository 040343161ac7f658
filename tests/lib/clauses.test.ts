import { describe, expect, test } from 'vitest';
import { extractClauses, splitSentences, withoutResponsibility } from '../../src/lib/clauses';
import { loadNotices } from '../../src/data/notices';
import type { Block } from '../../src/lib/types';

const notices = new Map(loadNotices().map((n) => [n.slug, n]));

describe('splitSentences', () => {
  test('splits after 。；！？ and keeps closing quotes with their sentence', () => {
    expect(splitSentences('做到“五到位”。建立“吹哨人”制度；推进“一件事”！')).toEqual([
      '做到“五到位”。',
      '建立“吹哨人”制度；',
      '推进“一件事”！',
    ]);
  });

  test('half-width ; and a line break end a sentence too', () => {
    expect(splitSentences('一律挂牌督办;省级组建10个督查组\n持续开展督查检查')).toEqual([
      '一律挂牌督办;',
      '省级组建10个督查组',
      '持续开展督查检查',
    ]);
  });

  test('a trailing run of punctuation stays with the sentence before it', () => {
    expect(splitSentences('防止养患成灾。。')).toEqual(['防止养患成灾。。']);
  });

  test('empty input gives no sentence', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n ')).toEqual([]);
  });
});

describe('withoutResponsibility', () => {
  test('drops the closing responsibility note, full or half width', () => {
    expect(withoutResponsibility('筑牢安全生产人民防线。（县安委会有关成员单位负责）', '县安委会有关成员单位负责')).toBe('筑牢安全生产人民防线。');
    expect(withoutResponsibility('开展专项整治。(县应急管理局负责)', '县应急管理局负责')).toBe('开展专项整治。');
  });

  test('keeps the text when there is no note', () => {
    expect(withoutResponsibility('开展专项整治。', undefined)).toBe('开展专项整治。');
  });
});

describe('extractClauses', () => {
  const blocks: Block[] = [
    { id: 'f-doc-number', type: 'furniture', role: 'doc-number', text: '岢政发〔2023〕1号', line: 1 },
    { id: 's1', type: 'heading', depth: 1, number: '一、', title: '完善安全责任体系', text: '一、完善安全责任体系', line: 2 },
    { id: 's1-p1', type: 'paragraph', text: '第一句，有逗号。第二句；', line: 3 },
    {
      id: 't1',
      type: 'table',
      text: '',
      line: 4,
      rows: [
        ['序号', '任务', '主要内容', '责任单位'],
        ['1', '强化政治引领', '牢固树立安全发展理念。\n每季度至少组织一次理论学习', '各乡镇'],
        ['2', '严格党政领导责任', '认真落实职责清单', '县委办'],
      ],
    },
  ];

  test('headings give their title, paragraphs their sentences, table rows task and content; furniture none', () => {
    const clauses = extractClauses(blocks);
    expect(clauses.map((c) => `${c.blockId}|${c.kind}|${c.text}`)).toEqual([
      's1|heading|完善安全责任体系',
      's1-p1|sentence|第一句，有逗号。',
      's1-p1|sentence|第二句；',
      't1-r1|heading|强化政治引领',
      't1-r1|row|牢固树立安全发展理念。',
      't1-r1|row|每季度至少组织一次理论学习',
      't1-r2|heading|严格党政领导责任',
      't1-r2|row|认真落实职责清单',
    ]);
    expect(clauses.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('paragraph level keeps a paragraph whole and a row as one clause without 序号 and 责任单位', () => {
    const clauses = extractClauses(blocks, { level: 'paragraph' });
    expect(clauses.map((c) => c.text)).toEqual([
      '完善安全责任体系',
      '第一句，有逗号。第二句；',
      '强化政治引领：牢固树立安全发展理念。\n每季度至少组织一次理论学习',
      '严格党政领导责任：认真落实职责清单',
    ]);
  });

  test('every clause of a seed is a slice of its block text, in order', () => {
    for (const notice of notices.values()) {
      const byId = new Map(notice.blocks.map((b) => [b.id, b]));
      let lastBlock = '';
      let from = 0;
      for (const clause of extractClauses(notice.blocks)) {
        const block = byId.get(clause.blockId);
        if (!block) continue; // table rows: checked below
        if (clause.blockId !== lastBlock) [lastBlock, from] = [clause.blockId, 0];
        const source = block.type === 'heading' ? block.title : block.text;
        const at = source.indexOf(clause.text, from);
        expect(at, `${notice.slug} ${clause.blockId}: ${clause.text}`).toBeGreaterThanOrEqual(0);
        from = at + clause.text.length;
      }
    }
  });

  test('the 岢岚 attachment rows become clauses with row ids', () => {
    const clauses = extractClauses(notices.get('kelan-2023')!.blocks);
    const row3 = clauses.filter((c) => c.blockId === 't1-r3');
    expect(row3[0]!.text).toBe('落实部门监管责任');
    expect(row3.some((c) => c.text.startsWith('严格落实矿山安全监管专员制度'))).toBe(true);
    expect(clauses.some((c) => c.blockId === 't1-r40')).toBe(true);
  });

  test('沁水 responsibility notes are not clauses', () => {
    const clauses = extractClauses(notices.get('qinshui-2025')!.blocks);
    expect(clauses.filter((c) => c.text.includes('有关成员单位负责')).length).toBe(0);
    expect(clauses.filter((c) => c.text.includes('不再一一列出')).length).toBe(0);
  });
});
