/**
 * Compose files and Dockerfiles are untrusted input. Generated ones (valid, mistyped, broken
 * YAML, odd instructions) never make the loaders throw; every error is text with a position and
 * no JavaScript internals; `docker compose up/ps/down` on them keeps the kernel and daemon
 * invariants, and `down` removes what `up` made.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { composeErrorText, loadProject } from '../../src/engine/compose';
import { parseDockerfile } from '../../src/engine/docker/build/dockerfile';
import { allDaemons } from '../../src/engine/docker/daemon';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { LEAKS } from './helpers';
import { checkDocker, checkKernel } from './property-invariants';

/** Compose's own wording ("depends on undefined service") is not a leaked JavaScript undefined. */
const leaks = (text: string) => LEAKS.test(text.replace(/undefined (service|network|volume|secret|config)/g, '$1'));

const scalar = fc.constantFrom('nginx', 'redis', 'busybox', 'alpine', '"8080:80"', '80', '8080:80', '127.0.0.1:9090:80/udp', 'true', 'no', '~', '', '[]', '{}', '"${X:-a}"', '$$HOME', '${NOPE?must be set}', 'a b', "'q'", '-1', '99999', '1e3', '0x1F', '&a', '*a', '!!str x', '"\\u00e9"');
const list = fc.array(scalar, { maxLength: 3 }).map((xs) => (xs.length ? '\n' + xs.map((x) => `      - ${x}`).join('\n') : ' []'));
const serviceKey = fc.constantFrom('image', 'ports', 'environment', 'depends_on', 'command', 'networks', 'volumes', 'restart', 'container_name', 'expose', 'build', 'healthcheck', 'entrypoint', 'bogus_key', 'x-ext', 'deploy', 'links', 'hostname');
const serviceBody = fc.array(fc.tuple(serviceKey, fc.oneof(scalar.map((s) => ' ' + s), list)), { maxLength: 5 }).map((kvs) => kvs.map(([k, v]) => `    ${k}:${v}`).join('\n'));
const serviceName = fc.constantFrom('web', 'db', 'cache', 'Bad Name', 'web', '1x', '-x');
const composeText = fc
  .tuple(
    fc.constantFrom('', 'name: demo\n', 'name: Bad!\n', 'version: "3.8"\n', 'x-common: &c\n  image: nginx\n'),
    fc.array(fc.tuple(serviceName, serviceBody), { maxLength: 3 }),
    fc.constantFrom('', 'networks:\n  front: {}\n', 'volumes:\n  data:\n', 'networks: 3\n', 'bogus: 1\n', '\t- tab\n', 'services: []\n', ': :\n'),
  )
  .map(([head, services, tail]) => `${head}services:\n${services.map(([n, b]) => `  ${n}:\n${b}`).join('\n')}\n${tail}`);

/** Mostly valid projects: an image each, maybe ports, depends_on, environment, restart, networks. */
const plausibleService = fc
  .record({
    image: fc.constantFrom('nginx', 'redis', 'busybox', 'alpine'),
    ports: fc.constantFrom('', '    ports: ["8080:80"]', '    ports: ["80"]', '    ports: ["127.0.0.1:9090:80"]', '    ports: ["8080:80", "8081:80"]'),
    depends: fc.constantFrom('', '', '', '', '    depends_on: [db]', '    depends_on: [nope]'),
    extra: fc.constantFrom('', '', '', '    environment:\n      A: "1"', '    restart: always', '    command: sleep 3600', '    command: ["sh", "-c", "exit 3"]', '    networks: [front]', '    container_name: fixed'),
  })
  .map((s) => [`    image: ${s.image}`, s.ports, s.depends, s.extra].filter(Boolean).join('\n'));
const plausibleCompose = fc
  .tuple(fc.uniqueArray(fc.constantFrom('web', 'db', 'cache'), { minLength: 1, maxLength: 3 }), fc.array(plausibleService, { minLength: 3, maxLength: 3 }), fc.constantFrom('', 'networks:\n  front: {}\n'))
  .map(([names, bodies, tail]) => `services:\n${names.map((n, i) => `  ${n}:\n${bodies[i]}`).join('\n')}\n${tail}`);

const instruction = fc.constantFrom('FROM alpine', 'FROM scratch', 'FROM alpine AS build', 'FROM', 'RUN echo hi', 'RUN ["echo", "hi"]', 'RUN ["broken', 'CMD ["sleep", "10"]', 'CMD sleep 10', 'ENTRYPOINT []',
  'ENV A=1 B="two words"', 'ENV A', 'ENV A 1', 'ARG V=1', 'ARG', 'COPY . /app', 'COPY --from=build /a /b', 'ADD x y', 'WORKDIR /app', 'WORKDIR', 'EXPOSE 80/tcp 443', 'EXPOSE abc', 'LABEL a=b',
  'USER nobody', 'VOLUME ["/data"]', 'HEALTHCHECK CMD true', 'HEALTHCHECK NONE', 'STOPSIGNAL SIGTERM', 'SHELL ["/bin/sh", "-c"]', 'ONBUILD RUN x', 'MAINTAINER me', 'BOGUS x', '# comment', '', '   ',
  'RUN a \\', '  && b', '# syntax=docker/dockerfile:1', '# escape=`', 'RUN ${V:-x} $V', 'from alpine', '\tRUN tab');

