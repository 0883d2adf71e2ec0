import { countFindings, type FileResult, type Finding } from '../findings.js';
import type { Formatter } from './types.js';

/**
 * JUnit XML, as GitLab (artifacts:reports:junit) and Jenkins read it: one
 * <testsuite> per file, one <testcase> per finding, and one passing
 * <testcase> for a clean file, so a fixed file shows up as a fixed test.
 * Errors and warnings are failures; an info is a passing test case that
 * carries its message in <system-out>, since infos never fail a run and a
 * clean repository must not show up as dozens of failed tests.
 */
export const junit: Formatter = (results) => {
  const all = results.flatMap((result) => result.findings);
  const ioErrors = results.filter((result) => result.ioError).length;
  const tests = results.reduce((sum, result) => sum + Math.max(1, result.findings.length), 0);
  const counts = countFindings(all);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cjm lint" tests="${tests}" failures="${counts.errors + counts.warnings}" errors="${ioErrors}">`,
    `  <!-- ${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos -->`,
    ...results.flatMap(testsuite),
    '</testsuites>',
    '',
  ].join('\n');
};

function testsuite(result: FileResult): string[] {
  const file = attr(result.file);
  if (result.ioError) {
    return [
      `  <testsuite name="${file}" tests="1" failures="0" errors="1">`,
      `    <testcase classname="${file}" name="read file">`,
      `      <error message="${attr(result.ioError)}" type="io-error">${text(`${result.file}: ${result.ioError}`)}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ];
  }
  if (result.findings.length === 0) {
    return [`  <testsuite name="${file}" tests="1" failures="0" errors="0">`, `    <testcase classname="${file}" name="cjm lint"/>`, '  </testsuite>'];
  }
  const failures = result.findings.filter((finding) => finding.severity !== 'info').length;
  return [`  <testsuite name="${file}" tests="${result.findings.length}" failures="${failures}" errors="0">`, ...result.findings.flatMap(testcase), '  </testsuite>'];
}

function testcase(finding: Finding): string[] {
  const where = `${finding.line}:${finding.column}`;
  const detail = text(`${finding.severity} ${finding.ruleId} at ${finding.file}:${where}: ${finding.message}`);
  const body =
    finding.severity === 'info'
      ? `      <system-out>${detail}</system-out>`
      : `      <failure message="${attr(finding.message)}" type="${finding.severity}">${detail}</failure>`;
  return [`    <testcase classname="${attr(finding.file)}" name="${attr(`${finding.ruleId} at ${where}`)}">`, body, '    </testcase>'];
}

// Characters XML 1.0 cannot hold at all, even escaped: control characters, lone surrogates, U+FFFE/U+FFFF.
const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function text(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and line breaks and tabs as references (a parser would fold them to spaces). */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
