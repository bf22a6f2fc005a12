/**
 * Every UI string comes from the locale files: this fails on literal text in
 * components and pages — JSX text with letters, and literal user-facing
 * attributes (aria-label, title, placeholder, alt, label).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const DIRS = ['components', 'entrypoints'];
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return tsxFiles(path);
    return d.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Literal text found in a TSX source, as `file:line "text"`. */
function literalText(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${relative(ROOT, file)}:${line + 1} "${text.trim()}"`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init) && /\p{L}/u.test(init.text)) report(node, init.text);
      if (
        init &&
        ts.isJsxExpression(init) &&
        init.expression &&
        ts.isStringLiteral(init.expression) &&
        /\p{L}/u.test(init.expression.text)
      ) {
        report(node, init.expression.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no hard-coded UI text', () => {
  it('finds literal text when there is some (the check itself works)', () => {
    const sample = `const A = () => <p title="Judul">Halo {name}<span aria-label={'Tutup'}>×</span></p>;`;
    expect(literalText(join(ROOT, 'sample.tsx'), sample)).toEqual([
      'sample.tsx:1 "Judul"',
      'sample.tsx:1 "Halo"',
      'sample.tsx:1 "Tutup"',
    ]);
  });

  it('has none in components and pages', () => {
    const files = DIRS.flatMap((d) => tsxFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap((f) => literalText(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