describe('compose files and Dockerfiles: untrusted input (property)', function () {
  this.timeout(120000);

  it('loadProject never throws; errors are positioned text without internals', () => {
    fc.assert(
      fc.property(composeText, fc.string({ maxLength: 40 }), fc.boolean(), (text, junk, addJunk) => {
        const source = addJunk ? text + junk : text;
        const r = loadProject({ file: '/root/compose.yaml', text: source, env: { X: 'x' } });
        if (r.ok) return;
        const message = composeErrorText(r.error, '/root/compose.yaml');
        assert.ok(message.length > 0, JSON.stringify(source));
        assert.ok(!leaks(message), `${message}\n${JSON.stringify(source)}`);
        assert.ok(Number.isInteger(r.error.line) && r.error.line >= 1 && Number.isInteger(r.error.col) && r.error.col >= 1, `${JSON.stringify(r.error)} for ${JSON.stringify(source)}`);
      }),
      { numRuns: 4000, seed: 41 },
    );
  });

  it('parseDockerfile never throws; errors name a line of the file', () => {
    fc.assert(
      fc.property(fc.array(instruction, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const source = lines.join(eol);
        const r = parseDockerfile(source);
        if (r.ok) {
          for (const i of r.instructions) assert.doesNotMatch(JSON.stringify(i), /undefined|NaN|\[object Object\]/, source);
          return;
        }
        assert.doesNotMatch(r.message, LEAKS, source);
        // Line 0: an error about the whole file (BuildKit's "the Dockerfile cannot be empty").
        const blank = lines.every((l) => l.trim() === '' || l.startsWith('#'));
        if (r.line === 0) assert.ok(blank && r.endLine === 0, `${JSON.stringify(r)} for ${JSON.stringify(source)}`);
        else assert.ok(r.line >= 1 && r.line <= lines.length && r.endLine >= r.line && r.endLine <= lines.length, `${JSON.stringify(r)} for ${JSON.stringify(source)}`);
      }),
      { numRuns: 4000, seed: 42 },
    );
  });

  it('docker build on generated Dockerfiles, then run: no throw or leak, failures say why, invariants hold', () => {
    const { world, host } = createWorld('docker')!;
    const base = new Shell(world, host);
    for (const image of ['alpine', 'busybox', 'nginx']) base.run(`docker pull -q ${image}`);
    const snapshot = world.snapshot();
    let built = 0;
    const dockerfile = fc.tuple(fc.constantFrom('FROM alpine', 'FROM busybox', 'FROM nginx', 'FROM nosuchimage', 'FROM scratch', ''), fc.array(instruction, { maxLength: 6 }));
    fc.assert(
      fc.property(dockerfile, ([from, rest]) => {
        world.restore(snapshot);
        const sh = new Shell(world, host);
        const text = [from, ...rest].join('\n');
        assert.equal(sh.run(`cat > Dockerfile <<'EOF_DOCKERFILE'\n${text}\nEOF_DOCKERFILE`).exitCode, 0);
        for (const line of ['docker build -t gen .', 'docker run --rm gen', 'docker images gen']) {
          const r = sh.run(line);
          if (line.startsWith('docker build') && r.exitCode === 0) built++;
          assert.doesNotMatch(r.stdout + r.stderr, LEAKS, `${line}\n${text}\n${r.stdout}${r.stderr}`);
          assert.doesNotMatch(r.stderr, /internal error/, `${line}\n${text}\n${r.stderr}`);
          if (r.exitCode !== 0) assert.ok(r.stderr.length > 0, `${line}: a failure says why\n${text}`);
          checkKernel(world, `${line}\n${text}`);
          checkDocker(world, `${line}\n${text}`);
        }
      }),
      { numRuns: 200, seed: 44 },
    );
    if (process.env.VETHLAB_COUNT) console.log(`docker build: ${built} of 200 built`);
    assert.ok(built >= 20, `only ${built} of 200 generated Dockerfiles built`);
  });

  it('docker compose up/ps/down on generated files keeps the invariants; down removes what up made', () => {
    const { world, host } = createWorld('docker')!;
    const base = new Shell(world, host);
    for (const image of ['nginx', 'redis', 'busybox', 'alpine']) base.run(`docker pull -q ${image}`);
    const snapshot = world.snapshot();
    let started = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: plausibleCompose, weight: 3 }, { arbitrary: composeText, weight: 1 }), (text) => {
        world.restore(snapshot);
        const sh = new Shell(world, host);
        assert.equal(sh.run(`cat > compose.yaml <<'EOF_COMPOSE'\n${text}\nEOF_COMPOSE`).exitCode, 0);
        for (const line of ['docker compose up -d', 'docker compose ps', 'docker compose config', 'docker compose down']) {
          const r = sh.run(line);
          if (line === 'docker compose up -d' && r.exitCode === 0 && allDaemons(world).some((d) => d.containers.length > 0)) started++;
          assert.ok(!leaks(r.stdout + r.stderr), `${line}\n${text}\n${r.stdout}${r.stderr}`);
          assert.doesNotMatch(r.stderr, /internal error/, `${line}\n${text}\n${r.stderr}`);
          if (r.exitCode !== 0) assert.ok(r.stderr.length > 0, `${line}: a failure says why\n${text}`);
          checkKernel(world, `${line}\n${text}`);
          checkDocker(world, `${line}\n${text}`);
        }
        const left = allDaemons(world).flatMap((d) => d.containers.map((c) => c.name));
        assert.deepEqual(left, [], `down left containers: ${left.join(' ')}\n${text}`);
      }),
      { numRuns: 150, seed: 43 },
    );
    assert.ok(started >= 40, `only ${started} of 150 generated projects started containers`);
  });
});
