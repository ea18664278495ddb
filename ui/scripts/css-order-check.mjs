#!/usr/bin/env node
// Compares two CSS bundles (before and after moving styles between files) and proves the move
// changed nothing a user can see:
//   (a) both bundles hold the same rules (selector + declarations, inside the same @media /
//       @container / @supports blocks; @keyframes, @font-face and @page count as one rule each),
//       as many times each;
//   (b) every pair of rules whose relative order changed cannot fight over an element: either
//       they set no common property (shorthands count: `padding` meets `padding-left`), or they
//       set it to the same value, or their selectors differ in specificity or !important (then
//       order does not decide), or their selectors cannot match the same element.
// "Cannot match the same element" is decided from the app's sources (src/**/*.tsx, read with the
// TypeScript compiler): which classes an element can carry together (the string literals and
// template-literal text of its className; `x--${v}` counts as every class starting with "x--"; a
// className forwarded from a prop takes what the callers pass), of which tag, and which file's
// elements can lie inside which file's (see "the app's elements" below). Two selectors can meet
// when some element fits both subjects (the last compound: same pseudo-element, compatible tags,
// classes carried together), every ancestor compound of either selector fits an element that can
// hold it, those holders can nest, and, when both subjects follow `>`, one element fits both
// parents. A class no className mentions can go with anything: such a pair is reported.
//
// Usage (from ui/):
//   npm run build && cp dist/assets/index-*.css /tmp/before.css   # on the old tree
//   npm run build && node scripts/css-order-check.mjs /tmp/before.css dist/assets/index-*.css
// Exit status 0 when (a) and (b) hold, 1 otherwise. --verbose lists every reordered pair that
// shares a property and why it is harmless.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const srcIdx = args.indexOf('--src');
const srcDir = srcIdx >= 0 ? args[srcIdx + 1] : new URL('../src', import.meta.url).pathname;
const files = args.filter((a, i) => !a.startsWith('--') && (srcIdx < 0 || i !== srcIdx + 1));
if (files.length !== 2) {
  console.error('usage: node scripts/css-order-check.mjs BEFORE.css AFTER.css [--src DIR] [--verbose]');
  process.exit(2);
}

// ---------------------------------------------------------------- parsing

/** Splits `text` at top-level occurrences of `sep`, skipping strings, parentheses and brackets. */
function splitTop(text, sep) {
  const out = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Index of the `}` closing the block whose `{` is at `open`. */
function blockEnd(css, open) {
  let depth = 0;
  let quote = null;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '/' && css[i + 1] === '*') i = css.indexOf('*/', i + 2) + 1;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error(`unclosed block at ${open}`);
}

function parseDecls(body) {
  return splitTop(body, ';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const colon = d.indexOf(':');
      const prop = d.slice(0, colon).trim().toLowerCase();
      let value = d.slice(colon + 1).trim();
      const important = /!\s*important$/i.test(value);
      if (important) value = value.replace(/!\s*important$/i, '').trim();
      return { prop, value, important };
    });
}

const ATOMIC = /^@(keyframes|-webkit-keyframes|font-face|page|counter-style|property)\b/i;
const NESTING = /^@(media|container|supports|layer|document)\b/i;

/** A flat list of rules: { context: ['@media print', …], selector, decls, atomic, key }. */
function parse(css) {
  css = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = [];
  (function walk(text, context) {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      const semi = text.indexOf(';', i);
      if (open < 0) break;
      if (semi >= 0 && semi < open) {
        // @charset / @import statement: keep it as a rule of its own.
        const stmt = text.slice(i, semi).trim();
        if (stmt) rules.push({ context, selector: stmt, decls: [], atomic: true });
        i = semi + 1;
        continue;
      }
      const close = blockEnd(text, open);
      const prelude = text.slice(i, open).trim().replace(/\s+/g, ' ');
      const body = text.slice(open + 1, close);
      if (NESTING.test(prelude)) walk(body, [...context, prelude]);
      else if (ATOMIC.test(prelude)) rules.push({ context, selector: prelude, decls: [], body: body.trim(), atomic: true });
      else rules.push({ context, selector: prelude, decls: parseDecls(body), atomic: false });
      i = close + 1;
    }
  })(css, []);
  for (const r of rules) {
    r.key = JSON.stringify([r.context, r.selector, r.body ?? null, r.decls.map((d) => [d.prop, d.value, d.important])]);
  }
  return rules;
}

