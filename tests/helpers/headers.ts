/**
 * The response headers the site is hosted with, read from `public/_headers` (the file static
 * hosts such as Netlify and Cloudflare Pages apply). The test server sends exactly these, so the
 * browser tests prove that the site works under the documented Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const HEADERS_FILE = fileURLToPath(new URL('../../public/_headers', import.meta.url));

/** A `_headers` path line such as `/*` (starts in column 0, not a comment). */
function isPathLine(line: string): boolean {
  return /^\/\S*$/.test(line);
}

/** An indented `Name: value` header line under a path line. */
function matchHeaderLine(line: string): RegExpMatchArray | null {
  return line.match(/^\s+([A-Za-z0-9-]+):\s*(.+?)\s*$/);
}

/**
 * The headers listed under `/*` in `public/_headers`. Throws, naming the file and line, when
 * the file has a line that is neither a comment, a path nor a header.
 */
export function readSiteHeaders(file = HEADERS_FILE): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '' || line.trimStart().startsWith('#')) return;
      if (isPathLine(line)) {
        inAllPaths = line === '/*';
        return;
      }
      const header = matchHeaderLine(line);
      if (!header) {
        throw new Error(
          `${file}:${index + 1}: cannot read "${line}". Write a path such as "/*" in column 0, ` +
            'then indented "Header-Name: value" lines.',
        );
      }
      if (inAllPaths) headers[header[1]!] = header[2]!;
    });
  if (!headers['Content-Security-Policy']) {
    throw new Error(`${file}: no Content-Security-Policy under "/*". Add one (see docs/hosting.md).`);
  }
  return headers;
}
