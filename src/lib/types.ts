/**
 * The shapes the whole site shares: what the parser produces, what pages render, what the open
 * data (`/data/*.json`) publishes. Field names here are a public contract: journalists script
 * against them, so add fields rather than rename them.
 */

/** What a furniture block is: the parts of an official document that frame the body. */
export type FurnitureRole =
  /** 红头: the issuer line printed in red at the top (`岢岚县人民政府文件`). */
  | 'masthead'
  /** 文号 (`岢政发〔2023〕1号`). */
  | 'doc-number'
  /** The document's own title line(s). */
  | 'title'
  /** 解读单位 of a 政策解读. */
  | 'interpreter'
  /** 主送: the addressees (`各乡（镇）人民政府……：`). */
  | 'addressee'
  /** 附件 note at the end of the body (`附件：重点任务分工`). */
  | 'annex-note'
  /** The issuer's name signed under the body. */
  | 'signature'
  /** The date under the signature. */
  | 'date'
  /** `（此件公开发布）`. */
  | 'publication'
  /** 抄送: copied-to list. */
  | 'cc'
  /** The office that printed the document. */
  | 'printer'
  /** `2023年3月29日印发`. */
  | 'print-date'
  /** `共印60份`: how many copies were printed. */
  | 'copies';

interface BlockBase {
  /** Stable anchor, unique in the notice (`s1-2-p1`, `t1`, `f-cc`). */
  id: string;
  /** Text as shown: the source text with Markdown noise and stray spaces removed. */
  text: string;
  /** 1-based line in the seed file where the block starts. */
  line: number;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  /** 1 = top level (一、 or 第一部分 when it comes first), deeper numbering styles below. */
  depth: number;
  /** The numbering as written, normalised to full width: `一、`, `（二）`, `3.`, `第一部分`. */
  number: string;
  /** The heading text without its number. */
  title: string;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  /** The inline responsibility note the clause ends with (`县应急管理局等部门分工负责`), if any. */
  responsibility?: string;
}

export interface TableBlock extends BlockBase {
  type: 'table';
  /**
   * Header row first, then one row per task. Continuation rows of a task are merged into it;
   * a line break inside a cell is `\n`.
   */
  rows: string[][];
}

export interface FurnitureBlock extends BlockBase {
  type: 'furniture';
  role: FurnitureRole;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | FurnitureBlock;
export type BlockType = Block['type'];

export type Level = 'province' | 'city' | 'county';
export type Kind = 'notice' | 'opinion' | 'interpretation';

export interface Region {
  /** 省 (`山西省`). */
  province: string;
  /** 市, when the issuer is below province level. */
  city?: string;
  /** 县/区, when the issuer is county level. */
  county?: string;
}

export interface Relation {
  type: 'interprets' | 'cites';
  /** 文号 of the related document, when it has one. */
  docNumber?: string;
  /** Title of the related document. */
  title?: string;
  /** Slug of the related notice when it is in the library. */
  slug?: string;
}

/** Curated metadata of one notice (`content/notices/<slug>.yaml`), after validation. */
export interface NoticeMeta {
  slug: string;
  title: string;
  issuer: string;
  docNumber?: string;
  /** Date signed, ISO `YYYY-MM-DD`, when the document gives one. */
  date?: string;
  /** Date printed (印发), ISO, when the document says. */
  printDate?: string;
  year: number;
  level: Level;
  region: Region;
  kind: Kind;
  /** Seed file name inside `seeds/`. */
  source: string;
  relations: Relation[];
}

/** A notice as the site and the open data publish it. */
export interface Notice extends NoticeMeta {
  blocks: Block[];
}
