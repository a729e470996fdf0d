/** Lab files as notebook cells: lossless when unedited, sensible Markdown when edited, metadata out of the prose. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CHECK_LANGUAGE, labToNotebook, notebookToLab, SHELL_LANGUAGE, type LabCellData } from '../../src/host/notebook/lab-cells';

const LAB = `---
title: Veth
world: bare
---

# Veth

Some prose.

\`\`\`sh
ip netns add red
\`\`\`

\`\`\`python
print("not a cell")
\`\`\`

\`\`\`check
netns red exists
  hint: ip netns add red
\`\`\`
`;

const LINE = fc.constantFrom('```sh', '```check', '```', '~~~bash', '~~~', '---', 'title: x', 'world: bare', '# H', '', '  ', 'ip link', 'text', '    code', '```js');
const MARKDOWN = fc.array(fc.tuple(LINE, fc.constantFrom('\n', '\r\n', '')), { maxLength: 25 }).map((ls) => ls.map(([l, e]) => l + e).join(''));

describe('notebook cells (lab-cells.ts)', () => {
  it('splits a lab into prose and code cells; front matter and blank lines stay out of the cells', () => {
    const nb = labToNotebook(LAB);
    assert.deepEqual(
      nb.cells.map((c) => [c.kind, c.language, c.value]),
      [
        ['markup', 'markdown', '# Veth\n\nSome prose.'],
        ['code', SHELL_LANGUAGE, 'ip netns add red'],
        ['markup', 'markdown', '```python\nprint("not a cell")\n```'],
        ['code', CHECK_LANGUAGE, 'netns red exists\n  hint: ip netns add red'],
      ],
    );
    assert.equal(nb.metadata.vethlab.world, 'bare');
    assert.equal(nb.metadata.vethlab.title, 'Veth');
    assert.equal(notebookToLab(nb), LAB);
  });

  it('round-trips any Markdown through cells unchanged (fast-check)', () => {
    fc.assert(fc.property(MARKDOWN, (text) => assert.equal(notebookToLab(labToNotebook(text)), text)), { numRuns: 3000, seed: 11 });
  });

  it('survives a copy of the cells through plain JSON (what the notebook keeps)', () => {
    const nb = JSON.parse(JSON.stringify(labToNotebook(LAB)));
    assert.equal(notebookToLab(nb), LAB);
  });

  const edits: Array<{ name: string; edit: (cells: LabCellData[]) => LabCellData[]; expect: string }> = [
    {
      name: 'an edited sh cell keeps its fences',
      edit: (cells) => cells.map((c, i) => (i === 1 ? { ...c, value: 'ip netns add red\nip netns add blue' } : c)),
      expect: LAB.replace('ip netns add red\n```', 'ip netns add red\nip netns add blue\n```'),
    },
    {
      name: 'an edited prose cell keeps the blank lines around it',
      edit: (cells) => cells.map((c, i) => (i === 0 ? { ...c, value: '# Veth pairs' } : c)),
      expect: LAB.replace('# Veth\n\nSome prose.', '# Veth pairs'),
    },
    {
      name: 'a deleted cell takes its trailing blank line with it',
      edit: (cells) => cells.filter((_, i) => i !== 2),
      expect: LAB.replace('```python\nprint("not a cell")\n```\n\n', ''),
    },
    {
      name: 'a new code cell at the end is a ```sh fence after a blank line',
      edit: (cells) => [...cells, { kind: 'code', language: SHELL_LANGUAGE, value: 'ip link' }],
      expect: LAB + '\n```sh\nip link\n```\n',
    },
    {
      name: 'a new check cell in the middle is separated from its neighbours',
      edit: (cells) => [cells[0]!, { kind: 'code', language: CHECK_LANGUAGE, value: 'netns red exists' }, ...cells.slice(1)],
      expect: LAB.replace('Some prose.\n\n', 'Some prose.\n\n```check\nnetns red exists\n```\n\n'),
    },
    {
      name: 'a sh cell switched to check gets a check fence',
      edit: (cells) => cells.map((c, i) => (i === 1 ? { ...c, language: CHECK_LANGUAGE, value: 'netns red exists' } : c)),
      expect: LAB.replace('```sh\nip netns add red\n```', '```check\nnetns red exists\n```'),
    },
  ];
  for (const e of edits) {
    it(e.name, () => {
      const nb = labToNotebook(LAB);
      assert.equal(notebookToLab({ ...nb, cells: e.edit(nb.cells) }), e.expect);
    });
  }

  it('edits keep CRLF line endings and a fence indent', () => {
    const crlf = '  ```sh\r\n  ip a\r\n  ```\r\n';
    const nb = labToNotebook(crlf);
    assert.equal(nb.cells[0]!.value, 'ip a');
    assert.equal(notebookToLab({ ...nb, cells: [{ ...nb.cells[0]!, value: 'ip a\nip r' }] }), '  ```sh\r\n  ip a\r\n  ip r\r\n  ```\r\n');
  });
});
