import rule from '../../shared-rules/rules/size/package-manager-missing-yes';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n',
    { name: '--assumeyes', code: 'FROM centos:7\nRUN yum --assumeyes install httpd && yum clean all\n' },
    { name: 'clustered -yq', code: 'FROM centos:7\nRUN yum -yq install httpd && yum clean all\n' },
    { name: 'zypper global -n', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n' },
    { name: 'zypper --non-interactive', code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl\n' },
    { name: 'zypper install -y', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n' },
    { name: 'assumeyes in dnf.conf', code: 'FROM fedora:41\nRUN echo "assumeyes=True" >> /etc/dnf/dnf.conf\nRUN dnf install httpd\n' },
    { name: 'microdnf does not prompt without a terminal', code: 'FROM oraclelinux:9-slim\nRUN microdnf install tar && microdnf clean all\n' },
    { name: 'makecache does not prompt', code: 'FROM fedora:41\nRUN dnf makecache\n' },
    { name: 'yes piped in', code: 'FROM centos:7\nRUN yes | yum install httpd\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:41\nRUN dnf install httpd && dnf clean all\n',
      errors: [{ line: 2, column: 9, endColumn: 16 }],
      output: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n',
      safe: true,
    },
    {
      name: 'yum groupinstall',
      code: 'FROM centos:7\nRUN yum groupinstall "Development Tools"\n',
      errors: [{ line: 2, column: 9, endColumn: 21 }],
      output: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n',
    },
    {
      name: 'dnf group install: -y after the group subcommand',
      code: 'FROM fedora:41\nRUN dnf group install "C Development Tools"\n',
      errors: [{ line: 2, column: 9 }],
      output: 'FROM fedora:41\nRUN dnf group install -y "C Development Tools"\n',
    },
    {
      name: 'zypper -y before the subcommand is not --no-confirm',
      code: 'FROM opensuse/leap:15.6\nRUN zypper ref && zypper in curl\n',
      errors: [{ line: 2, column: 26, endColumn: 28, message: 'zypper in' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper ref && zypper in -y curl\n',
    },
  ],
});
