import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/data/glossary';
import { loadNotices } from '../../src/data/notices';
import { headAndTail, latest, OCCURRENCE_NOTICES, TIMELINE_HEAD, TIMELINE_TAIL } from '../../src/components/term-lists';
import { buildTermIndex } from '../../src/site/terms';

const years = Array.from({ length: 100 }, (_, i) => 1926 + i);

describe('term page lists on a large corpus', () => {
  it('keeps the most recent notices of the occurrences, in order, and counts the rest', () => {
    const { shown, omitted } = latest(years);
    expect(shown).toEqual(years.slice(100 - OCCURRENCE_NOTICES));
    expect(omitted + shown.length).toBe(100);
  });

  it('keeps the earliest and the latest of a long timeline, and counts what is between', () => {
    const { head, tail, omitted } = headAndTail(years);
    expect(head).toEqual(years.slice(0, TIMELINE_HEAD));
    expect(tail).toEqual(years.slice(100 - TIMELINE_TAIL));
    expect(head.length + omitted + tail.length).toBe(100);
  });

  it('leaves every list of the real seeds whole (five notices)', () => {
    const index = buildTermIndex(loadGlossary(), loadNotices());
    for (const t of index.terms) {
      expect(latest(t.occurrences).omitted).toBe(0);
      expect(headAndTail(t.timeline).omitted).toBe(0);
    }
  });
});