// ---------------------------------------------------------------- properties

const unprefix = (p) => p.replace(/^-(webkit|moz|ms|o)-/, '');
const SHORTHAND_EXTRA = {
  inset: ['top', 'right', 'bottom', 'left'],
  gap: ['row-gap', 'column-gap'],
  'grid-gap': ['row-gap', 'column-gap'],
  'place-items': ['align-items', 'justify-items'],
  'place-content': ['align-content', 'justify-content'],
  'place-self': ['align-self', 'justify-self'],
  'flex-flow': ['flex-direction', 'flex-wrap'],
  font: ['line-height'],
  'grid-area': ['grid-row-start', 'grid-row-end', 'grid-column-start', 'grid-column-end'],
  'grid-row': ['grid-row-start', 'grid-row-end'],
  'grid-column': ['grid-column-start', 'grid-column-end'],
  grid: ['grid-template-rows', 'grid-template-columns', 'grid-template-areas', 'grid-auto-flow', 'grid-auto-rows', 'grid-auto-columns'],
  'border-color': ['border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color'],
  'border-width': ['border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width'],
  'border-style': ['border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style'],
  'border-radius': ['border-top-left-radius', 'border-top-right-radius', 'border-bottom-left-radius', 'border-bottom-right-radius'],
  'white-space': ['text-wrap', 'text-wrap-mode', 'white-space-collapse'],
  'text-wrap': ['text-wrap-mode', 'text-wrap-style'],
  container: ['container-type', 'container-name'],
  overflow: ['overflow-x', 'overflow-y'],
};

/** Do declarations of `a` and `b` set (part of) the same property? */
function overlaps(a, b) {
  if (a === b) return true;
  if (a.startsWith('--') || b.startsWith('--')) return false;
  if (a === 'all' || b === 'all') return true;
  a = unprefix(a);
  b = unprefix(b);
  if (a === b || a.startsWith(b + '-') || b.startsWith(a + '-')) return true;
  return (SHORTHAND_EXTRA[a] ?? []).includes(b) || (SHORTHAND_EXTRA[b] ?? []).includes(a);
}

/** The properties two rules both set, with different values or importance. */
function contested(r1, r2) {
  if (r1.atomic || r2.atomic) {
    // Two @keyframes (or @font-face, @page) of the same name: the later one wins.
    const name = (r) => (r.atomic ? r.selector.replace(/^@-webkit-/, '@') : null);
    if (!(r1.atomic && r2.atomic)) return [];
    if (r1.selector.startsWith('@font-face') && r2.selector.startsWith('@font-face')) {
      const face = (r) => ['font-family', 'font-style', 'font-weight', 'unicode-range'].map((p) => (r.body.match(new RegExp(`${p}:([^;]*)`)) ?? [])[1]).join('|');
      return face(r1) === face(r2) ? ['@font-face'] : [];
    }
    return name(r1) === name(r2) ? [name(r1)] : [];
  }
  const out = [];
  for (const d1 of r1.decls) {
    for (const d2 of r2.decls) {
      if (!overlaps(d1.prop, d2.prop)) continue;
      if (d1.prop === d2.prop && d1.value === d2.value && d1.important === d2.important) continue;
      if (d1.important !== d2.important) continue; // importance decides, not order
      out.push(d1.prop === d2.prop ? d1.prop : `${d1.prop}/${d2.prop}`);
    }
  }
  return [...new Set(out)];
}

// ---------------------------------------------------------------- selectors

/** Splits a complex selector into compounds and the combinators between them. */
function compounds(sel) {
  const parts = [];
  const combinators = [];
  let depth = 0;
  let quote = null;
  let cur = '';
  let comb = null;
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (!quote && depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) {
      if (c !== ' ' || comb === null) comb = c === ' ' ? ' ' : c;
      else if (c !== ' ') comb = c;
      continue;
    }
    if (comb !== null && cur) {
      parts.push(cur);
      combinators.push(comb);
      cur = '';
    }
    comb = null;
    cur += c;
  }
  parts.push(cur);
  return { parts, combinators };
}

