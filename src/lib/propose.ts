/**
 * Propose the metadata of a new notice from its text (`npm run new-notice`): what the document
 * says about itself in its furniture. A person checks the proposal before it is saved.
 */
import { parseChineseDate } from './furniture';
import type { Block, Kind, Level } from './types';

export interface Proposal {
  title?: string;
  issuer?: string;
  docNumber?: string;
  date?: string;
  printDate?: string;
  year?: number;
  level?: Level;
  kind?: Kind;
  region: { province?: string; city?: string; county?: string };
}

function furnitureText(blocks: Block[], role: string): string | undefined {
  const block = blocks.find((b) => b.type === 'furniture' && b.role === role);
  return block?.text;
}

/** `岢岚县人民政府文件` → `岢岚县人民政府`. */
function issuerFromMasthead(masthead: string | undefined): string | undefined {
  return masthead?.replace(/文件$/u, '');
}

/** The kind from the title's last words. */
export function kindOfTitle(title: string): Kind | undefined {
  if (/解读$/u.test(title)) return 'interpretation';
  if (/意见$/u.test(title)) return 'opinion';
  if (/通知$/u.test(title)) return 'notice';
  return undefined;
}

/** The level from the issuer's name. */
export function levelOfIssuer(issuer: string): Level | undefined {
  const place = /^(.+?(?:省|自治区|市|县|区|旗))/u.exec(issuer)?.[1] ?? '';
  if (/(省|自治区)$/u.test(place)) return 'province';
  if (/(县|区|旗)$/u.test(place)) return 'county';
  if (/市$/u.test(place)) return /^(北京|天津|上海|重庆)市$/u.test(place) ? 'province' : 'city';
  return undefined;
}

/** Read what the furniture says: issuer, 文号, title, dates, year, kind, level. */
export function proposeMetadata(blocks: Block[]): Proposal {
  const titleLines = (furnitureText(blocks, 'title') ?? '').split('\n').filter(Boolean);
  const fullTitle = titleLines.join('');
  const interpreter = furnitureText(blocks, 'interpreter')?.replace(/^[^：:]+[：:]/u, '');
  const at = fullTitle.search(/关于/u);
  const titleIssuer = at > 0 ? fullTitle.slice(0, at).replace(/^《/u, '') : undefined;
  const issuer = interpreter ?? issuerFromMasthead(furnitureText(blocks, 'masthead')) ?? titleIssuer ?? furnitureText(blocks, 'signature');
  const title = interpreter ? fullTitle : at > 0 ? fullTitle.slice(at) : fullTitle || undefined;
  const docNumber = furnitureText(blocks, 'doc-number');
  const date = parseChineseDate(furnitureText(blocks, 'date') ?? '') ?? undefined;
  const printDate = parseChineseDate(furnitureText(blocks, 'print-date') ?? '') ?? undefined;
  const yearText = /(\d{4})\s*年/u.exec(fullTitle)?.[1] ?? /〔(\d{4})〕/u.exec(docNumber ?? '')?.[1] ?? date?.slice(0, 4);
  const place = issuer ? /^(.+?(?:省|自治区|市|县|区|旗))/u.exec(issuer)?.[1] : undefined;
  const level = issuer ? levelOfIssuer(issuer) : undefined;
  const region: Proposal['region'] = {};
  if (place && level) region[level === 'province' ? 'province' : level === 'city' ? 'city' : 'county'] = place;
  const proposal: Proposal = { region };
  if (title) proposal.title = title;
  if (issuer) proposal.issuer = issuer;
  if (docNumber) proposal.docNumber = docNumber;
  if (date) proposal.date = date;
  if (printDate) proposal.printDate = printDate;
  if (yearText) proposal.year = Number(yearText);
  if (level) proposal.level = level;
  const kind = title ? kindOfTitle(title) : undefined;
  if (kind) proposal.kind = kind;
  return proposal;
}

/** The proposal as a metadata file, with a comment on every field a person must check or fill. */
export function formatProposal(p: Proposal, source: string): string {
  const line = (key: string, value: string | number | undefined, hint: string) =>
    value === undefined ? `# ${key}:   # TODO ${hint}` : `${key}: ${value}`;
  const region = [p.region.province ? `province: ${p.region.province}` : 'province: TODO', p.region.city && `city: ${p.region.city}`, p.region.county && `county: ${p.region.county}`]
    .filter(Boolean)
    .join(', ');
  return [
    '# Proposed from the text by `npm run new-notice`: check every field against the document.',
    line('title', p.title, 'the title without the issuer'),
    line('issuer', p.issuer, 'the issuing body'),
    line('docNumber', p.docNumber, '文号, if the document has one'),
    line('date', p.date, 'date signed, YYYY-MM-DD'),
    ...(p.printDate ? [line('printDate', p.printDate, '')] : []),
    line('year', p.year, 'the work year'),
    line('level', p.level, 'province, city or county'),
    `region: { ${region} }   # check: add the province/city above the issuer`,
    line('kind', p.kind, 'notice, opinion or interpretation'),
    `source: ${source}`,
    'relations: []',
    '',
  ].join('\n');
}
