/** The lab file format: front matter, cells, and a lossless parse/serialize round trip. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { labCells, labWorld, parseLab, serializeLab } from '../../src/labs/lab';
import { scanBlocks } from '../../src/labs/markdown';

/** Markdown lines a lab may hold: fences of every kind, front matter markers, indented code, CRLF, junk. */
const LINE = fc.oneof(
  fc.constantFrom(
    '```sh', '```bash', '```shell', '```check', '```', '````', '~~~', '~~~sh', '~~~ check', '```python', '```sh {name=x}', ' ```sh', '   ~~~',
    '    ```sh', '---', '...', 'title: A lab', 'world: bare', 'world: [', '# Heading', '', ' ', 'ip netns add red', 'red can ping 192.168.15.2',
    'hint: look at ip link', '  hint: indented', 'echo a \\', '    indented code', '> quote', '- item', '```` ```', '``` `x`', '\t```', 'text  ',
  ),
  fc.string({ maxLength: 12 }),
);
const EOL = fc.constantFrom('\n', '\r\n', '\r', '');

const MARKDOWN = fc
  .array(fc.tuple(LINE, EOL), { maxLength: 30 })
  .map((lines) => lines.map(([l, e]) => l + e).join(''));

describe('lab format', () => {
  it('round-trips any Markdown byte for byte (fast-check)', () => {
    fc.assert(
      fc.property(MARKDOWN, (text) => {
        assert.equal(serializeLab(parseLab(text)), text);
        assert.equal(scanBlocks(text).map((b) => (b.kind === 'text' ? b.text : b.open + b.body + b.close)).join(''), text);
      }),
      { numRuns: 5000, seed: 6 },
    );
  });

  it('round-trips arbitrary strings of Markdown-significant characters (fast-check)', () => {
    const unit = fc.constantFrom('`', '~', '-', '.', '\n', '\r', ' ', '\t', 's', 'h', 'c', 'x', ':', '"', '\\', '\u00e9', '\ud83d\ude00');
    fc.assert(fc.property(fc.string({ unit, maxLength: 200 }), (text) => assert.equal(serializeLab(parseLab(text)), text)), { numRuns: 3000, seed: 7 });
  });

  const cases: Array<{ name: string; text: string; cells: Array<[string, string]>; title?: string; world?: string }> = [
    { name: 'no front matter, one sh cell', text: '# T\n\n```sh\nip link\n```\n', cells: [['shell', 'ip link']] },
    { name: 'bash and shell are shell cells, check is a check cell', text: '```bash\na\n```\n```shell\nb\n```\n~~~check\nnetns red exists\n~~~\n', cells: [['shell', 'a'], ['shell', 'b'], ['check', 'netns red exists']] },
    { name: 'other languages stay prose', text: '```python\nprint(1)\n```\n```\nplain\n```\n', cells: [] },
    { name: 'a sh fence inside a longer fence is prose', text: '````md\n```sh\nip link\n```\n````\n', cells: [] },
    { name: 'indented code (4 spaces) is not a fence', text: '    ```sh\n    ip link\n    ```\n', cells: [] },
    { name: 'fence indented by 2 strips 2 spaces from its lines', text: '  ```sh\n  ip link\n    echo x\n  ```\n', cells: [['shell', 'ip link\n  echo x']] },
    { name: 'CRLF lines', text: '```sh\r\nip a\r\nip r\r\n```\r\n', cells: [['shell', 'ip a\nip r']] },
    { name: 'unclosed fence runs to the end', text: 'x\n```sh\nip link', cells: [['shell', 'ip link']] },
    { name: 'info string after the language', text: '```sh {title="x"}\nip a\n```\n', cells: [['shell', 'ip a']] },
    { name: 'front matter with title and world', text: '---\ntitle: Veth\nworld: bare\n---\n```sh\nip a\n```', cells: [['shell', 'ip a']], title: 'Veth', world: 'bare' },
    { name: 'a --- rule later is not front matter', text: '# x\n---\ntitle: no\n---\n', cells: [] },
    { name: 'front matter ended by ...', text: '---\ntitle: Dots\n...\nbody\n', cells: [], title: 'Dots' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const lab = parseLab(c.text);
      assert.deepEqual(labCells(lab).map((cell) => [cell.cell, cell.code]), c.cells);
      assert.equal(lab.frontMatter?.title, c.title);
      if (c.world) assert.equal(labWorld(lab), c.world);
      assert.equal(serializeLab(lab), c.text);
    });
  }

  it('world defaults to bare; bad YAML is reported, not thrown, and still round-trips', () => {
    assert.equal(labWorld(parseLab('# no front matter\n')), 'bare');
    const bad = '---\nworld: [\n---\nx\n';
    const lab = parseLab(bad);
    assert.ok(lab.frontMatter?.error);
    assert.equal(serializeLab(lab), bad);
  });
});
