/**
 * A synthetic national corpus for the scale benchmark (issue #6): provinces issue a work-safety
 * notice every year, their cities and counties adapt it the way the five real seeds do (copy
 * clauses, renumber, localise 我县/我区 and place names, change frequencies and deadlines, add and
 * drop clauses, rename slogans). Pure and seeded: the same options give byte-identical output, so
 * a benchmark run can be repeated and compared. No node imports: the CLI (scripts/gen-corpus.ts)
 * reads the seeds and writes the files.
 */
import type { Kind, Level, NoticeMeta, Region, Relation } from './types';

/** One real seed notice handed to the generator as clause material. */
export interface SeedText {
  /** File name (`kelan-2023.txt`), used only to order the material deterministically. */
  name: string;
  text: string;
}

export interface CorpusOptions {
  /** How many notices to generate. */
  notices: number;
  /** PRNG seed; the same seed and seeds give the same corpus. */
  seed: number | string;
  /** The real seeds, whose clauses are the material every generated notice is built from. */
  seedTexts: SeedText[];
  /** First year of the corpus (default 2020). */
  firstYear?: number;
  /** Last year of the corpus (default 2025). */
  lastYear?: number;
  /** Body size range in characters for notices and opinions (default 10,000–22,000). */
  minChars?: number;
  maxChars?: number;
}

/** One generated notice: its metadata (as the YAML file carries it) and its raw text. */
export interface GeneratedNotice {
  meta: NoticeMeta;
  text: string;
}

// ─── Seeded randomness ────────────────────────────────────────────────────────────────────────

/** A small seeded PRNG (mulberry32) with the helpers the generator needs. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** Hash a seed (number or string) to 32 bits, so `--seed 1` and `--seed abc` both work. */
function hashSeed(seed: number | string): number {
  const s = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: number | string): Random {
  let a = hashSeed(seed);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

// ─── Clause material from the real seeds ──────────────────────────────────────────────────────

/** A clause: an optional short title (`强化党政领导责任`) and its body, possibly with items `1.`. */
export interface Clause {
  title?: string;
  body: string;
  items?: Clause[];
}

/** A top-level section (`一、完善安全责任体系`) and its clauses. */
export interface Section {
  title: string;
  clauses: Clause[];
}

/** What the generator draws from: sections with their clauses, preambles, term definitions. */
export interface ClausePool {
  sections: Section[];
  clauses: Clause[];
  preambles: string[];
  /** `“三同时”：…` definitions from the 政策解读's 专业术语注释. */
  definitions: string[];
}

const NUMERAL = '一二三四五六七八九十';

/** `一、完善安全责任体系` — a top-level heading. */
function matchSectionHeading(line: string): RegExpMatchArray | null {
  return line.match(/^[一二三四五六七八九十]+、\s*(.+)$/);
}

/** `（一）强化政治引领` or `(一) 强化学习贯彻。…` — a second-level heading, maybe with its body. */
function matchSubHeading(line: string): RegExpMatchArray | null {
  return line.match(/^[（(][一二三四五六七八九十]+[）)]\s*(.+)$/);
}

/** `1. 严格党政领导责任。…` — a numbered item. */
function matchItem(line: string): RegExpMatchArray | null {
  return line.match(/^\d{1,2}[.．、]\s*(.+)$/);
}

/** `第一部分：聚焦责任落实，…` or `一是提高政治站位，…` (the 政策解读's structure). */
function matchInterpretationLine(line: string): RegExpMatchArray | null {
  return line.match(/^(?:第[一二三四五六七八九十]+部分[：:]|[一二三四五六七八九十]+是)(.+)$/);
}

/** A line that ends a sentence; anything else was broken at a page end and continues below. */
function endsSentence(line: string): boolean {
  return /[。；：！？”）)」]$/.test(line);
}

/** Strip the Markdown noise of the seeds (`#`, `**`, trailing hard-break spaces). */
function cleanLine(line: string): string {
  return line
    .replace(/^\uFEFF/, '')
    // The pool is full-width; the halfwidth style converts back when it renders.
    .replace(/(?<=[\u4e00-\u9fff”》）)]),(?=\S)/g, '，')
    .replace(/(?<=[\u4e00-\u9fff”》）)]);(?=\S)/g, '；')
    .replace(/\((?=[\u4e00-\u9fff])/g, '（')
    .replace(/(?<=[\u4e00-\u9fff])\)/g, '）')
    .replace(/^#+\s*/, '')
    .replace(/\*\*/g, '')
    .replace(/\s+$/, '')
    .replace(/^\s+/, '');
}

/** Split `强化党政领导责任。按照…` into a title and a body when the first sentence is short. */
function splitTitle(text: string): Clause {
  const m = text.match(/^([^。：:，,]{2,24})[。：:](.+)$/);
  return m ? { title: m[1]!, body: m[2]! } : { body: text };
}

