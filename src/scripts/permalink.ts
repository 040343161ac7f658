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