/** Drops the arguments of functional pseudo-classes and attribute selectors. */
const stripArgs = (s) => {
  let out = '';
  let depth = 0;
  for (const c of s) {
    if (c === '(' || c === '[') depth++;
    if (depth === 0) out += c;
    if (c === ')' || c === ']') depth--;
  }
  return out;
};

function compound(text) {
  const bare = stripArgs(text);
  const type = (bare.match(/^([a-zA-Z][\w-]*|\*)/) ?? [])[1];
  const pseudoEl = (bare.match(/::?(before|after|first-line|first-letter|placeholder|marker|selection|backdrop|file-selector-button|-webkit-[\w-]+|-moz-[\w-]+)/) ?? [])[1] ?? null;
  const classes = [...bare.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]);
  return { text, type: type && type !== '*' ? type.toLowerCase() : null, pseudoEl, classes };
}

/** The subject (last compound) and, for `P > S` or `P > A + S`, the subject's parent P. */
function describe(sel) {
  const { parts, combinators } = compounds(sel.trim());
  const subject = compound(parts[parts.length - 1]);
  let parent = null;
  // Walk left over sibling combinators (+, ~): siblings share the parent.
  for (let k = combinators.length - 1; k >= 0; k--) {
    if (combinators[k] === '>') {
      parent = compound(parts[k]);
      break;
    }
    if (combinators[k] === ' ') break;
  }
  // Every compound left of a descendant or child combinator is an ancestor of the subject.
  const ancestors = parts.slice(0, -1).map(compound).filter((_, k) => combinators[k] === ' ' || combinators[k] === '>');
  return { ...subject, subject: subject.text, parent, ancestors };
}

/** Specificity [ids, classes, types] of one complex selector (:is/:not/:has take their argument's). */
function specificity(sel) {
  let a = 0;
  let b = 0;
  let c = 0;
  let s = sel;
  // Functional pseudo-classes: :where() counts nothing, :not/:is/:has count their most specific argument.
  s = s.replace(/:where\((?:[^()]|\([^()]*\))*\)/g, '');
  s = s.replace(/:(not|is|has|matches)\(((?:[^()]|\([^()]*\))*)\)/g, (_, _fn, inner) => {
    const best = splitTop(inner, ',')
      .map((x) => specificity(x.trim()))
      .sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2])[0] ?? [0, 0, 0];
    a += best[0];
    b += best[1];
    c += best[2];
    return '';
  });
  s = s.replace(/\[[^\]]*\]/g, () => {
    b++;
    return '';
  });
  s = s.replace(/::?(before|after|first-line|first-letter)|::[\w-]+(\([^)]*\))?/g, () => {
    c++;
    return '';
  });
  s = s.replace(/:[\w-]+(\([^)]*\))?/g, () => {
    b++;
    return '';
  });
  s = s.replace(/#[\w-]+/g, () => {
    a++;
    return '';
  });
  s = s.replace(/\.[\w-]+/g, () => {
    b++;
    return '';
  });
  for (const part of s.split(/[\s>+~]+/)) if (/^[a-zA-Z]/.test(part)) c++;
  return [a, b, c];
}

// ---------------------------------------------------------------- the app's elements
//
// The sources are read with the TypeScript compiler. Every JSX element of a DOM tag is an element
// of the app (its classes come from its className); an icon (lucide) is an <svg>, and another
// package's component an element of unknown tag. Which elements can lie inside which is decided
// per file: file A can hold elements of file B if A renders a component of B, or if some file P
// passes JSX (children, a ReactNode prop, a render function) to a component S that renders A
// (directly or not) while P renders B. A component whose JSX tag is a variable (the shell's
// current screen) can render any file. The sources must be those of the bundle after; the check
// is for moving rules, not for changing the markup at the same time.

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