/** Body lines of a seed: after the addressee (or 解读单位), before the signature/attachment. */
function bodyLines(text: string): string[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n').map(cleanLine);
  const lines: string[] = [];
  let started = false;
  for (const line of raw) {
    if (!line || line === '---') continue;
    if (!started) {
      if (/^各.*[：:]$/.test(line) || /^解读单位/.test(line)) started = true;
      continue;
    }
    if (/^附件[：:]/.test(line) || line.includes('\t') || /^抄送/.test(line)) break;
    if (/人民政府$|应急管理局$/.test(line) && line.length < 20) break;
    lines.push(line);
  }
  // Rejoin lines broken at page ends, so every pooled clause is whole.
  const joined: string[] = [];
  for (const line of lines) {
    const prev = joined[joined.length - 1];
    const isNew =
      matchSectionHeading(line) || matchSubHeading(line) || matchItem(line) || matchInterpretationLine(line);
    if (prev !== undefined && !endsSentence(prev) && !isNew && (prev.includes('。') || prev.length > 30)) {
      joined[joined.length - 1] = prev + line;
    } else {
      joined.push(line);
    }
  }
  return joined;
}

/** Read the clause material of the real seeds: sections, clauses, preambles, definitions. */
export function extractClausePool(seedTexts: SeedText[]): ClausePool {
  const pool: ClausePool = { sections: [], clauses: [], preambles: [], definitions: [] };
  const sorted = seedTexts.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const seed of sorted) {
    let section: Section | undefined;
    let parent: Clause | undefined;
    let inDefinitions = false;
    let skip = false;
    for (const line of bodyLines(seed.text)) {
      const sec = matchSectionHeading(line);
      if (sec && line.length < 40) {
        inDefinitions = /术语/.test(sec[1]!);
        section = { title: sec[1]!.replace(/[。，,]$/, ''), clauses: [] };
        skip = /背景|主要任务|术语/.test(section.title);
        if (!skip && !/主要内容/.test(section.title)) pool.sections.push(section);
        parent = undefined;
        continue;
      }
      if (inDefinitions) {
        const item = matchItem(line);
        if (item) pool.definitions.push(item[1]!);
        continue;
      }
      if (skip) continue;
      const part = matchInterpretationLine(line);
      if (part && /^第/.test(line)) {
        // 第一部分：聚焦责任落实，… opens a section of the 政策解读's 主要内容.
        section = { title: part[1]!.replace(/[。，,]$/, ''), clauses: [] };
        pool.sections.push(section);
        parent = undefined;
        continue;
      }
      const sub = matchSubHeading(line) ?? part;
      if (sub) {
        const clause = part ? splitTitle(sub[1]!.replace(/^([^，。]{2,16})，/, '$1。')) : splitTitle(sub[1]!);
        if (!clause.title && sub[1]!.length < 30) {
          parent = { title: sub[1]!.replace(/[。，,]$/, ''), body: '', items: [] };
          section?.clauses.push(parent);
          continue;
        }
        parent = undefined;
        if (clause.body.length < 20) continue;
        section?.clauses.push(clause);
        pool.clauses.push(clause);
        continue;
      }
      const item = matchItem(line);
      if (item) {
        const clause = splitTitle(item[1]!);
        if (clause.body.length < 20) continue;
        if (parent?.items) parent.items.push(clause);
        else section?.clauses.push(clause);
        pool.clauses.push(clause);
        continue;
      }
      if (line.length < 40) continue;
      if (!section) {
        if (/^\d{4}\s*年/.test(line)) pool.preambles.push(line);
        continue;
      }
      if (parent && !parent.body && parent.items?.length === 0) parent.body = line;
      else {
        section.clauses.push({ body: line });
        pool.clauses.push({ body: line });
      }
    }
  }
  pool.sections = pool.sections.filter((s) => s.clauses.length > 0);
  return pool;
}

// ─── Places ───────────────────────────────────────────────────────────────────────────────────

interface ProvinceSpec {
  code: string;
  name: string;
  /** One-character abbreviation used in 文号 (`晋政发`). */
  abbr: string;
  cities: string[];
}

