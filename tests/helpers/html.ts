/**
 * Reading built HTML files as DOM trees, with html-validate's own parser (a declared dependency,
 * so the gates need nothing else to parse HTML).
 */
import { readFileSync } from 'node:fs';
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';

let parser: Promise<Parser> | undefined;

async function getParser(): Promise<Parser> {
  parser ??= new HtmlValidate().getConfigFor('page.html').then((config) => new Parser(config));
  return parser;
}

/** The document element of an HTML file. */
export async function parseHtmlFile(file: string): Promise<HtmlElement> {
  return (await getParser()).parseHtml({
    data: readFileSync(file, 'utf8'),
    filename: file,
    line: 1,
    column: 1,
    offset: 0,
  });
}

/** Every element under `root`, depth first. */
export function allElements(root: HtmlElement): HtmlElement[] {
  return root.querySelectorAll('*');
}

/** `<tag attr="…">` with line, for messages that point at the offending markup. */
export function describeElement(element: HtmlElement, attribute?: string): string {
  const value = attribute ? element.getAttributeValue(attribute) : null;
  const attr = attribute ? ` ${attribute}="${String(value).slice(0, 80)}"` : '';
  return `<${element.tagName}${attr}> at ${element.location.line}:${element.location.column}`;
}
