import { describe, expect, it } from 'vitest';
import { escapePath, partitionDirectoryName } from '../../reference/partitions/partition-name.ts';

describe('partition directory names', () => {
  it('lower-cases ASCII letters only and escapes with the path charmap', () => {
    expect(partitionDirectoryName('My App')).toBe('my%20app');
    expect(partitionDirectoryName('a:b')).toBe('a%3Ab');
    expect(partitionDirectoryName('É')).toBe('%C3%89');
    expect(partitionDirectoryName('a/b.c')).toBe('a/b.c');
    expect(escapePath('%')).toBe('%25');
    expect(escapePath(`"#<>?[\\]^\`{|}`)).toBe('%22%23%3C%3E%3F%5B%5C%5D%5E%60%7B%7C%7D');
    expect(escapePath("!$&'()*+,-.;=@_~")).toBe("!$&'()*+,-.;=@_~");
    expect(escapePath('\u0001\u007f')).toBe('%01%7F');
  });
});