/** Real provinces and prefecture-level cities; county names are generated (see `countyName`). */
const PROVINCES: ProvinceSpec[] = [
  { code: 'sx', name: '山西省', abbr: '晋', cities: ['太原市', '大同市', '忻州市', '吕梁市', '晋中市', '阳泉市', '长治市', '晋城市', '临汾市', '运城市', '朔州市'] },
  { code: 'sd', name: '山东省', abbr: '鲁', cities: ['济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市', '泰安市', '威海市', '日照市', '临沂市', '德州市', '聊城市', '滨州市', '菏泽市'] },
  { code: 'hb', name: '河北省', abbr: '冀', cities: ['石家庄市', '唐山市', '秦皇岛市', '邯郸市', '邢台市', '保定市', '张家口市', '承德市', '沧州市', '廊坊市', '衡水市'] },
  { code: 'hn', name: '河南省', abbr: '豫', cities: ['郑州市', '开封市', '洛阳市', '平顶山市', '安阳市', '鹤壁市', '新乡市', '焦作市', '濮阳市', '许昌市', '漯河市', '三门峡市', '南阳市', '商丘市', '信阳市', '周口市', '驻马店市'] },
  { code: 'sn', name: '陕西省', abbr: '陕', cities: ['西安市', '铜川市', '宝鸡市', '咸阳市', '渭南市', '延安市', '汉中市', '榆林市', '安康市', '商洛市'] },
  { code: 'nm', name: '内蒙古自治区', abbr: '内', cities: ['呼和浩特市', '包头市', '乌海市', '赤峰市', '通辽市', '鄂尔多斯市', '呼伦贝尔市', '巴彦淖尔市', '乌兰察布市'] },
  { code: 'ah', name: '安徽省', abbr: '皖', cities: ['合肥市', '芜湖市', '蚌埠市', '淮南市', '马鞍山市', '淮北市', '铜陵市', '安庆市', '黄山市', '滁州市', '阜阳市', '宿州市', '六安市', '亳州市', '池州市', '宣城市'] },
  { code: 'hub', name: '湖北省', abbr: '鄂', cities: ['武汉市', '黄石市', '十堰市', '宜昌市', '襄阳市', '鄂州市', '荆门市', '孝感市', '荆州市', '黄冈市', '咸宁市', '随州市'] },
  { code: 'sc', name: '四川省', abbr: '川', cities: ['成都市', '自贡市', '攀枝花市', '泸州市', '德阳市', '绵阳市', '广元市', '遂宁市', '内江市', '乐山市', '南充市', '眉山市', '宜宾市', '广安市', '达州市', '雅安市', '巴中市', '资阳市'] },
  { code: 'gs', name: '甘肃省', abbr: '甘', cities: ['兰州市', '嘉峪关市', '金昌市', '白银市', '天水市', '武威市', '张掖市', '平凉市', '酒泉市', '庆阳市', '定西市', '陇南市'] },
  { code: 'jx', name: '江西省', abbr: '赣', cities: ['南昌市', '景德镇市', '萍乡市', '九江市', '新余市', '鹰潭市', '赣州市', '吉安市', '宜春市', '抚州市', '上饶市'] },
  { code: 'hun', name: '湖南省', abbr: '湘', cities: ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市'] },
];

const COUNTY_FIRST = '安宝长成大定东方丰福阜高古广和河华怀嘉建江金靖静乐临灵龙隆庐罗茂蒙宁平浦清庆仁容汝沙上神石寿顺泰通万文武西仙襄新兴阳永玉元云泽漳正中';
const COUNTY_SECOND = '安昌城川德丰福河和化江康乐陵宁平浦泉山寿水台亭武西溪峡乡兴阳源远州';

/** Place-name markers of the real seeds, replaced when a clause is localised. */
const SEED_PLACES = ['岢岚', '峄城', '沁水', '洪洞', '临汾', '忻州', '晋城', '枣庄'];

interface Jurisdiction {
  level: Level;
  /** Full name as issuer prefix: `山西省`, `忻州市`, `岢岚县`. */
  name: string;
  /** Short name used in running text: `岢岚`, `忻州`, `山西`. */
  short: string;
  /** 文号 prefix character. */
  abbr: string;
  /** `县` / `区` / `市` / `省`: how the text refers to itself (我县, 全区). */
  self: string;
  region: Region;
  slugBase: string;
  /** How the issuer writes its raw text (kept from year to year, as real offices do). */
  style: Style;
  kind: Kind;
  parent?: Jurisdiction;
  province: ProvinceSpec;
}

type Style = 'markdown' | 'halfwidth' | 'plain' | 'compact';

function shortName(name: string): string {
  return name.replace(/(自治区|省|市|县|区)$/, '');
}

function selfWord(level: Level, name: string): string {
  if (level === 'province') return '省';
  if (level === 'city') return '市';
  return name.endsWith('区') ? '区' : '县';
}

/** Build the provinces, cities and counties the corpus needs, in issuing order. */
function buildJurisdictions(rng: Random, count: number): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  const usedCounties = new Set<string>(SEED_PLACES);
  const provinces = rng.shuffle(PROVINCES);
  const perProvince = Math.max(1, Math.ceil(count / Math.max(1, Math.ceil(count / 110))));
  for (let p = 0; out.length < count; p++) {
    const spec = provinces[p % provinces.length]!;
    const round = Math.floor(p / provinces.length);
    const provName = round === 0 ? spec.name : `${spec.name.replace(/省$/, '')}${'东西南北'[round % 4]}省`;
    const province: Jurisdiction = {
      level: 'province',
      name: provName,
      short: shortName(provName),
      abbr: spec.abbr,
      self: '省',
      region: { province: provName },
      slugBase: round === 0 ? spec.code : `${spec.code}${round}`,
      style: rng.pick(['markdown', 'halfwidth'] as const),
      kind: 'notice',
      province: spec,
    };
    out.push(province);
    const budget = Math.min(perProvince, count - out.length + 1) - 1;
    const cities = spec.cities.slice(0, Math.max(1, Math.min(spec.cities.length, Math.ceil(budget / 12))));
    const perCity = Math.ceil((budget - cities.length) / cities.length);
    for (let c = 0; c < cities.length && out.length < count; c++) {
      const cityName = cities[c]!;
      const city: Jurisdiction = {
        level: 'city',
        name: cityName,
        short: shortName(cityName),
        abbr: cityName.slice(0, 1),
        self: '市',
        region: { province: provName, city: cityName },
        slugBase: `${province.slugBase}-c${c + 1}`,
        style: rng.pick(['markdown', 'plain', 'compact'] as const),
        kind: 'notice',
        parent: province,
        province: spec,
      };
      out.push(city);
      for (let k = 0; k < perCity && out.length < count; k++) {
        let name = '';
        for (let tries = 0; tries < 50 && (!name || usedCounties.has(name)); tries++) {
          name = rng.pick([...COUNTY_FIRST]) + rng.pick([...COUNTY_SECOND]);
        }
        if (usedCounties.has(name)) name = `${name}${k}`;
        usedCounties.add(name);
        const isDistrict = rng.chance(0.25);
        const full = name + (isDistrict ? '区' : '县');
        const style = rng.pick(['markdown', 'plain', 'plain', 'compact'] as const);
        out.push({
          level: 'county',
          name: full,
          short: name,
          abbr: name.slice(0, 1),
          self: isDistrict ? '区' : '县',
          region: { province: provName, city: cityName, county: full },
          slugBase: `${city.slugBase}-k${k + 1}`,
          style,
          kind: style === 'compact' && rng.chance(0.7) ? 'opinion' : 'notice',
          parent: city,
          province: spec,
        });
      }
    }
  }
  return out.slice(0, count);
}

