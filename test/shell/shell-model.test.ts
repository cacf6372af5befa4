import assert from 'node:assert/strict';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { runScripts, shellFormScript } from '../../shared-rules/shell/run-scripts';
import { invocation } from '../../shared-rules/shell/commands';

function commandsOf(text: string, index = 1) {
  const m = parseDockerfile(text);
  return { m, scripts: runScripts(m, m.instructions[index]) };
}

describe('shell model', () => {
  it('gives simple commands, their words and the operators between them', () => {
    const { scripts } = commandsOf('FROM alpine:3.22\nRUN a x && b y; c | d || e\n');
    const cmds = scripts.main!.commands;
    assert.deepEqual(cmds.map((c) => [c.name, c.separator]), [['a', undefined], ['b', '&&'], ['c', ';'], ['d', '|'], ['e', '||']]);
    assert.deepEqual(cmds[0].args.map((w) => w.value), ['x']);
    assert.equal(scripts.main!.hasPipe, true);
  });

  it('maps words to exact ranges across continuation lines and comment lines', () => {
    const { scripts } = commandsOf('FROM alpine:3.22\nRUN apt-get install -y \\\n# a comment\n    curl \\\n  "git"\n');
    const cmd = scripts.main!.commands[0];
    assert.deepEqual(cmd.args.map((w) => [w.value, w.range.start.line, w.range.start.character, w.range.end.character]), [
      ['install', 1, 12, 19],
      ['-y', 1, 20, 22],
      ['curl', 3, 4, 8],
      ['git', 4, 2, 7],
    ]);
  });

  it('parses heredoc scripts and maps them into the body', () => {
    const { scripts } = commandsOf('FROM alpine:3.22\nRUN <<EOF\nset -e\napk add curl\nEOF\n');
    assert.equal(scripts.heredocs.length, 1);
    const add = scripts.heredocs[0].script.commands[1];
    assert.equal(add.name, 'apk');
    assert.deepEqual(add.args[1].range, { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } });
  });

  it('does not treat stdin heredocs of other programs as shell', () => {
    const { scripts } = commandsOf('FROM python:3.13\nRUN python3 <<EOF\nimport os\nEOF\n');
    assert.equal(scripts.heredocs.length, 0);
  });

  it('keeps quoting out of values and marks dynamic words', () => {
    const { scripts } = commandsOf('FROM alpine:3.22\nRUN echo "a b" \'c\' d\\ e "$HOME" $(id -u)\n');
    const [echo, id] = scripts.main!.commands;
    assert.deepEqual(echo.args.map((w) => [w.value, w.static]), [['a b', true], ['c', true], ['d e', true], ['"$HOME"', false], ['$(id -u)', false]]);
    assert.equal(id.name, 'id');
    assert.equal(id.inSubstitution, true);
  });

  it('unwraps sudo, env and xargs to the program that runs', () => {
    const { scripts } = commandsOf('FROM debian:bookworm\nRUN sudo -u root env A=1 apt-get update && xargs -rt apt-get install < list\n');
    assert.deepEqual(scripts.main!.commands.map((c) => invocation(c).program), ['apt-get', 'apt-get']);
  });

  it('never shell-parses Windows stages or exec form', () => {
    assert.equal(commandsOf('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n').scripts.all.length, 0);
    assert.equal(commandsOf('FROM alpine:3.22\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem\n', 2).scripts.all.length, 0);
    assert.equal(commandsOf('FROM alpine:3.22\nRUN ["echo", "x"]\n').scripts.all.length, 0);
  });

  it('works with the backtick escape on Linux-looking text too (no crash, Windows assumed)', () => {
    const m = parseDockerfile('# escape=`\nFROM alpine:3.22\nCMD echo a `\n  b\n');
    assert.equal(shellFormScript(m, m.instructions[1]), undefined);
  });
});
