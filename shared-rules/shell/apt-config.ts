import { stageChain } from '../model/stages';
import { DockerfileModel, Stage } from '../model/types';

/**
 * A stage (or a stage it builds on) that configured apt never to install
 * recommends, e.g. `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/…`.
 */
export function stageDisablesRecommends(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /Install-Recommends\s*"?\s*(false|0|no)/i.test(model.text.slice(i.start, i.end))));
}
