/**
 * Docker Hub "official images": the only repositories a bare, single-word
 * reference (`COPY --from=nginx`) can name, since it resolves to
 * `docker.io/library/<name>`. A bare word outside this list and outside the
 * stage names is almost certainly a mistyped stage.
 */
const OFFICIAL = new Set([
  'adminer', 'aerospike', 'almalinux', 'alpine', 'alt', 'amazoncorretto', 'amazonlinux', 'api-firewall', 'arangodb', 'archlinux', 'backdrop', 'bash', 'bonita', 'buildpack-deps',
  'busybox', 'caddy', 'cassandra', 'chronograf', 'cirros', 'clearlinux', 'clefos', 'clickhouse', 'clojure', 'composer', 'consul', 'convertigo', 'couchbase', 'couchdb', 'crate', 'dart', 'debian',
  'docker', 'drupal', 'eclipse-mosquitto', 'eclipse-temurin', 'eggdrop', 'elasticsearch', 'elixir', 'emqx', 'erlang', 'fedora', 'flink', 'fluentd', 'friendica', 'gazebo', 'gcc',
  'geonetwork', 'ghost', 'gradle', 'golang', 'groovy', 'haproxy', 'haskell', 'haxe', 'hello-world', 'hitch', 'httpd', 'hylang', 'ibm-semeru-runtimes', 'ibmjava', 'influxdb', 'irssi',
  'jetty', 'jenkins', 'joomla', 'jruby', 'julia', 'kapacitor', 'kibana', 'kong', 'krakend', 'lightstreamer', 'liquibase', 'logstash', 'mageia', 'mariadb', 'matomo', 'maven', 'mediawiki',
  'memcached', 'mongo', 'mongo-express', 'monica', 'mono', 'mysql', 'nats', 'nats-streaming', 'neo4j', 'neurodebian', 'nextcloud', 'nginx', 'node', 'notary', 'odoo', 'open-liberty',
  'openjdk', 'opensuse', 'oraclelinux', 'orientdb', 'percona', 'perl', 'photon', 'php', 'php-zendserver', 'phpmyadmin', 'plone', 'postfixadmin', 'postgres', 'powershell', 'pypy',
  'python', 'r-base', 'rabbitmq', 'rakudo-star', 'redis', 'redmine', 'registry', 'rethinkdb', 'rocket.chat', 'rockylinux', 'ros', 'ruby', 'rust', 'sapmachine', 'satosa', 'scratch',
  'silverpeas', 'sl', 'solr', 'sonarqube', 'spark', 'spiped', 'storm', 'swift', 'swipl', 'teamspeak', 'telegraf', 'tomcat', 'tomee', 'traefik', 'ubuntu', 'unit', 'varnish', 'vault',
  'websphere-liberty', 'wordpress', 'xwiki', 'yourls', 'znc', 'zookeeper', 'centos', 'java', 'iojs', 'django', 'rails', 'celery', 'sentry', 'owncloud', 'piwik', 'kaazing-gateway',
]);

export function isOfficialImage(name: string): boolean {
  return OFFICIAL.has(name.toLowerCase());
}
