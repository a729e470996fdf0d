import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { composeErrorText, loadProject, startOrder, stopOrder, type ComposeProject } from '../../src/engine/compose';

const FILE = '/root/demo/compose.yaml';

function load(text: string, extra: { projectName?: string; env?: Record<string, string> } = {}) {
  return loadProject({ file: FILE, text, ...extra });
}

function project(text: string, extra: { projectName?: string; env?: Record<string, string> } = {}): ComposeProject {
  const r = load(text, extra);
  if (!r.ok) assert.fail(`unexpected error: ${r.error.message}`);
  return r.value;
}

function errorOf(text: string, extra: { projectName?: string; env?: Record<string, string> } = {}): { text: string; line: number; col: number } {
  const r = load(text, extra);
  if (r.ok) assert.fail('expected an error');
  return { text: composeErrorText(r.error, FILE), line: r.error.line, col: r.error.col };
}

const STACK = `services:
  web:
    image: nginx:alpine
    ports:
      - "8080:80"
      - target: 443
        published: 8443
        protocol: tcp
    environment:
      - MODE=prod
      - EMPTY
    depends_on: [api]
    networks: [front, back]
  api:
    build:
      context: ./api
      dockerfile: Dockerfile.dev
    command: python -m "http.server" 8000
    environment:
      DB_HOST: db
      RETRIES: 3
    depends_on:
      db:
        condition: service_started
    networks:
      back:
        aliases: [backend]
    volumes:
      - data:/var/lib/data
      - ./conf:/etc/app:ro
    deploy:
      replicas: 2
    restart: unless-stopped
  db:
    image: postgres
    entrypoint: ["docker-entrypoint.sh", "postgres"]
    networks: [back]
networks:
  front:
  back:
    driver: bridge
volumes:
  data:
`;

