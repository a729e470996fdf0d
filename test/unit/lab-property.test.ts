/**
 * The lab format is lossless on any input: generated Markdown (front matter valid or broken,
 * odd fences, CRLF, BOM, no final newline) and arbitrary strings come back byte for byte through
 * the lab parser and through the notebook's cells; editing one cell changes only that cell.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { labCells, parseLab, serializeLab } from '../../src/labs/lab';
import { labToNotebook, notebookToLab } from '../../src/host/notebook/lab-cells';
import { formatOutcome, runCheckCell } from '../../src/labs/grade';
import { bareShell, LEAKS } from './helpers';

const LABS = path.resolve(__dirname, '..', '..', 'labs');

const eol = fc.constantFrom('\n', '\r\n');
const prose = fc.array(fc.constantFrom('# Title', 'Some text.', '', '   ', '- item', '> quote', '`inline`', '``', 'text with ``` inside', '    indented code', '\t tab', 'héllo ✓', '---', '...', '<!-- c -->'), { maxLength: 4 });
const code = fc.array(fc.constantFrom('ip netns add red', 'echo "a b"', 'ip link \\', '  set x up', '# comment', '', 'red can ping 10.0.0.2', '  hint: try `ip a`', '```', '~~~', 'cat <<EOF', 'EOF'), { maxLength: 4 });
const fence = fc.record({
  indent: fc.constantFrom('', ' ', '   ', '    '),
  marker: fc.constantFrom('```', '~~~', '````', '~~~~~'),
  lang: fc.constantFrom('sh', 'bash', 'shell', 'check', 'python', '', 'sh title="x"', ' sh', 'SH', 'check  '),
  body: code,
  close: fc.constantFrom('same', 'longer', 'none', 'other', 'spaces'),
});
const frontMatter = fc.constantFrom('', '---\ntitle: T\nworld: bare\n---\n', '---\r\ntitle: "x"\r\n...\r\n', '---\n: : bad yaml [\n---\n', '---\nworld: [a\n', '---\n---\n', '---\n- a list\n---\n', '---\ntitle: 42\nworld: docker\n---\n');

function fenceText(f: { indent: string; marker: string; lang: string; body: string[]; close: string }, nl: string): string {
  const open = `${f.indent}${f.marker}${f.lang}${nl}`;
  const body = f.body.map((l) => l + nl).join('');
  const closers: Record<string, string> = { same: f.marker, longer: f.marker + f.marker[0], none: '', other: f.marker[0] === '`' ? '~~~' : '```', spaces: f.marker + '   ' };
  const close = f.close === 'none' ? '' : `${f.indent}${closers[f.close]}${nl}`;
  return open + body + close;
}

const labText = fc
  .tuple(fc.constantFrom('', '\uFEFF'), frontMatter, fc.array(fc.tuple(prose, fence), { maxLength: 5 }), prose, eol, fc.boolean())
  .map(([bom, matter, parts, tail, nl, finalNewline]) => {
    let text = bom + matter.replace(/\r?\n/g, nl);
    for (const [p, f] of parts) text += p.map((l) => l + nl).join('') + fenceText(f, nl);
    text += tail.map((l) => l + nl).join('');
    return finalNewline ? text : text.replace(/\r?\n$/, '');
  });

describe('lab format: lossless on generated and arbitrary input (property)', function () {
  this.timeout(120000);
  it('generated labs round-trip through the parser and through notebook cells', () => {
    fc.assert(
      fc.property(labText, (text) => {
        assert.equal(serializeLab(parseLab(text)), text);
        assert.equal(notebookToLab(labToNotebook(text)), text);
      }),
      { numRuns: 3000, seed: 1808 },
    );
  });

  it('arbitrary strings round-trip too', () => {
    const chars = fc.string({ unit: fc.constantFrom('`', '~', '-', '.', '\n', '\r', ' ', '\t', 's', 'h', 'c', 'k', 'e', 'x', '#', '\uFEFF', 'é', '\u2028', '\0') , maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(chars, fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => {
        assert.equal(serializeLab(parseLab(text)), text);
        assert.equal(notebookToLab(labToNotebook(text)), text);
      }),
      { numRuns: 3000, seed: 1809 },
    );
  });

  it('editing one code cell changes that cell and no other', () => {
    fc.assert(
      fc.property(labText, fc.nat(), fc.constantFrom('ip netns add blue', 'echo changed\nsleep 1', ''), (text, pick, value) => {
        const notebook = labToNotebook(text);
        const code = notebook.cells.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'code');
        if (code.length === 0) return;
        const [, at] = code[pick % code.length]!;
        const edited = { ...notebook, cells: notebook.cells.map((c, i) => (i === at ? { ...c, value } : c)) };
        const saved = notebookToLab(edited);
        const reopened = labToNotebook(saved).cells.filter((c) => c.kind === 'code').map((c) => c.value);
        const expected = edited.cells.filter((c) => c.kind === 'code').map((c) => c.value);
        assert.deepEqual(reopened, expected, JSON.stringify(saved));
      }),
      { numRuns: 1500, seed: 1810 },
    );
  });

  it('check cells: any statement is judged or reported invalid, never throws or leaks, and judging changes nothing', () => {
    const sh = bareShell();
    sh.run('ip netns add red');
    let passed = 0;
    const word = fc.constantFrom('red', 'host', 'blue', 'can', 'cannot', 'ping', '192.168.1.3', '10.0.0.1/24', 'netns', 'exists', 'does', 'not', 'exist', 'link', 'eth0', 'lo', 'in', 'is', 'UP', 'DOWN',
      'master', 'br0', 'has', 'no', 'address', 'on', 'route', 'default', 'via', 'dev', 'sysctl', 'net.ipv4.ip_forward', '=', '1', 'knows', 'the', 'MAC', 'of', 'iptables', '-t', 'nat', '-S',
      'contains', '"-j MASQUERADE"', 'command', '"ip link"', '"false"', 'exits', '0', 'output', '"eth0"', 'and', 'container', 'web', 'running', 'volume', 'image', '"', "'", '#', '', 'hint:');
    const template = fc.constantFrom('red can ping 192.168.1.3', 'host can ping 192.168.1.3', 'host cannot ping 8.8.8.8', 'netns red exists', 'netns blue does not exist', 'link eth0 is UP', 'link lo in red is DOWN',
      'link eth0 has no master', 'address 192.168.1.2/24 on eth0', 'no route default in red', 'route default via 192.168.1.1', 'sysctl net.ipv4.ip_forward = 0', 'host knows the MAC of 192.168.1.3',
      'iptables -t nat -S POSTROUTING does not contain "-j MASQUERADE"', 'command "ip -br link" exits 0 and output contains "eth0"', 'command "ping -c 1 192.168.1.3" in red exits 1', 'container web does not exist');
    const line = fc.oneof(template, fc.array(word, { maxLength: 9 }).map((ws) => ws.join(' ')), fc.tuple(template, word, fc.nat()).map(([t, w, i]) => {
      const ws = t.split(' ');
      ws[i % ws.length] = w;
      return ws.join(' ');
    }));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const code = lines.join('\n');
        const before = JSON.stringify(sh.world.state);
        const outcomes = runCheckCell({ world: sh.world, host: sh.host }, code);
        for (const o of outcomes) assert.doesNotMatch(formatOutcome(o), LEAKS, code);
        passed += outcomes.filter((o) => o.pass).length;
        assert.equal(JSON.stringify(sh.world.state), before, `judging changed the world: ${code}`);
      }),
      { numRuns: 1500, seed: 1811 },
    );
    assert.ok(passed > 100, `only ${passed} checks passed: the generator reaches few real checks`);
  });

  it('every lab in labs/ round-trips byte for byte', () => {
    const files = fs.readdirSync(LABS).filter((f) => f.endsWith('.lab.md'));
    assert.ok(files.length >= 8, files.join(' '));
    for (const file of files) {
      const text = fs.readFileSync(path.join(LABS, file), 'utf8');
      assert.equal(serializeLab(parseLab(text)), text, file);
      assert.equal(notebookToLab(labToNotebook(text)), text, file);
      assert.ok(labCells(parseLab(text)).length > 0, `${file} has cells`);
    }
  });
});
