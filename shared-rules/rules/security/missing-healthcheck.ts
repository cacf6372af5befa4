import { Rule } from '../../engine/types';
import { finalStage, rootStage, stageChain } from '../../model/stages';
import { Stage } from '../../model/types';

/** Images whose default process is a network server (Docker Hub names, registry-qualified otherwise). */
const SERVER_IMAGES = new Set([
  'nginx', 'nginxinc/nginx-unprivileged', 'httpd', 'caddy', 'haproxy', 'traefik', 'envoyproxy/envoy', 'tomcat', 'jetty',
  'redis', 'valkey/valkey', 'postgres', 'mysql', 'mariadb', 'mongo', 'memcached', 'rabbitmq', 'cassandra', 'couchdb', 'neo4j', 'influxdb',
  'elasticsearch', 'kibana', 'logstash', 'solr', 'zookeeper', 'eclipse-mosquitto', 'nats', 'consul', 'vault', 'registry',
  'wordpress', 'ghost', 'drupal', 'joomla', 'nextcloud', 'odoo', 'redmine', 'mattermost/mattermost-team-edition', 'sonarqube',
  'jenkins/jenkins', 'grafana/grafana', 'prom/prometheus', 'minio/minio', 'quay.io/keycloak/keycloak',
]);

function isServerImage(stage: Stage): boolean {
  const img = stage.image;
  if (!img || stage.baseKind !== 'image') return false;
  const name = img.registry ? `${img.registry}/${img.repository}` : img.repository;
  if (SERVER_IMAGES.has(name.toLowerCase())) return true;
  // php:8.3-fpm, php:8.3-apache run a server by default.
  return name === 'php' && /(^|-)(fpm|apache)(-|$)/.test(img.tag ?? '');
}

const rule: Rule = {
  meta: {
    id: 'missing-healthcheck',
    category: 'security',
    severity: 'hint',
    enabledByDefault: false,
    fixable: 'none',
    equivalents: { hadolint: ['DL3057'], trivy: ['DS-0026'], checkov: ['CKV_DOCKER_2'] },
    docs: {
      summary: 'The final stage of a long-running service (it EXPOSEs a port, or builds on a known server image) has no HEALTHCHECK.',
      why:
        'Without a HEALTHCHECK, Docker and Compose only know whether the process is alive, not whether it still answers: a deadlocked server stays "running" and keeps receiving traffic, and `depends_on: condition: service_healthy` cannot wait for it. Kubernetes ignores HEALTHCHECK (it uses probes), so images deployed only there can say `HEALTHCHECK NONE` to record the decision. Off by default.',
      bad: 'FROM node:22-slim\nCOPY . /app\nEXPOSE 3000\nCMD ["node", "/app/server.js"]\n',
      good: 'FROM node:22-slim\nCOPY . /app\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch(\'http://localhost:3000/health\').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"\nCMD ["node", "/app/server.js"]\n',
      fix: 'None: the right probe depends on the service (an HTTP endpoint, `pg_isready`, `redis-cli ping`…).',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const final = finalStage(model);
    if (!final) return;
    // Final stage first, so an EXPOSE of the final stage is the one reported.
    const instructions = stageChain(model, final).reverse().flatMap((s) => s.instructions);
    if (instructions.some((i) => i.keyword === 'HEALTHCHECK')) return;
    const expose = instructions.filter((i) => i.keyword === 'EXPOSE')[0];
    const root = rootStage(model, final);
    if (expose) {
      ctx.report({ range: expose.keywordRange, instruction: expose, message: 'This image serves a port but has no HEALTHCHECK: add one so the runtime can tell a hung service from a healthy one.' });
      return;
    }
    if (isServerImage(root) && root.image) {
      ctx.report({ range: root.image.nameRange ?? root.image.range, instruction: root.from, message: `\`${root.image.repository}\` runs a server but the image has no HEALTHCHECK: add one so the runtime can tell a hung service from a healthy one.` });
    }
  },
};

export default rule;
