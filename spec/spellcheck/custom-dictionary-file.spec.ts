// The custom dictionary on disk: `Custom Dictionary.txt` in the session's
// directory, one word per line and a `checksum_v1 = <md5>` line, written
// atomically after each change with the previous version kept as `.backup`;
// read back at the next start, recovered from the backup when the checksum
// does not match, cleaned of invalid words. In-memory sessions keep nothing.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { pointAt, sessionOf, until, useDictionaryServer } from './spellcheck-support.ts';

export const meta = defineSpec({
  members: [
    'ses.addWordToSpellCheckerDictionary',
    'ses.removeWordFromSpellCheckerDictionary',
    'ses.listWordsInSpellCheckerDictionary',
  ],
  eras: '>=e9',
  requires: ['restart'],
  level: 'must',
  basis: 'chromium',
  summary:
    "Custom words of persistent sessions are kept in Chromium's checksummed Custom Dictionary.txt, survive a restart, and are recovered from the backup when the file is corrupt; in-memory sessions keep none.",
});

const t = useTarget(meta, { switches: { lang: 'ja' } });
const server = useDictionaryServer(t, meta);

const FILE = 'Custom Dictionary.txt';
const partitionDir = (name: string) => path.join(t.app.getPath('userData'), 'Partitions', name);
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
const fileText = (words: string[]) =>
  `${words.map((w) => `${w}\n`).join('')}checksum_v1 = ${md5(words.map((w) => `${w}\n`).join(''))}`;
const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : null);
const list = (partition: string) => t.invoke<string[]>(sessionOf(t, partition), 'ses.listWordsInSpellCheckerDictionary');

async function restart(): Promise<void> {
  await t.target.restart();
  pointAt(t, server.url);
}

async function writeProfile(name: string, files: Record<string, string>): Promise<void> {
  await mkdir(partitionDir(name), { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(partitionDir(name), file), text);
}

describe('Custom Dictionary.txt', () => {
  it('holds the sorted words, one per line, then the MD5 of those lines', async () => {
    const ses = sessionOf(t, 'persist:format');
    ses.addWordToSpellCheckerDictionary('pear');
    ses.addWordToSpellCheckerDictionary('apple');
    ses.addWordToSpellCheckerDictionary('Zebra');
    const file = path.join(partitionDir('format'), FILE);
    await until(() => read(file) === fileText(['Zebra', 'apple', 'pear']), 'the file');
  });

  it('keeps the version before the last change as Custom Dictionary.txt.backup, and drops it when the list empties', async () => {
    const ses = sessionOf(t, 'persist:backup');
    const backup = path.join(partitionDir('backup'), `${FILE}.backup`);
    ses.addWordToSpellCheckerDictionary('one');
    await until(() => read(path.join(partitionDir('backup'), FILE)) === fileText(['one']), 'the first save');
    ses.addWordToSpellCheckerDictionary('two');
    await until(
      () => read(backup) === fileText(['one']) && read(path.join(partitionDir('backup'), FILE)) === fileText(['one', 'two']),
      'the second save and its backup',
    );
    ses.removeWordFromSpellCheckerDictionary('one');
    ses.removeWordFromSpellCheckerDictionary('two');
    await until(() => read(path.join(partitionDir('backup'), FILE)) === fileText([]), 'the emptied file');
    expect(existsSync(backup)).toBe(false);
  });

  it('keeps the words of persist: partitions and of the default session across a restart', async () => {
    for (const word of ['kept', 'also kept']) sessionOf(t, 'persist:restart').addWordToSpellCheckerDictionary(word);
    sessionOf(t, '').addWordToSpellCheckerDictionary('default');
    sessionOf(t, 'persist:restart').removeWordFromSpellCheckerDictionary('also kept');
    await restart();
    expect(await list('persist:restart')).toEqual(['kept']);
    expect(await list('')).toContain('default');
  });

  it('keeps nothing for in-memory partitions and writes no file for them', async () => {
    expect(sessionOf(t, 'memory-words').addWordToSpellCheckerDictionary('gone')).toBe(false);
    await restart();
    expect(await list('memory-words')).not.toContain('gone');
    expect(existsSync(partitionDir('memory-words'))).toBe(false);
  });

  it('keeps more words than the 1300 Chromium would sync', async () => {
    const ses = sessionOf(t, 'persist:many');
    const words = Array.from({ length: 1400 }, (_, i) => `word${String(i).padStart(4, '0')}`);
    for (const word of words) expect(ses.addWordToSpellCheckerDictionary(word)).toBe(true);
    await until(() => read(path.join(partitionDir('many'), FILE)) === fileText(words), 'the file');
    await restart();
    expect(await list('persist:many')).toEqual(words);
  }, 60_000);

  it('recovers the words of the backup when the checksum does not match, and rewrites the file', async () => {
    await writeProfile('recover', {
      [FILE]: `tampered\nwords\nchecksum_v1 = ${md5('something else\n')}`,
      [`${FILE}.backup`]: fileText(['from', 'backup']),
    });
    expect(await list('persist:recover')).toEqual(['backup', 'from']);
    await until(() => read(path.join(partitionDir('recover'), FILE)) === fileText(['backup', 'from']), 'the rewritten file');
  });

  it('starts empty when the checksum does not match and there is no backup', async () => {
    await writeProfile('no-backup', { [FILE]: `lost\nchecksum_v1 = 00000000000000000000000000000000` });
    expect(await list('persist:no-backup')).toEqual([]);
  });

  it('reads a file without a checksum line as it is', async () => {
    await writeProfile('hand-written', { [FILE]: 'zeta\nalpha\n' });
    expect(await list('persist:hand-written')).toEqual(['alpha', 'zeta']);
  });

  it('trims the lines it reads, drops invalid words and rewrites the file without them', async () => {
    const body = `  padded  \n${'x'.repeat(100)}\n\nfine\n`;
    await writeProfile('cleaned', { [FILE]: `${body}checksum_v1 = ${md5(body)}` });
    expect(await list('persist:cleaned')).toEqual(['fine', 'padded']);
    await until(() => read(path.join(partitionDir('cleaned'), FILE)) === fileText(['fine', 'padded']), 'the cleaned file');
  });
});
