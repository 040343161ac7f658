/** The citation the "cite" button copies: term, defining document, 文号, and the term page URL. */
import { bookTitle, type TermData } from '../site/terms';
import { ui } from '../i18n';

/** `“三管三必须”，释义见洪洞县应急管理局《〈…〉政策解读》（2024年）。安全生产文件库，<url>` */
export function buildCitation(term: TermData, url: string): string {
  const { entry, sourceNotice, timeline } = term;
  const doc = sourceNotice ?? timeline[0];
  const when = doc?.date ? doc.date.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : doc ? `${doc.year}年` : '';
  const docPart = doc ? `${doc.issuer}${bookTitle(doc.title)}（${[doc.docNumber, when].filter(Boolean).join('，')}）` : '';
  const lead =
    entry.source.kind === 'document'
      ? `释义见${docPart}`
      : `编者释义${doc ? `；最早见于${docPart}` : ''}`;
  return `“${entry.term}”，${lead}。${ui.siteName}，${url}`;
}