// ─── Adapting text ────────────────────────────────────────────────────────────────────────────

/** Rewrite a clause for its issuer: 全县/我区/县委…, and the seeds' place names. */
function localise(text: string, j: Jurisdiction): string {
  const s = j.self;
  return text
    .replace(/全(?:省|市|县|区)(?![级域])/g, `全${s}`)
    .replace(/我(?:省|市|县|区)/g, `我${s}`)
    .replace(/(?<![市省各])(?:省|县|区)(委|政府|安委会|安委办|应急管理局|应急管理厅|财政|直)/g, (_m, rest: string) =>
      s === '省' && rest === '应急管理局' ? '省应急管理厅' : `${s}${rest === '应急管理厅' && s !== '省' ? '应急管理局' : rest}`,
    )
    .replace(/山西省|山东省/g, j.region.province)
    .replace(/(岢岚|峄城|沁水|洪洞)(?!县人民政府关于)/g, j.short);
}

/** The seeds' frequencies, each with the ones a county may turn it into. */
const FREQUENCY_DRIFT: Record<string, string[]> = {
  每周: ['每月', '每半月'],
  每月: ['每季度', '每两个月', '每半月'],
  每季度: ['每半年', '每月', '每两个月'],
  每半年: ['每年', '每季度'],
  每年: ['每半年'],
};

/** Change some 每月/每季度… in a clause, as counties do when they adapt a provincial clause. */
function driftFrequencies(text: string, rng: Random, p: number): string {
  return text.replace(/每(?:周|月|季度|半年|年)(?=至少|召开|开展|组织|听取|深入|进行|一次|1次)/g, (m) =>
    rng.chance(p) ? rng.pick(FREQUENCY_DRIFT[m] ?? [m]) : m,
  );
}

/** Move deadlines (`2023年6月底前`) into the notice's year, with a local month. */
function driftDeadlines(text: string, year: number, rng: Random): string {
  return text.replace(/\d{4}\s*年\s*(\d{1,2})\s*月(底|末)前/g, (_m, month: string, end: string) => {
    const mth = Math.min(12, Math.max(3, Number(month) + rng.int(-2, 3)));
    return `${year}年${mth}月${end}前`;
  });
}

/** Occasionally give a clause a deadline of its own, the way county notices do. */
function addDeadline(body: string, year: number, rng: Random): string {
  const month = rng.pick([4, 5, 6, 6, 8, 9, 10, 11, 12]);
  const what = rng.pick(['完成全面排查整治', '建立完善工作台账', '完成问题整改销号', '全部完成并上报总结']);
  return body.replace(/。$/, '') + `，${year}年${month}月底前${what}。`;
}

/** Slogans renamed over the years (三个必须 → 三管三必须; 两客一危 → 两客一危一货 → …一面). */
function renameSlogans(text: string, year: number, rng: Random, spellOut: boolean): string {
  let out = text;
  if (year >= 2021) {
    out = out.replace(/三个必须/g, spellOut ? '管行业必须管安全、管业务必须管安全、管生产经营必须管安全' : '三管三必须');
  } else {
    out = out.replace(/三管三必须/g, '三个必须');
  }
  if (year >= 2022) {
    out = out.replace(/两客一危(?!一货)/g, '两客一危一货');
    if (year >= 2024 && rng.chance(0.3)) out = out.replace(/两客一危一货(?!一面)/g, '两客一危一货一面');
  } else out = out.replace(/两客一危一货(?:一面)?/g, '两客一危');
  if (rng.chance(0.2)) out = out.replace(/“五进”/g, '“七进”');
  return out;
}

