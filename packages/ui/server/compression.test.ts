// @vitest-environment node
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { negotiateEncoding, precompressFile } from './compression';
import { compressibleText } from './test/helpers';

describe('negotiateEncoding', () => {
  it('answers identity without the header or when nothing we have is acceptable', () => {
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('deflate')).toBeNull();
    expect(negotiateEncoding('*;q=0')).toBeNull();
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
  });

  it('prefers brotli, then gzip, among what the browser takes', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('x-gzip')).toBe('gzip');
    expect(negotiateEncoding('BR')).toBe('br');
    expect(negotiateEncoding('*')).toBe('br');
  });

  it('honours q-values: the higher weight wins, q=0 refuses, * covers what is not named', () => {
    expect(negotiateEncoding('br;q=0.4, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br; q=0 , *')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0, *;q=0.1')).toBe('br');
    expect(negotiateEncoding('gzip;q=1.0, br;q=1.0')).toBe('br');
  });

  it('chooses only among the encodings a file has', () => {
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBeNull();
    expect(negotiateEncoding('br, gzip', [])).toBeNull();
  });
});

describe('precompressFile', () => {
  it('writes brotli and gzip copies that decode to the original', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'md-precompress-'));
    const file = join(dir, 'app.js');
    const text = compressibleText('app');
    await writeFile(file, text);
    expect(await precompressFile(file)).toEqual(['br', 'gzip']);
    expect(brotliDecompressSync(await readFile(`${file}.br`)).toString()).toBe(text);
    expect(gunzipSync(await readFile(`${file}.gz`)).toString()).toBe(text);
  });

  it('leaves small files alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'md-precompress-'));
    const file = join(dir, 'tiny.css');
    await writeFile(file, 'body{margin:0}');
    expect(await precompressFile(file)).toEqual([]);
    await expect(readFile(`${file}.br`)).rejects.toThrow(/ENOENT/);
  });
});