describe('compose file model', () => {
  it('project name from the folder, -p and name:, normalised as compose-go does', () => {
    assert.equal(project('services:\n  a:\n    image: busybox\n').name, 'demo');
    assert.equal(loadProject({ file: '/root/My App.v2/compose.yaml', text: 'services: {}\n' }).ok && (loadProject({ file: '/root/My App.v2/compose.yaml', text: 'services: {}\n' }) as { value: ComposeProject }).value.name, 'myappv2');
    assert.equal(project('name: shop\nservices: {}\n').name, 'shop');
    assert.equal(project('name: shop\nservices: {}\n', { projectName: 'other' }).name, 'other');
    assert.equal(errorOf('services: {}\n', { projectName: 'Bad Name' }).text, 'invalid project name "Bad Name": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number');
  });

  it('services, ports (short and long), environment (list and map), command split like a shell, build, replicas', () => {
    const p = project(STACK);
    assert.deepEqual(p.services.map((s) => s.name), ['web', 'api', 'db']);
    const [web, api, db] = p.services as [ComposeProject['services'][0], ComposeProject['services'][0], ComposeProject['services'][0]];
    assert.deepEqual(web.ports, [
      { target: 80, published: '8080', hostIp: '', protocol: 'tcp', mode: 'ingress' },
      { target: 443, published: '8443', hostIp: '', protocol: 'tcp', mode: 'ingress' },
    ]);
    assert.deepEqual(web.environment, [['MODE', 'prod'], ['EMPTY', null]]);
    assert.deepEqual(api.environment, [['DB_HOST', 'db'], ['RETRIES', '3']]);
    assert.deepEqual(api.command, ['python', '-m', 'http.server', '8000']);
    assert.deepEqual(api.build, { context: './api', dockerfile: 'Dockerfile.dev' });
    assert.equal(api.replicas, 2);
    assert.equal(api.restart, 'unless-stopped');
    assert.deepEqual(api.networks, [{ name: 'back', aliases: ['backend'] }]);
    assert.deepEqual(api.volumes, [
      { type: 'volume', source: 'data', target: '/var/lib/data', readOnly: false },
      { type: 'bind', source: '/root/demo/conf', target: '/etc/app', readOnly: true },
    ]);
    assert.deepEqual(db.entrypoint, ['docker-entrypoint.sh', 'postgres']);
    assert.deepEqual(p.networks.map((n) => n.name), ['demo_front', 'demo_back']);
    assert.deepEqual(p.volumes.map((v) => v.name), ['demo_data']);
  });

  it('services without networks join the implicit project_default network', () => {
    const p = project('services:\n  a:\n    image: busybox\n  b:\n    image: busybox\n    network_mode: host\n');
    assert.deepEqual(p.networks.map((n) => [n.key, n.name]), [['default', 'demo_default']]);
    assert.deepEqual(p.services[0]!.networks, [{ name: 'default', aliases: [] }]);
    assert.deepEqual(p.services[1]!.networks, []);
  });

  it('depends_on order: dependencies start first and stop last', () => {
    const p = project(STACK);
    assert.deepEqual(startOrder(p).map((s) => s.name), ['db', 'api', 'web']);
    assert.deepEqual(stopOrder(p).map((s) => s.name), ['web', 'api', 'db']);
  });

  it('ranges and host addresses in short port syntax', () => {
    const p = project('services:\n  a:\n    image: x\n    ports:\n      - "127.0.0.1:5000-5001:80-81/udp"\n      - 9000\n');
    assert.deepEqual(p.services[0]!.ports.map((x) => `${x.hostIp}|${x.published}|${x.target}|${x.protocol}`), ['127.0.0.1|5000|80|udp', '127.0.0.1|5001|81|udp', '|9000|9000|tcp'.replace('|9000|9000', '||9000')]);
  });

  it('interpolates ${VAR}, ${VAR:-default} and warns about unset variables; $$ is a dollar', () => {
    const p = project('services:\n  a:\n    image: "nginx:${TAG:-latest}"\n    command: echo $$HOME ${WHO}\n', { env: {} });
    assert.equal(p.services[0]!.image, 'nginx:latest');
    assert.deepEqual(p.services[0]!.command, ['echo', '$HOME']);
    assert.deepEqual(p.warnings, ['The "WHO" variable is not set. Defaulting to a blank string.']);
    assert.equal(project('services:\n  a:\n    image: "nginx:${TAG:-latest}"\n', { env: { TAG: 'alpine' } }).services[0]!.image, 'nginx:alpine');
  });

  it('the obsolete version attribute is a warning, not an error', () => {
    assert.deepEqual(project('version: "3.8"\nservices: {}\n').warnings, [`${FILE}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`]);
  });

  it('secrets and configs: file references, targets under /run/secrets and /', () => {
    const p = project('services:\n  a:\n    image: x\n    secrets: [db_pw]\n    configs:\n      - source: nginx_conf\n        target: /etc/nginx/nginx.conf\nsecrets:\n  db_pw:\n    file: ./pw.txt\nconfigs:\n  nginx_conf:\n    file: nginx.conf\n');
    assert.deepEqual(p.services[0]!.secrets, [{ source: 'db_pw', target: '/run/secrets/db_pw' }]);
    assert.deepEqual(p.services[0]!.configs, [{ source: 'nginx_conf', target: '/etc/nginx/nginx.conf' }]);
    assert.equal(p.secrets[0]!.file, '/root/demo/pw.txt');
    assert.equal(p.configs[0]!.file, '/root/demo/nginx.conf');
  });

  const yamlErrors: Array<[string, string, string]> = [
    ['a value with a colon', 'services:\n  web:\n    image: nginx: latest\n', 'yaml: line 3: mapping values are not allowed in this context'],
    ['a tab as indentation', 'services:\n\tweb:\n', 'yaml: line 2: found character that cannot start any token'],
    ['a key less indented than its siblings', 'services:\n  web:\n    image: nginx\n   ports:\n', 'yaml: line 1: did not find expected key'],
    ['a list item after a mapping', 'a: b\n- c\n', 'yaml: line 1: did not find expected key'],
    ['a mapping entry inside a list', 'a:\n  - b\n  c: d\n', "yaml: line 1: did not find expected '-' indicator"],
    ['an unterminated quote', 'key: "unterminated\n', 'yaml: line 2: found unexpected end of stream'],
  ];
  for (const [what, text, message] of yamlErrors) it(`YAML error as go-yaml prints it: ${what}`, () => assert.equal(errorOf(text).text, message));

  const schemaErrors: Array<[string, string, string, number]> = [
    ['unknown service key', 'services:\n  web:\n    image: nginx\n    foo: 1\n', "validating /root/demo/compose.yaml: services.web additional properties 'foo' not allowed", 4],
    ['unknown top-level key', 'services: {}\nhelicopters: {}\n', "validating /root/demo/compose.yaml: (root) additional properties 'helicopters' not allowed", 2],
    ['image not a string', 'services:\n  web:\n    image: [nginx]\n', 'validating /root/demo/compose.yaml: services.web.image must be a number or string', 3],
    ['ports not a list', 'services:\n  web:\n    image: nginx\n    ports: "80:80"\n', 'validating /root/demo/compose.yaml: services.web.ports must be a array', 4],
    ['unknown port key', 'services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        publish: 8080\n', "validating /root/demo/compose.yaml: services.web.ports.0 additional properties 'publish' not allowed", 6],
  ];
  for (const [what, text, message, line] of schemaErrors) {
    it(`schema error: ${what} (line ${line})`, () => {
      const e = errorOf(text);
      assert.equal(e.text, message);
      assert.equal(e.line, line);
    });
  }

  const projectErrors: Array<[string, string, string]> = [
    ['no image and no build', 'services:\n  web:\n    ports: ["80"]\n', 'service "web" has neither an image nor a build context specified: invalid compose project'],
    ['undefined network', 'services:\n  web:\n    image: x\n    networks: [front]\n', 'service "web" refers to undefined network front: invalid compose project'],
    ['undefined dependency', 'services:\n  web:\n    image: x\n    depends_on: [db]\n', 'service "web" depends on undefined service db: invalid compose project'],
    ['undefined volume', 'services:\n  web:\n    image: x\n    volumes: ["data:/data"]\n', 'service "web" refers to undefined volume data: invalid compose project'],
    ['a depends_on cycle', 'services:\n  b:\n    image: x\n    depends_on: [a]\n  a:\n    image: x\n    depends_on: [b]\n', 'dependency cycle detected: a -> b -> a'],
    ['a bad port', 'services:\n  web:\n    image: x\n    ports: ["80:http"]\n', 'invalid containerPort: http'],
    ['an empty file', '', 'empty compose file'],
  ];
  for (const [what, text, message] of projectErrors) it(`project error: ${what}`, () => assert.equal(errorOf(text).text, message));

  it('property: never throws; every error has a line and column inside the text', () => {
    const pieces = ['services:', '  web:', '    image: nginx', '    ports:', '      - "80:80"', '      - 8080', '  db:', '\t', ': ', '- ', '"', "'", '{', '[', ']', '}', '&a', '*a', 'x: y: z', '    foo: 1', 'networks:', '  back:', '    depends_on: [db]', '#', '${X', '$$', '---'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.string({ maxLength: 8 }), (lines, junk) => {
        const text = [...lines, junk].join('\n');
        const r = loadProject({ file: FILE, text });
        if (r.ok) return true;
        const lineCount = text.split('\n').length + 1;
        assert.ok(r.error.message.length > 0);
        assert.ok(r.error.line >= 1 && r.error.line <= lineCount, `line ${r.error.line} of ${lineCount}`);
        assert.ok(r.error.col >= 1);
        return true;
      }),
      { numRuns: 400 },
    );
  });
});