/** Slogan sentences added to clauses, so each slogan occurs in many but not all notices. */
const SLOGAN_SENTENCES = [
  '坚持“四不放过”原则，严格事故调查处理。',
  '严格落实“三同时”制度，新建、改建、扩建项目安全设施与主体工程同时设计、同时施工、同时投入生产和使用。',
  '推动企业做到主体责任、安全投入、安全培训、安全管理、应急救援“五到位”。',
  '坚持“四不两直”暗查暗访，对发现的问题一律挂牌督办。',
  '严厉打击“三超一疲劳”等交通违法行为。',
  '对“两客一危”车辆实施全过程动态监控。',
  '全面落实“双报告”制度，实现隐患排查治理闭环管理。',
  '对发生较大以上事故的实行安全生产“一票否决”。',
  '深入开展“反三违”行动，严禁违章指挥、违章作业、违反劳动纪律。',
  '认真落实“三管三必须”要求，厘清部门监管职责边界。',
  '深化安全宣传“五进”活动，提升群众安全意识。',
];

interface AdaptOptions {
  year: number;
  spellOut: boolean;
  /** Probability of each frequency changing. */
  drift: number;
}

function adaptText(text: string, j: Jurisdiction, rng: Random, o: AdaptOptions): string {
  let out = localise(text, j);
  out = driftFrequencies(out, rng, o.drift);
  out = driftDeadlines(out, o.year, rng);
  out = renameSlogans(out, o.year, rng, o.spellOut);
  return out;
}

function adaptClause(clause: Clause, j: Jurisdiction, rng: Random, o: AdaptOptions): Clause {
  let body = adaptText(clause.body, j, rng, o);
  if (body && rng.chance(0.08)) body = addDeadline(body, o.year, rng);
  if (body && rng.chance(0.06)) body = body + adaptText(rng.pick(SLOGAN_SENTENCES), j, rng, o);
  const out: Clause = { body };
  if (clause.title) out.title = adaptText(clause.title, j, rng, o);
  if (clause.items) out.items = clause.items.map((c) => adaptClause(c, j, rng, o));
  return out;
}

function clauseChars(c: Clause): number {
  return (c.title?.length ?? 0) + c.body.length + (c.items ?? []).reduce((n, i) => n + clauseChars(i), 0);
}

function bodyChars(sections: Section[]): number {
  return sections.reduce((n, s) => n + s.title.length + s.clauses.reduce((m, c) => m + clauseChars(c), 0), 0);
}

/** A notice written from the seed material alone (a province's first year in the corpus). */
function composeFresh(pool: ClausePool, j: Jurisdiction, rng: Random, o: AdaptOptions, target: number): Section[] {
  const sections: Section[] = [];
  const order = rng.shuffle(pool.sections);
  for (let i = 0; i < order.length && bodyChars(sections) < target && sections.length < 9; i++) {
    const src = order[i]!;
    const keep = src.clauses.filter(() => rng.chance(0.75));
    sections.push({
      title: adaptText(src.title, j, rng, o),
      clauses: (keep.length ? keep : src.clauses.slice(0, 1)).map((c) => adaptClause(c, j, rng, o)),
    });
  }
  fitSize(sections, pool, j, rng, o, target);
  return sections;
}

/** Adapt a parent's (or last year's) notice: keep most clauses, drop some, add some, reorder. */
function composeAdapted(
  base: Section[],
  pool: ClausePool,
  j: Jurisdiction,
  rng: Random,
  o: AdaptOptions,
  target: number,
): Section[] {
  const sections: Section[] = [];
  for (const src of base) {
    if (rng.chance(0.08)) continue; // drop a whole section
    const clauses: Clause[] = [];
    for (const c of src.clauses) {
      if (rng.chance(0.15)) continue; // drop a clause
      clauses.push(adaptClause(c, j, rng, o));
      if (rng.chance(0.1)) clauses.push(adaptClause(rng.pick(pool.clauses), j, rng, o)); // add one
    }
    if (clauses.length > 2 && rng.chance(0.2)) {
      const a = rng.int(0, clauses.length - 1);
      const b = rng.int(0, clauses.length - 1);
      [clauses[a], clauses[b]] = [clauses[b]!, clauses[a]!];
    }
    if (clauses.length === 0) continue;
    const title = rng.chance(0.15) ? adaptText(rng.pick(pool.sections).title, j, rng, o) : adaptText(src.title, j, rng, o);
    sections.push({ title, clauses });
  }
  if (rng.chance(0.15)) {
    const extra = rng.pick(pool.sections);
    sections.splice(rng.int(0, sections.length), 0, {
      title: adaptText(extra.title, j, rng, o),
      clauses: extra.clauses.map((c) => adaptClause(c, j, rng, o)),
    });
  }
  fitSize(sections, pool, j, rng, o, target);
  return sections;
}

