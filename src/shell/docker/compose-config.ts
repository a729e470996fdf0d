/**
 * `docker compose config`: the normalised model as YAML (go-yaml v3, indent 2, sequences indented
 * under their key, strings quoted only when YAML would read them otherwise). Keys follow
 * compose-go's types order; only the attributes Vethlab models are printed.
 */
import type { ComposeProject, ComposeService } from '../../engine/compose';

function scalar(v: string): string {
  if (v === '' || /^(true|false|yes|no|on|off|null|~|[-+]?\d[\d_.:eE+-]*|0x[0-9a-fA-F]+)$/i.test(v) || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(v)) return JSON.stringify(v);
  return v;
}

function serviceLines(p: ComposeProject, s: ComposeService): string[] {
  const L: string[] = [`  ${s.name}:`];
  if (s.build) L.push('    build:', `      context: ${scalar(s.build.context.startsWith('/') ? s.build.context : `${p.workingDir}/${s.build.context}`.replace(/\/\.?\/?$/, '').replace('/./', '/'))}`, `      dockerfile: ${scalar(s.build.dockerfile)}`);
  if (s.command) L.push('    command:', ...s.command.map((c) => `      - ${scalar(c)}`));
  if (s.containerName) L.push(`    container_name: ${scalar(s.containerName)}`);
  if (s.dependsOn.length > 0) {
    L.push('    depends_on:');
    for (const dep of s.dependsOn) L.push(`      ${dep}:`, '        condition: service_started', '        required: true');
  }
  if (s.replicas !== 1) L.push('    deploy:', `      replicas: ${s.replicas}`);
  if (s.entrypoint) L.push('    entrypoint:', ...s.entrypoint.map((c) => `      - ${scalar(c)}`));
  if (s.environment.length > 0) {
    L.push('    environment:');
    for (const [k, v] of s.environment) L.push(`      ${k}: ${v === null ? 'null' : scalar(v)}`);
  }
  if (s.hostname) L.push(`    hostname: ${scalar(s.hostname)}`);
  if (s.image) L.push(`    image: ${scalar(s.image)}`);
  if (s.networkMode) L.push(`    network_mode: ${scalar(s.networkMode)}`);
  if (s.networks.length > 0) {
    L.push('    networks:');
    for (const n of s.networks) {
      if (n.aliases.length === 0) L.push(`      ${n.name}: null`);
      else L.push(`      ${n.name}:`, '        aliases:', ...n.aliases.map((a) => `          - ${scalar(a)}`));
    }
  }
  if (s.ports.length > 0) {
    L.push('    ports:');
    for (const port of s.ports) {
      L.push(`      - mode: ${port.mode}`);
      if (port.hostIp) L.push(`        host_ip: ${port.hostIp}`);
      L.push(`        target: ${port.target}`);
      if (port.published) L.push(`        published: "${port.published}"`);
      L.push(`        protocol: ${port.protocol}`);
    }
  }
  if (s.restart !== 'no') L.push(`    restart: ${s.restart}`);
  if (s.secrets.length > 0) L.push('    secrets:', ...s.secrets.flatMap((r) => [`      - source: ${r.source}`, `        target: ${r.target}`]));
  if (s.configs.length > 0) L.push('    configs:', ...s.configs.flatMap((r) => [`      - source: ${r.source}`, `        target: ${r.target}`]));
  if (s.volumes.length > 0) {
    L.push('    volumes:');
    for (const m of s.volumes) {
      L.push(`      - type: ${m.type}`);
      if (m.source) L.push(`        source: ${scalar(m.source)}`);
      L.push(`        target: ${scalar(m.target)}`);
      if (m.readOnly) L.push('        read_only: true');
      L.push(m.type === 'bind' ? '        bind:\n          create_host_path: true' : '        volume: {}');
    }
  }
  return L;
}

export function composeConfig(p: ComposeProject): string {
  const L: string[] = [`name: ${p.name}`, 'services:'];
  for (const s of [...p.services].sort((a, b) => a.name.localeCompare(b.name))) L.push(...serviceLines(p, s));
  if (p.networks.length > 0) {
    L.push('networks:');
    for (const n of [...p.networks].sort((a, b) => a.key.localeCompare(b.key))) {
      L.push(`  ${n.key}:`, `    name: ${n.name}`);
      if (n.driver !== 'bridge') L.push(`    driver: ${n.driver}`);
      if (n.external) L.push('    external: true');
    }
  }
  if (p.volumes.length > 0) {
    L.push('volumes:');
    for (const v of [...p.volumes].sort((a, b) => a.key.localeCompare(b.key))) {
      L.push(`  ${v.key}:`, `    name: ${v.name}`);
      if (v.driver !== 'local') L.push(`    driver: ${v.driver}`);
      if (v.external) L.push('    external: true');
    }
  }
  for (const [kind, list] of [['secrets', p.secrets], ['configs', p.configs]] as const) {
    if (list.length === 0) continue;
    L.push(`${kind}:`);
    for (const o of list) {
      L.push(`  ${o.key}:`, `    name: ${o.name}`);
      if (o.file) L.push(`    file: ${o.file}`);
      if (o.environment) L.push(`    environment: ${o.environment}`);
      if (o.content !== undefined) L.push(`    content: ${scalar(o.content)}`);
      if (o.external) L.push('    external: true');
    }
  }
  return L.join('\n') + '\n';
}
