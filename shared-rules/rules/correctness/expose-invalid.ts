import { Rule } from '../../engine/types';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** What is wrong with one EXPOSE word, or undefined when it is a valid `port[-port][/protocol]`. */
export function exposeProblem(word: string): string | undefined {
  const slash = word.indexOf('/');
  const ports = slash === -1 ? word : word.slice(0, slash);
  const proto = slash === -1 ? undefined : word.slice(slash + 1);
  if (ports.includes(':')) return `\`${word}\` maps a host port: EXPOSE only documents container ports, publish with \`docker run -p\` instead.`;
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  if (!m) return `\`${ports}\` is not a port number: use \`port[/tcp|udp|sctp]\`.`;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  if (low > 65535 || high > 65535) return `Port ${low > 65535 ? low : high} is out of range: ports go from 0 to 65535.`;
  if (high < low) return `Port range \`${ports}\` ends before it starts.`;
  if (proto !== undefined && !PROTOCOLS.has(proto)) {
    return PROTOCOLS.has(proto.toLowerCase()) ? `Write the protocol in lowercase: \`${ports}/${proto.toLowerCase()}\`.` : `\`${proto}\` is not a protocol: use tcp, udp or sctp.`;
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'expose-invalid',
    scope: 'instruction',
    category: 'correctness',
    severity: 'error',
    fixable: 'none',
    equivalents: { hadolint: ['DL3011'], buildkit: ['ExposeInvalidFormat', 'ExposeProtoCasing'] },
    docs: {
      summary: 'EXPOSE with a port out of range, a host mapping or an unknown protocol.',
      why:
        'EXPOSE records container ports in the image (`port`, `port-port`, optionally `/tcp`, `/udp` or `/sctp`). A port above 65535 or a word that is not a number fails the build; a host mapping such as `8080:80` or `127.0.0.1:80` cannot be honoured by an image (publishing is decided at `docker run -p`) and is deprecated; an upper-case or unknown protocol is rejected or warned about (ExposeInvalidFormat, ExposeProtoCasing).',
      bad: 'FROM nginx:1.29\nEXPOSE 8080:80\n',
      good: 'FROM nginx:1.29\nEXPOSE 80\n',
      fix: 'None: write the container port, and publish it with `docker run -p 8080:80`.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const arg of instr.args) {
        // Ports from variables are known only at build time.
        if (arg.raw.includes('$')) continue;
        const problem = exposeProblem(arg.value);
        if (problem) ctx.report({ range: arg.range, instruction: instr, message: problem });
      }
    }
  },
};

export default rule;