/** Grow with seed clauses or trim clauses until the body is near `target` characters. */
function fitSize(sections: Section[], pool: ClausePool, j: Jurisdiction, rng: Random, o: AdaptOptions, target: number): void {
  if (sections.length === 0) sections.push({ title: adaptText(pool.sections[0]!.title, j, rng, o), clauses: [] });
  let chars = bodyChars(sections);
  const fresh = rng.shuffle(pool.clauses);
  while (chars < target) {
    // Draw without repeats while the pool lasts, so a notice does not say the same clause twice.
    const c = adaptClause(fresh.pop() ?? rng.pick(pool.clauses), j, rng, o);
    const s = rng.pick(sections);
    // Nest most additions as items under an existing clause, as the seeds nest 1. under （二）,
    // so sub-clause numbers stay in the seeds' range (up to about 三十).
    const host = rng.chance(0.7) ? s.clauses.filter((x) => x.title && (x.items?.length ?? 0) < 8) : [];
    if (host.length > 0) {
      const h = rng.pick(host);
      (h.items ??= []).push(c.title ? c : { title: rng.pick(pool.clauses.filter((x) => x.title)).title, body: c.body });
    } else s.clauses.push(c);
    chars += clauseChars(c);
  }
  while (chars > target * 1.2) {
    const s = rng.pick(sections);
    if (s.clauses.length <= 1) {
      if (sections.every((x) => x.clauses.length <= 1)) break;
      continue;
    }
    const removed = s.clauses.splice(rng.int(0, s.clauses.length - 1), 1)[0]!;
    chars -= clauseChars(removed);
  }
}

// ─── Rendering the raw text ───────────────────────────────────────────────────────────────────

/** 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
export function toChineseNumeral(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) throw new Error(`toChineseNumeral: ${n} is out of range 1–99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : NUMERAL[tens - 1] + '十';
  return t + (ones ? NUMERAL[ones - 1] : '');
}

/** The half-width punctuation of the 2020 provincial notice (`,` `;` `(` `)`), 。 kept. */
function toHalfWidth(text: string): string {
  return text.replace(/，/g, ',').replace(/；/g, ';').replace(/（/g, '(').replace(/）/g, ')');
}

/** Break a long paragraph at a page end, mid-sentence, as the seeds' PDF extraction does. */
function pageBreak(text: string, rng: Random): string[] {
  if (text.length < 120 || !rng.chance(0.05)) return [text];
  const at = rng.int(40, text.length - 40);
  if (/[。；：，、“”（）()]/.test(text.slice(at - 1, at + 1))) return [text];
  return [text.slice(0, at), text.slice(at)];
}

interface Furniture {
  issuer: string;
  docNumber: string;
  title: string;
  addressee: string;
  preamble: string;
  date: string;
  printDate: string;
  cc: string;
  printer: string;
}

function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function renderNotice(sections: Section[], f: Furniture, style: Style, rng: Random): string {
  const blank = style === 'compact' ? '\n' : '\n\n';
  const out: string[] = [];
  const push = (line: string): void => {
    for (const part of pageBreak(line, rng)) out.push(style === 'halfwidth' ? toHalfWidth(part) : part);
  };
  const [issuerLine = f.title, subject = ''] = f.title.split(/(?=关于)/);
  if (style === 'compact') {
    out.push(` ${f.docNumber}`, '', issuerLine, subject, '', f.addressee, f.preamble);
  } else if (style === 'plain') {
    out.push('', '', `${f.issuer}文件`, `${f.docNumber}`, `${issuerLine} ${subject}`, f.addressee, f.preamble);
  } else {
    out.push('', '', `# ${f.issuer}文件`, f.docNumber);
    if (style === 'halfwidth') out.push('---', `## ${issuerLine}`, `### ${subject}`);
    else out.push(`## ${issuerLine} ${subject}`);
    out.push(f.addressee, f.preamble);
  }
  let sub = 0;
  sections.forEach((s, i) => {
    const head = `${toChineseNumeral(i + 1)}、${s.title}`;
    out.push(style === 'markdown' ? `## ${head}` : style === 'halfwidth' ? `## **${head}**` : head);
    for (const c of s.clauses) {
      if (!c.title) {
        push(c.body);
        continue;
      }
      sub += 1;
      const num = style === 'halfwidth' || style === 'plain' ? `(${toChineseNumeral(sub)})` : `（${toChineseNumeral(sub)}）`;
      const sep = style === 'plain' ? ' ' : '';
      if (c.items?.length && style === 'markdown') {
        out.push(`### ${num}${c.title}`);
        if (c.body) push(c.body);
        c.items.forEach((item, k) => push(`${k + 1}. ${item.title ? `${item.title}。` : ''}${item.body}`));
      } else {
        const items = (c.items ?? []).map((item) => (item.title ? `${item.title}。` : '') + item.body).join('');
        push(`${num}${sep}${c.title}。${c.body}${items}`);
      }
    }
  });
  out.push(f.issuer, cnDate(f.date), '（此件公开发布）');
  if (style !== 'compact') {
    if (style !== 'plain') out.push('---');
    out.push(`抄送：${f.cc}`);
    if (style !== 'plain') out.push('---');
    out.push(f.printer, `${cnDate(f.printDate)}印发`);
  }
  return out.join(blank) + '\n';
}

