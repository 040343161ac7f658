/** Every built page is valid HTML by html-validate's recommended rules. */
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { listPages } from '../helpers/dist';

/**
 * `html-validate:recommended` as is: Astro's output passes it, so no rule is switched off.
 * Add an exception here only for markup Astro emits that is valid HTML, with the reason.
 */
const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
};

const distDir = inject('distDir');
const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);

describe('HTML validity', () => {
  test.each(listPages(distDir))('%s has no html-validate errors', async (file) => {
    const report = await validator.validateFile(join(distDir, file));
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.ruleId} at ${m.line}:${m.column}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });
});
