import { shortLabel } from '../components/notice-block';

/**
 * Give every heading and clause of a notice body its `#` permalink, named for screen readers by
 * the clause's start (`本段链接：一、加大安全监管…`). Added here rather than in the HTML: copying
 * needs JavaScript anyway, and on a notice page the links were a sixth of the markup. Without
 * JavaScript the anchors are still there (`/notices/<slug>/#<id>`), and the table of contents
 * links to the headings.
 */
export function addPermalinks(body: HTMLElement): void {
  const word = body.dataset.permalink ?? '';
  for (const block of body.querySelectorAll<HTMLElement>(':scope > :is(h2, h3, h4, h5, h6)[id], :scope > p.clause[id]')) {
    const link = document.createElement('a');
    link.className = 'permalink';
    link.href = `#${block.id}`;
    link.title = word;
    link.setAttribute('aria-label', `${word}：${shortLabel(block.textContent ?? '')}`);
    link.dataset.pagefindIgnore = '';
    link.textContent = '#';
    block.append(link);
  }
}

/**
 * Clicking a clause permalink copies the clause's full URL (the link still updates the address
 * bar, so copying by hand works too) and announces it to screen readers.
 */
export function initPermalinks(): void {
  const announcer = document.getElementById('copy-status');
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a.permalink');
    if (!(link instanceof HTMLAnchorElement)) return;
    const url = new URL(link.getAttribute('href') ?? '', location.href).href;
    navigator.clipboard?.writeText(url).then(
      () => {
        if (announcer) announcer.textContent = announcer.dataset.copied ?? '';
        link.dataset.copied = 'true';
        setTimeout(() => delete link.dataset.copied, 1500);
      },
      () => undefined,
    );
  });
}