function renderInterpretation(
  parentTitle: string,
  parentDoc: string,
  parentSections: Section[],
  j: Jurisdiction,
  upper: { title: string; doc: string }[],
  pool: ClausePool,
  year: number,
  rng: Random,
): string {
  const out: string[] = ['', '', `《${parentTitle}》政策解读`, `解读单位：${j.name}应急管理局`, '一、背景依据'];
  const basis = upper.map((u) => `《${u.title}》（${u.doc}）`).join('和');
  out.push(
    `${year}年，做好全年安全生产工作，营造安全稳定的发展环境，意义重大。为进一步巩固安全生产工作成果，持续提升全${j.self}本质安全水平，依据${basis}的文件精神和工作任务，紧密围绕我${j.self}安全生产实际，制定了《${parentTitle}》（${parentDoc}）。`,
  );
  out.push('二、主要任务');
  out.push(parentSections.map((s) => `聚焦${s.title.replace(/^聚焦/, '')}`).join('；') + '。');
  out.push('三、主要内容');
  parentSections.forEach((s, i) => {
    out.push(`第${toChineseNumeral(i + 1)}部分：${s.title}。`);
    s.clauses.slice(0, 6).forEach((c, k) => {
      const lead = c.title ?? '';
      const body = c.body.split('。')[0];
      out.push(`${toChineseNumeral(k + 1)}是${lead ? `${lead}，` : ''}${body}。`);
    });
  });
  out.push('四、专业术语注释');
  const text = out.join('');
  const used = pool.definitions.filter((d) => {
    const term = d.match(/“([^”]+)”/)?.[1];
    return term !== undefined && text.includes(term);
  });
  const defs = used.length >= 3 ? used : pool.definitions.slice(0, 6);
  defs.forEach((d, i) => out.push(`${i + 1}. ${renameSlogans(d, year, rng, false)}`));
  return out.join('\n\n') + '\n';
}

// ─── The corpus ───────────────────────────────────────────────────────────────────────────────

