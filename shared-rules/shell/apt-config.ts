import { DockerfileModel, Stage } from '../model/types';

/**
 * A stage (or a stage it builds on) that configured apt never to install
 * recommends, e.g. `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/…`.
 */
export function stageDisablesRecommends(model: DockerfileModel, stage: Stage): boolean {
  for (let s: Stage | undefined = stage, guard = 0; s && guard <= model.stages.length; s = s.baseStage !== undefined ? model.stages[s.baseStage] : undefined, guard++) {
    for (const i of s.instructions) {
      if (i.keyword === 'RUN' && /Install-Recommends\s*"?\s*(false|0|no)/i.test(model.text.slice(i.start, i.end))) return true;
    }
  }
  return false;
}
