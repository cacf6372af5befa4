import rule from '../../shared-rules/rules/size/package-manager-cache-not-cleaned';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n',
    { name: 'yum clean all after dnf (same cache on EL8+)', code: 'FROM rockylinux/rockylinux:9\nRUN dnf install -y httpd && yum clean all\n' },
    { name: 'rm of the cache directory', code: 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n' },
    { name: 'zypper cc', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper cc -a\n' },
    { name: 'cache mount', code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n' },
    { name: 'build stage not in the image', code: 'FROM fedora:41 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /x /x\n' },
    { name: 'clean packages only does not count, but remove does not download', code: 'FROM fedora:41\nRUN dnf remove -y vim\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:41\nRUN dnf install -y httpd\n',
      errors: [{ line: 2, column: 9, endColumn: 16, message: 'dnf clean all' }],
      output: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n',
      safe: true,
    },
    {
      name: 'yum update',
      code: 'FROM centos:7\nRUN yum -y update\n',
      errors: [{ line: 2, column: 12, endColumn: 18 }],
      output: 'FROM centos:7\nRUN yum -y update && yum clean all\n',
    },
    {
      name: 'microdnf',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar\n',
      errors: [{ line: 2, column: 14 }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && microdnf clean all\n',
    },
    {
      name: 'zypper alias',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl\n',
      errors: [{ line: 2, column: 15, endColumn: 17 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean --all\n',
    },
    {
      name: 'clean packages leaves the metadata',
      code: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean packages\n',
      errors: [{ line: 2, column: 9 }],
      output: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean packages && dnf clean all\n',
    },
  ],
});