function readApp(dir) {
  const files = sourceFiles(dir);
  const program = ts.createProgram(files, {
    jsx: ts.JsxEmit.ReactJSX,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const elements = []; // { file, tag, atoms, prefixes, open, expr }
  const renders = new Map(files.map((f) => [f, new Set([f])])); // file -> files it renders
  const slots = []; // [file passing JSX, file of the component receiving it]
  const passedClassNames = []; // [file of the component, className expression text]
  const anything = new Set();

  const jsxIn = (node) => {
    let found = false;
    const visit = (n) => {
      if (found) return;
      if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };
  const REACTISH = /ReactNode|ReactElement|JSX\.Element|\bElement\b|ComponentType|ReactPortal/;
  const isReactish = (type) =>
    REACTISH.test(checker.typeToString(type)) ||
    type.getCallSignatures().some((sig) => REACTISH.test(checker.typeToString(sig.getReturnType())));

  /** 'icon', 'external', 'dynamic', or the file defining the component a JSX tag names. */
  const target = (tagName, file) => {
    let sym = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(tagName) ? tagName.name : tagName);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.declarations?.[0];
    const declFile = decl?.getSourceFile().fileName;
    if (/LucideProps|LucideIcon/.test(checker.typeToString(checker.getTypeAtLocation(tagName)))) return 'icon';
    if (declFile && /node_modules/.test(declFile)) return 'external';
    if (decl && (ts.isFunctionDeclaration(decl) || (ts.isVariableDeclaration(decl) && decl.parent.parent.parent === decl.getSourceFile()))) {
      // A component defined at the top of a file (function or const).
      if (declFile !== file && !renders.has(declFile)) return 'external';
      return declFile;
    }
    return 'dynamic';
  };

  for (const sf of program.getSourceFiles()) {
    const file = sf.fileName;
    if (!renders.has(file) || !file.endsWith('.tsx')) continue;
    const visit = (node) => {
      if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) {
        const open = ts.isJsxElement(node) ? node.openingElement : node;
        const tagText = open.tagName.getText(sf);
        const attrs = open.attributes.properties;
        const classAttr = attrs.find((p) => ts.isJsxAttribute(p) && p.name.getText(sf) === 'className');
        const classText = classAttr?.initializer ? classAttr.initializer.getText(sf) : '""';
        if (/^[a-z]/.test(tagText)) {
          elements.push({ file, tag: tagText, ...atomsOf(classText) });
        } else {
          const t = target(open.tagName, file);
          const passes =
            (ts.isJsxElement(node) && node.children.some((ch) => !(ts.isJsxText(ch) && ch.containsOnlyTriviaWhiteSpaces))) ||
            attrs.some((p) => {
              if (ts.isJsxSpreadAttribute(p)) return true;
              const init = p.initializer;
              if (!init || ts.isStringLiteral(init)) return false;
              if (jsxIn(init)) return true;
              const expr = init.expression;
              return !!expr && isReactish(checker.getContextualType(expr) ?? checker.getTypeAtLocation(expr));
            });
          if (t === 'external' || t === 'icon') {
            // An icon renders an <svg>; another package's component, an element of unknown tag.
            elements.push({ file, tag: t === 'icon' ? 'svg' : '?', ...atomsOf(classText) });
          } else if (t === 'dynamic') {
            anything.add(file);
            if (passes) slots.push([file, '*']);
          } else {
            renders.get(file).add(t);
            if (passes) slots.push([file, t]);
            if (classAttr) passedClassNames.push([t, classText]);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  // A component that forwards its className prop (<Path className="path path--small">) can carry
  // whatever its callers pass, or the default written in its signature ({ className = 'path' }).
  for (const el of elements.filter((e) => e.open && /\bclassName\b/.test(e.expr))) {
    const passed = passedClassNames.filter(([f]) => f === el.file).map(([, text]) => atomsOf(text));
    const text = readFileSync(el.file, 'utf8');
    const defaults = [...text.matchAll(/[{,]\s*className\s*=\s*(?:'([\w -]+)'|"([\w -]+)")/g)].flatMap((m) => (m[1] ?? m[2]).split(/\s+/));
    for (const p of passed) {
      p.atoms.forEach((x) => el.atoms.add(x));
      el.prefixes.push(...p.prefixes);
    }
    defaults.forEach((w) => w && el.atoms.add(w));
    el.open = passed.some((p) => p.open);
    el.expr += ` (forwarded from ${passed.length} caller(s))`;
  }
  for (const f of anything) for (const g of files) renders.get(f).add(g);
  for (const [q] of slots.filter(([, s]) => s === '*')) for (const g of files) slots.push([q, g]);
  const slotPairs = slots.filter(([, s]) => s !== '*');
  // R: renders, transitively.
  const closure = (edges) => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const [, out] of edges) {
        for (const g of [...out]) {
          for (const h of edges.get(g) ?? []) {
            if (!out.has(h)) {
              out.add(h);
              changed = true;
            }
          }
        }
      }
    }
    return edges;
  };
  const R = closure(renders);
  // An element of file Y can lie inside one of file X if X renders Y (directly or not), or if
  // some file Q passes JSX to a component S that renders X and Q renders Y. (Take the lowest
  // component instance owning both: either it is X's, or it passed Y's branch into the branch
  // that renders X.) No closure over this relation: a Dialog inside X holds what X's side
  // passes it, not what another screen passes to its own Dialog.
  const holds = new Map([...R].map(([f, out]) => [f, new Set(out)]));
  for (const [q, s] of slotPairs) {
    for (const fx of R.get(s)) for (const fy of R.get(q)) holds.get(fx).add(fy);
  }
  return { elements, holds };
}

const app = readApp(srcDir);
const elements = app.elements;
/** Can an element of file `b` lie inside an element of file `a`? */
const holds = (a, b) => app.holds.get(a)?.has(b) ?? true;

const has = (el, cls) => el.open || el.atoms.has(cls) || el.prefixes.some((p) => cls.startsWith(p));
const known = (cls) => elements.some((el) => el.atoms.has(cls) || el.prefixes.some((p) => cls.startsWith(p)));
const fits = (el, type) => !type || el.tag === '?' || el.tag === type;
/** The elements a compound (or two compounds on one element) can be. */
const matching = (type, classes) => elements.filter((el) => fits(el, type) && classes.every((c) => has(el, c)));
const where = (el) => `${el.open ? 'open ' : ''}<${el.tag}> in ${el.file.replace(srcDir + '/', '')} ${el.expr.slice(0, 70)}`;

/** Can one element fit both subjects (ancestors aside)? */
function subjectsMeet(d1, d2) {
  if (d1.pseudoEl !== d2.pseudoEl) return false;
  if (d1.type && d2.type && d1.type !== d2.type) return false;
  const classes = [...new Set([...d1.classes, ...d2.classes])];
  return classes.some((c) => !known(c)) || matching(d1.type ?? d2.type, classes).length > 0;
}

/**
 * Can one element match both selectors? Returns null when it cannot, else why it might. It must
 * be an element both subjects fit (same pseudo-element, element type, classes carried together);
 * for each compound left of a descendant or child combinator, an element fitting it must be able
 * to hold it; those holders must be able to nest one in the other; and when both subjects follow
 * `>`, one element must fit both parents.
 */
function mayMeet(d1, d2) {
  if (d1.pseudoEl !== d2.pseudoEl) return null;
  if (d1.type && d2.type && d1.type !== d2.type) return null;
  const classes = [...new Set([...d1.classes, ...d2.classes])];
  const all = [d1, d2, ...d1.ancestors, ...d2.ancestors].flatMap((d) => d.classes);
  const unknown = [...new Set(all)].filter((c) => !known(c));
  if (unknown.length) return `class ${unknown.map((c) => '.' + c).join(', ')} is in no className`;
  const subjects = matching(d1.type ?? d2.type, classes);
  const groups = [d1, d2].map((d) => d.ancestors.filter((k) => k.classes.length).map((k) => matching(k.type, k.classes)));
  if (groups.flat().some((g) => g.length === 0)) return null; // a selector no element matches
  const parents = d1.parent && d2.parent ? matching(d1.parent.type ?? d2.parent.type, [...new Set([...d1.parent.classes, ...d2.parent.classes])]) : null;
  for (const e of subjects) {
    const holders = groups.map((g) => g.map((k) => k.filter((x) => holds(x.file, e.file))));
    if (holders.flat().some((k) => k.length === 0)) continue;
    if (parents && !parents.some((x) => holds(x.file, e.file))) continue;
    const nest = holders[0].every((k1) => holders[1].every((k2) => k1.some((x) => k2.some((y) => holds(x.file, y.file) || holds(y.file, x.file)))));
    if (!nest) continue;
    const within = holders.flat().map((k) => k[0]).filter(Boolean);
    return `${where(e)}${within.length ? ` within ${within.map((x) => `<${x.tag}> in ${x.file.replace(srcDir + '/', '')}`).join(', ')}` : ''}`;
  }
  return null;
}

/**
 * Reads JavaScript from `i` until an unmatched `}` (or the end): returns the string literals met,
 * the templates met (their text parts and the code of each `${…}`), the code with literals
 * blanked, and where it stopped.
 */
function scanCode(text, i) {
  const strings = [];
  const templates = [];
  const literals = []; // in order of appearance, each the text a literal starts with
  let code = '';
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      strings.push(text.slice(i + 1, j));
      literals.push(text.slice(i + 1, j));
      code += '""';
      i = j + 1;
    } else if (c === '`') {
      const parts = [''];
      const inners = [];
      let j = i + 1;
      while (j < text.length && text[j] !== '`') {
        if (text[j] === '\\') {
          parts[parts.length - 1] += text.slice(j, j + 2);
          j += 2;
        } else if (text[j] === '$' && text[j + 1] === '{') {
          const sub = scanCode(text, j + 2);
          inners.push(sub);
          parts.push('');
          j = sub.end + 1;
        } else parts[parts.length - 1] += text[j++];
      }
      templates.push({ parts, inners });
      literals.push(parts[0]);
      code += '""';
      i = j + 1;
    } else if (c === '{') {
      depth++;
      code += c;
      i++;
    } else if (c === '}') {
      if (depth === 0) break;
      depth--;
      code += c;
      i++;
    } else {
      code += c;
      i++;
    }
  }
  return { strings, templates, literals, code, end: i };
}

/**
 * The classes a className expression can produce: words in its string literals and template text;
 * a word glued to a following `${x}` is a prefix ("state-badge--${s}") unless every string `x`
 * can give starts with a space (`a${c ? ' a--b' : ''}`). An expression that names a variable
 * holding classes (className={className}, […, className]) is open.
 */
function atomsOf(expr) {
  const atoms = new Set();
  const prefixes = [];
  const body = expr.startsWith('{') ? expr.slice(1) : expr;
  const top = expr.startsWith('{') ? scanCode(body, 0) : { strings: [expr.slice(1, -1)], templates: [], code: '""' };
  /** How the strings an expression can evaluate to begin; null when it can give a value. */
  const results = (scan) => {
    const out = [];
    let value = false;
    let n = 0;
    for (const m of scan.code.matchAll(/""/g)) {
      const before = scan.code.slice(0, m.index).trimEnd();
      const after = scan.code.slice(m.index + 2).trimStart();
      const inCondition = /(===|!==|==|!=)$/.test(before) || /^(===|!==|==|!=|\.)/.test(after);
      if (!inCondition) out.push(scan.literals[n]);
      n++;
    }
    // Anything but literals, conditions and operators is a value (`${state}`, `${a.b}`).
    const rest = scan.code.replace(/""/g, ' ').replace(/[^?:]*\?/g, ' ').replace(/\b(undefined|null|false)\b|&&|\|\||[():]/g, ' ');
    if (/[A-Za-z_$]/.test(rest)) value = true;
    return value ? null : out;
  };
  let open = /\bclassName\b/.test(top.code) || /^\s*[A-Za-z_$][\w$.]*\s*$/.test(top.code);
  const visit = (scan) => {
    for (const str of scan.strings) str.split(/\s+/).filter(Boolean).forEach((w) => atoms.add(w));
    for (const t of scan.templates) {
      t.parts.forEach((part, k) => {
        const words = part.split(/\s+/).filter(Boolean);
        const inner = t.inners[k];
        const res = inner ? results(inner) : null;
        const glued = inner && /\S$/.test(part) && !(res && res.length && res.every((r) => r === '' || /^\s/.test(r)));
        words.forEach((w, n) => (glued && n === words.length - 1 ? prefixes.push(w) : atoms.add(w)));
      });
      t.inners.forEach(visit);
    }
  };
  visit(top);
  return { atoms, prefixes, open, expr };
}

// ---------------------------------------------------------------- compare

const before = parse(readFileSync(files[0], 'utf8'));
const after = parse(readFileSync(files[1], 'utf8'));
let ok = true;

const count = (rules) => rules.reduce((m, r) => m.set(r.key, (m.get(r.key) ?? 0) + 1), new Map());
const cb = count(before);
const ca = count(after);
const missing = [...cb].filter(([k, n]) => (ca.get(k) ?? 0) < n);
const extra = [...ca].filter(([k, n]) => (cb.get(k) ?? 0) < n);
console.log(`rules: ${before.length} before, ${after.length} after`);
if (missing.length || extra.length) {
  ok = false;
  for (const [k] of missing) console.log(`  only before: ${k}`);
  for (const [k] of extra) console.log(`  only after:  ${k}`);
} else console.log('(a) same multiset of rules: yes');

// Position of each rule after, matching the k-th copy before with the k-th copy after.
const seen = new Map();
const slots = new Map();
after.forEach((r, i) => slots.set(r.key, [...(slots.get(r.key) ?? []), i]));
const posAfter = before.map((r) => {
  const k = seen.get(r.key) ?? 0;
  seen.set(r.key, k + 1);
  return (slots.get(r.key) ?? [])[k] ?? -1;
});

if (ok && before.every((r, i) => r.key === after[i].key)) {
  console.log('(b) same order: yes, the bundles list the same rules in the same order');
} else if (ok) {
  const moved = new Set();
  let inverted = 0;
  let sharing = 0;
  const conflicts = [];
  const harmless = [];
  const reasons = {};
  const described = before.map((r) => (r.atomic ? [] : splitTop(r.selector, ',').map((s) => ({ sel: s.trim(), d: describe(s.trim()), spec: specificity(s.trim()) }))));
  for (let i = 0; i < before.length; i++) {
    for (let j = i + 1; j < before.length; j++) {
      if (posAfter[i] < posAfter[j]) continue;
      inverted++;
      moved.add(i);
      moved.add(j);
      const props = contested(before[i], before[j]);
      if (!props.length) continue;
      sharing++;
      let why = null;
      let reason = 'subjects';
      if (before[i].atomic) why = `same ${before[i].selector}`;
      for (const x of described[i]) {
        for (const y of described[j]) {
          const sameSpec = x.spec.join() === y.spec.join();
          const meet = mayMeet(x.d, y.d);
          if (meet && sameSpec) {
            why ??= `${x.sel}  ~  ${y.sel}: ${meet}`;
          } else if (meet) reason = 'specificity';
          else if (reason === 'subjects' && subjectsMeet(x.d, y.d)) reason = 'nesting';
        }
      }
      reasons[reason] = (reasons[reason] ?? 0) + (why ? 0 : 1);
      reason = {
        subjects: 'no element fits both subjects (tag, pseudo-element or classes)',
        nesting: 'no element can lie inside both selectors\' ancestors',
        specificity: 'where their selectors can meet, specificity differs',
      }[reason];
      const line = `#${i} ${before[i].context.join(' ')} ${before[i].selector}  <->  #${j} ${before[j].context.join(' ')} ${before[j].selector}  [${props.join(', ')}]`;
      if (why) conflicts.push(`${line}\n      ${why}`);
      else harmless.push(`${line}\n      ${reason}`);
    }
  }
  console.log(`(b) order: ${moved.size} rules changed place; ${inverted} pairs swapped; ${sharing} of them set a common property to different values`);
  console.log(`    ${harmless.length} of those are harmless:`);
  console.log(`      ${reasons.subjects ?? 0}: no element fits both subjects (tag, pseudo-element or classes)`);
  console.log(`      ${reasons.nesting ?? 0}: no element can lie inside both selectors' ancestors`);
  console.log(`      ${reasons.specificity ?? 0}: where they can meet, specificity differs`);
  if (verbose) for (const h of harmless) console.log(`    ok  ${h}`);
  if (conflicts.length) {
    ok = false;
    console.log(`    ${conflicts.length} may conflict:`);
    for (const c of conflicts) console.log(`    !!  ${c}`);
  } else console.log('    none may conflict');
}
process.exit(ok ? 0 : 1);
