import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api';
import { errorText } from '../lib/errors';
import { coreText, fileCount, hasCoreText } from '../lib/words';
import { LANGUAGES } from '../i18n';

const SRC = join(__dirname, '..');

/** Every source file of the interface, tests and design previews left out. */
function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' || name === 'dev' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const t = ((key: string) => key) as never;

describe("the core's words", () => {
  it('come from the same Fluent files in every language', () => {
    for (const lang of LANGUAGES) expect(fileCount[lang], lang).toBe(fileCount.en);
    expect(fileCount.en).toBeGreaterThan(1);
  });

  it('turn a refusal into its sentence by code and parameters, in each language', () => {
    const refusal: ApiError = {
      code: 'invalid_input',
      message: 'k is between 2 and 100.',
      params: { field: 'k', reason: 'k_range', min: 2, max: 100 },
    };
    for (const lang of LANGUAGES) expect(hasCoreText('reason-k_range', lang), lang).toBe(true);
    expect(coreText('reason-k_range', { min: 2, max: 100 }, 'en')).toBe('k is between 2 and 100.');
    expect(errorText(t, refusal)).toBe(coreText('reason-k_range', { min: 2, max: 100 }));
    expect(errorText(t, refusal)).not.toContain('{');
  });

  it('write a record number as the core does, ungrouped, and still pick plural forms by it', () => {
    expect(coreText('error-blocked', { number: 12345 }, 'ru')).toContain('№ 12345');
    expect(coreText('error-blocked', { number: 12345 }, 'en')).toContain('№ 12345');
  });

  it('are never read back out of an English sentence', () => {
    // The core sends a code and parameters; matching its English text would break the moment a
    // sentence is reworded, and says nothing in Kazakh or Russian.
    const offenders: string[] = [];
    for (const path of sources()) {
      const text = readFileSync(path, 'utf8');
      const rel = path.slice(SRC.length + 1);
      if (/KNOWN_REASONS/.test(text)) offenders.push(`${rel}: a table of English sentences`);
      for (const line of text.split('\n')) {
        if (/\.(exec|test|match)\([^)]*\bmessage\b/.test(line) || /\bmessage\b[^;]*\.(match|replace|split)\(/.test(line)) {
          offenders.push(`${rel}: ${line.trim()}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
