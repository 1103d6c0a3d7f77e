/** XML checks for export tests: xmllint --schema against the official Pohoda XSDs and our own schemas. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Stormware's XSDs, kept in the repository so every clean checkout validates against them. */
export const POHODA_XSD = path.join(ROOT, 'test/fixtures/pohoda-xsd/data.xsd');
export const KRAMEK_XSD = path.join(ROOT, 'docs/schemas/kramek-orders-1.0.xsd');
export const MONEY_S3_XSD = path.join(ROOT, 'docs/schemas/money-s3-objprij-subset.xsd');

/** Validates (or, without a schema, checks well-formedness); throws with xmllint's messages when it fails. */
export function xmllint(xml: string, schema?: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-xml-'));
  const file = path.join(dir, 'export.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', ...(schema ? ['--schema', schema] : []), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: Buffer };
    throw new Error(`xmllint: ${e.stderr?.toString().slice(0, 2000)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of every element with this name (XPath via xmllint), for reading values back. */
export function xpath(xml: string, expression: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-xml-'));
  const file = path.join(dir, 'export.xml');
  fs.writeFileSync(file, xml);
  try {
    return execFileSync('xmllint', ['--xpath', expression, file], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The official ISDOC 6.0.2 schema (isdoc.cz), kept under docs/schemas/isdoc with its source. */
export const ISDOC_XSD = path.join(ROOT, 'docs/schemas/isdoc/isdoc-invoice-6.0.2.xsd');