interface Issued {
  sections: Section[];
  meta: NoticeMeta;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ADDRESSEES: Record<Level, string[]> = {
  province: ['各市、县人民政府，省人民政府各委、办、厅、局：'],
  city: ['各县（市、区）人民政府，市人民政府各委、办、局：', '各县（市、区）人民政府，市直各有关单位：'],
  county: [
    '各乡（镇）人民政府，开发区管委会，县人民政府各委、办、局：',
    '各乡（镇）人民政府、经济技术开发区管委会、县安委会有关成员单位：',
    '各镇人民政府、街道办事处，区直各有关部门单位，各大企业：',
  ],
};

function addresseeFor(j: Jurisdiction, rng: Random): string {
  const a = rng.pick(ADDRESSEES[j.level]);
  return j.self === '区' ? a.replace(/县/g, '区').replace(/乡（镇）/g, '镇（街道）') : a;
}

function ccFor(j: Jurisdiction): string {
  const s = j.self;
  return s === '省'
    ? '省委各部门，省人大常委会办公厅，省政协办公厅，省法院，省检察院，各人民团体，各新闻单位。'
    : `${s}委各部门，${s}人大常委会办公室，${s}政协办公室，${s}法院，${s}检察院，各人民团体。`;
}

/**
 * Generate the corpus: for each year, each jurisdiction issues one notice (provinces first, then
 * cities adapting their province, then counties adapting their city or last year's own notice);
 * some counties also publish a 政策解读 of their notice.
 */
export function generateCorpus(options: CorpusOptions): GeneratedNotice[] {
  const rng = createRandom(options.seed);
  const pool = extractClausePool(options.seedTexts);
  if (pool.sections.length === 0 || pool.clauses.length === 0) {
    throw new Error('generateCorpus: the seed texts yielded no clauses; pass the real seeds/*.txt files');
  }
  const firstYear = options.firstYear ?? 2020;
  const lastYear = options.lastYear ?? 2025;
  const minChars = options.minChars ?? 10000;
  const maxChars = options.maxChars ?? 22000;
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push(y);
  const usedYears = options.notices >= years.length * 10 ? years : years.slice(0, Math.max(1, Math.ceil(options.notices / 10)));
  const jurisdictions = buildJurisdictions(rng, Math.ceil(options.notices / usedYears.length));
  const out: GeneratedNotice[] = [];
  const lastIssued = new Map<Jurisdiction, Issued>();
  const docCounter = new Map<string, number>();

  for (const year of usedYears) {
    const thisYear = new Map<Jurisdiction, Issued>();
    for (const j of jurisdictions) {
      if (out.length >= options.notices) break;
      const o: AdaptOptions = { year, spellOut: rng.chance(0.1), drift: j.level === 'county' ? 0.35 : 0.15 };
      const target = rng.int(minChars, maxChars);
      const parent = j.parent ? thisYear.get(j.parent) : undefined;
      const previous = lastIssued.get(j);
      let sections: Section[];
      if (parent && previous && rng.chance(0.35)) sections = composeAdapted(previous.sections, pool, j, rng, o, target);
      else if (parent) sections = composeAdapted(parent.sections, pool, j, rng, o, target);
      else if (previous) sections = composeAdapted(previous.sections, pool, j, rng, o, target);
      else sections = composeFresh(pool, j, rng, o, target);

      const issuer = `${j.name}人民政府`;
      const docKey = `${j.abbr}${year}`;
      const docNo = (docCounter.get(docKey) ?? 0) + 1;
      docCounter.set(docKey, docNo);
      const docNumber = `${j.abbr}政发〔${year}〕${docNo}号`;
      const month = j.level === 'province' ? 2 : j.level === 'city' ? rng.int(2, 3) : rng.int(3, 4);
      const day = rng.int(1, 28);
      const date = isoDate(year, month, day);
      const printDate = isoDate(year, month, Math.min(28, day + rng.int(0, 3)));
      const subject = j.kind === 'opinion' ? `关于${year}年安全生产工作意见` : `关于做好${year}年安全生产工作的通知`;
      const fullTitle = `${issuer}${subject}`;
      const self = j.self;
      const preamble = adaptText(
        rng.pick(pool.preambles).replace(/^\d{4}\s*年/, `${year}年`),
        j,
        rng,
        o,
      );
      const slug = `${j.slugBase}-${year}`;
      const relations: Relation[] = [];
      const upper = parent ?? (j.parent ? lastIssued.get(j.parent) : undefined);
      if (upper) {
        relations.push({ type: 'cites', docNumber: upper.meta.docNumber, title: `${upper.meta.issuer}${upper.meta.title}`, slug: upper.meta.slug });
      }
      const meta: NoticeMeta = {
        slug,
        title: subject,
        issuer,
        docNumber,
        date,
        printDate,
        year,
        level: j.level,
        region: j.region,
        kind: j.kind,
        source: `${slug}.txt`,
        relations,
      };
      const text = renderNotice(
        sections,
        {
          issuer,
          docNumber,
          title: fullTitle,
          addressee: addresseeFor(j, rng),
          preamble: `${preamble}${j.style === 'compact' ? '' : `\n\n现就做好全${self}${year}年安全生产工作通知如下。`}`,
          date,
          printDate,
          cc: ccFor(j),
          printer: `${issuer}办公室`,
        },
        j.style,
        rng,
      );
      out.push({ meta, text });
      const issued = { sections, meta };
      thisYear.set(j, issued);
      lastIssued.set(j, issued);

      if (j.level === 'county' && out.length < options.notices && rng.chance(0.05)) {
        const basis: { title: string; doc: string }[] = [];
        const cites: Relation[] = [];
        for (let a = j.parent; a; a = a.parent) {
          const m = thisYear.get(a)?.meta;
          if (!m?.docNumber) continue;
          basis.unshift({ title: `${m.issuer}${m.title}`, doc: m.docNumber });
          cites.unshift({ type: 'cites', docNumber: m.docNumber, title: `${m.issuer}${m.title}`, slug: m.slug });
        }
        const jslug = `${slug}-jiedu`;
        out.push({
          meta: {
            slug: jslug,
            title: `《${fullTitle}》政策解读`,
            issuer: `${j.name}应急管理局`,
            date: isoDate(year, Math.min(12, month + 1), rng.int(1, 28)),
            year,
            level: j.level,
            region: j.region,
            kind: 'interpretation',
            source: `${jslug}.txt`,
            relations: [{ type: 'interprets', docNumber, title: fullTitle, slug }, ...cites],
          },
          text: renderInterpretation(fullTitle, docNumber, sections, j, basis, pool, year, rng),
        });
      }
    }
  }
  return out;
}

// ─── Metadata file ────────────────────────────────────────────────────────────────────────────

/** A YAML scalar: JSON's double-quoted strings are valid YAML, so quote every string. */
function yamlScalar(value: string | number): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The notice's `content/notices/<slug>.yaml` (the slug is the file name, not a field). */
export function renderMetaYaml(meta: NoticeMeta): string {
  const lines: string[] = [];
  const field = (key: string, value: string | number | undefined, indent = ''): void => {
    if (value !== undefined) lines.push(`${indent}${key}: ${yamlScalar(value)}`);
  };
  field('title', meta.title);
  field('issuer', meta.issuer);
  field('docNumber', meta.docNumber);
  field('date', meta.date);
  field('printDate', meta.printDate);
  field('year', meta.year);
  field('level', meta.level);
  lines.push('region:');
  field('province', meta.region.province, '  ');
  field('city', meta.region.city, '  ');
  field('county', meta.region.county, '  ');
  field('kind', meta.kind);
  field('source', meta.source);
  if (meta.relations.length === 0) lines.push('relations: []');
  else {
    lines.push('relations:');
    for (const r of meta.relations) {
      lines.push(`  - type: ${r.type}`);
      field('docNumber', r.docNumber, '    ');
      field('title', r.title, '    ');
      field('slug', r.slug, '    ');
    }
  }
  return lines.join('\n') + '\n';
}
