import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../reference/storage/atomic-file.ts';

describe('atomic file replacement', () => {
  it('replaces content and leaves no temp files behind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const file = path.join(dir, 'nested', 'data.json');
    await writeFileAtomic(file, 'one');
    writeFileAtomicSync(file, 'two');
    await writeFileAtomic(file, Buffer.from('three'));
    expect(readFileSync(file, 'utf8')).toBe('three');
    expect(readdirSync(path.dirname(file))).toEqual(['data.json']);
  });

  it('keeps the old content when the write fails', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const file = path.join(dir, 'data.json');
    writeFileSync(file, 'old');
    // A directory where the temp file's parent should be makes the write fail.
    await expect(writeFileAtomic(path.join(file, 'child'), 'new')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});
