import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import kk from '../i18n/kk.json';
import ru from '../i18n/ru.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf key, with i18next plural suffixes folded (ru has _few/_many, en and kk do not). */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else keys(v, path).forEach((p) => out.add(p));
  }
  return out;
}

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const langs = { en, kk, ru } as Record<string, Tree>;

describe('translations', () => {
  const enKeys = keys(en as Tree);

  for (const lang of ['kk', 'ru']) {
    it(`every key in en.json exists in ${lang}.json`, () => {
      const other = keys(langs[lang]!);
      expect([...enKeys].filter((k) => !other.has(k))).toEqual([]);
    });
    it(`every key in ${lang}.json exists in en.json`, () => {
      const other = keys(langs[lang]!);
      expect([...other].filter((k) => !enKeys.has(k))).toEqual([]);
    });
  }

  it('plural keys have every form the language needs', () => {
    const forms: Record<string, string[]> = { en: ['one', 'other'], kk: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] };
    for (const [lang, tree] of Object.entries(langs)) {
      const all = new Set(leaves(tree).map(([k]) => k));
      const plural = [...all].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, ''));
      for (const base of plural) {
        for (const form of forms[lang]!) expect(all, `${lang}: ${base}_${form}`).toContain(`${base}_${form}`);
      }
    }
  });

  it('no value is empty and interpolations match across languages', () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort().join(',');
    const byKey = (tree: Tree) => {
      const map = new Map<string, string>();
      for (const [k, v] of leaves(tree)) {
        expect(v.trim(), k).not.toBe('');
        map.set(k.replace(/_(zero|one|two|few|many|other)$/, ''), vars(v));
      }
      return map;
    };
    const base = byKey(en as Tree);
    for (const lang of ['kk', 'ru']) {
      const other = byKey(langs[lang]!);
      for (const [k, v] of base) expect(other.get(k), `${lang}: ${k}`).toBe(v);
    }
  });

  it('Kazakh strings use Kazakh letters', () => {
    const text = leaves(kk as Tree).map(([, v]) => v).join(' ');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(text).toContain(letter);
  });
});
